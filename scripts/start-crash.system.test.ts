/**
 * `npm start` is crash-safe (issue 12, point 6): kill -9 of the whole `npm start` (the npm process group: the
 * start script, `next start` and the embedded PostgreSQL) while 20 writers create claims through the JSON API,
 * then `npm start` again on the same data: it starts, and every write that was answered 201 is there.
 *
 * Each round: start (or restart) Margin on its own port and data directory (PORT, MARGIN_DATA_DIR: never the
 * developer's .data or port 3000), check that every write acknowledged so far exists, let 20 writers (Alice and
 * Bob, the seeded demo accounts, signed in once) create claims, and kill -9 the process group at a random
 * moment once they are under way (after the first 20 acknowledged writes). The check after the last kill needs one more start. Prints its
 * figures. Uses the production build through start.mjs's own build step (skipped when sources are unchanged).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { afterAll, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = 5;
const writers = 20;
const warmUpWrites = 20; // acknowledged writes before the kill may come: the server is past its cold start
const maxKillDelayMs = 1500; // then the kill comes at a random moment within this

// The scripts are plain .mjs without types; load them by URL (as lib/testing/global-setup.ts does).
type StackModule = {
  signIn: (baseUrl: string, email: string, password: string) => Promise<string>;
  createClaimBody: string;
};
type DatabaseModule = { findFreePort: () => Promise<number> };
type ProjectModule = { isInstallCurrent: () => boolean };
type ProcessesModule = {
  describeProcess: (pid: number) => { commandLine: string } | null | undefined;
  listProcessTree: (pid: number) => number[];
  waitForProcessExit: (pid: number, timeoutMs: number) => Promise<boolean>;
};
const load = <Module>(relative: string) => import(pathToFileURL(path.join(root, relative)).href) as Promise<Module>;

type Margin = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> };

const dataDirectory = mkdtempSync(path.join(os.tmpdir(), "margin-crash-"));
// As root, PostgreSQL runs as the postgres user, who must reach the cluster inside: keep it out of the 0700 default.
chmodSync(dataDirectory, 0o755);
let running: Margin | null = null;

afterAll(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    process.kill(-running.child.pid!, "SIGINT"); // as Ctrl-C in a terminal
    await running.exited;
  }
  rmSync(dataDirectory, { recursive: true, force: true });
});

/** `npm start` as its own process group (detached), so that the whole of it can be killed at once. */
function startMargin(port: number): Margin {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    MARGIN_DATA_DIR: dataDirectory,
    AUTH_SECRET: "crash-test-secret-crash-test-secret-0123",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  // Not inherited: DATABASE_URL (the embedded PostgreSQL, in the data directory above), MARGIN_DEMO (demo mode,
  // its default there: the seeded accounts), NODE_ENV (Vitest's "test").
  for (const name of ["DATABASE_URL", "MARGIN_DEMO", "NODE_ENV"]) delete env[name];
  const child = spawn("npm", ["start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves when /api/health/ready answers 200; rejects with the output if npm start exits first. */
async function waitUntilReady(margin: Margin, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void margin.exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`npm start exited before it was ready:\n${margin.output().slice(-3000)}`);
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${margin.output().slice(-3000)}`);
}

type Round = { sent: number; acknowledged: string[]; otherStatuses: number[] };

/** Creates claims until the server is gone (a request fails); records the id of every 201. */
async function write(baseUrl: string, cookie: string, documentId: string, body: string, round: Round, onAcknowledged: () => void) {
  for (;;) {
    round.sent += 1;
    try {
      const response = await fetch(`${baseUrl}/api/documents/${documentId}/claims`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body,
      });
      if (response.status !== 201) {
        round.otherStatuses.push(response.status);
        await response.body?.cancel();
        continue;
      }
      const claim = (await response.json()) as { id: string };
      round.acknowledged.push(claim.id);
      onAcknowledged();
    } catch {
      return; // refused or reset: the server is gone (or died mid-answer: not acknowledged)
    }
  }
}

async function listClaimIds(baseUrl: string, cookie: string, documentId: string): Promise<Set<string>> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/claims`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { id: string }[] };
  return new Set(items.map((item) => item.id));
}

it(`loses no acknowledged write when the whole npm start is killed with SIGKILL (${rounds} rounds, ${writers} writers)`, async () => {
  const [{ signIn, createClaimBody }, { findFreePort }, { describeProcess, listProcessTree, waitForProcessExit }, { isInstallCurrent }] = await Promise.all([
    load<StackModule>("scripts/bench/lib/stack.mjs"),
    load<DatabaseModule>("scripts/lib/database.mjs"),
    load<ProcessesModule>("scripts/lib/processes.mjs"),
    load<ProjectModule>("scripts/lib/project.mjs"),
  ]);
  // On a stale install npm start would run `npm ci`, replacing node_modules under this very test run.
  expect(isInstallCurrent(), "node_modules must be installed by npm test or npm start (the install stamp is stale)").toBe(true);
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const acknowledged: string[] = [];
  const totals = { sent: 0, lost: 0, otherStatuses: 0 };
  let cookies: string[] = [];
  let documentId = "";
  let claimsBefore = 0; // the seed's claims, before any writer
  const startedAt = Date.now();

  for (let round = 1; round <= rounds + 1; round += 1) {
    const restartStartedAt = Date.now();
    running = startMargin(port);
    // The first start may build the app; later ones skip the build.
    await waitUntilReady(running, baseUrl, round === 1 ? 600_000 : 180_000);
    const restartSeconds = (Date.now() - restartStartedAt) / 1000;

    if (round === 1) {
      expect(running.output()).toContain('Demo mode on: every sign-up joins "Demo newsroom"'); // the embedded database's default
      cookies = [await signIn(baseUrl, "alice@example.com", "margin-demo"), await signIn(baseUrl, "bob@example.com", "margin-demo")];
      const documents = (await (await fetch(`${baseUrl}/api/documents`, { headers: { cookie: cookies[0]! } })).json()) as { items: { id: string }[] };
      documentId = documents.items[0]!.id;
      claimsBefore = (await listClaimIds(baseUrl, cookies[0]!, documentId)).size;
    }

    // Every write acknowledged before any earlier kill is there.
    const present = await listClaimIds(baseUrl, cookies[0]!, documentId);
    const lost = acknowledged.filter((id) => !present.has(id));
    totals.lost += lost.length;
    expect(lost, `acknowledged writes missing after restart ${round - 1}`).toEqual([]);
    if (round > rounds) {
      // Requests cut off by a kill may or may not have been committed; either is correct, as nobody was told.
      const keptUnacknowledged = present.size - claimsBefore - acknowledged.length;
      console.log(
        `  final start: ${restartSeconds.toFixed(1)} s; all ${acknowledged.length} acknowledged writes present, ` +
          `and ${keptUnacknowledged} of the ${totals.sent - acknowledged.length - totals.otherStatuses} requests cut off by the kills`,
      );
      break;
    }

    // 20 writers; kill -9 the whole group at a random moment once they are under way.
    const current: Round = { sent: 0, acknowledged: [], otherStatuses: [] };
    let warmedUp = () => {};
    const isWarm = new Promise<void>((resolve) => (warmedUp = resolve));
    const onAcknowledged = () => current.acknowledged.length >= warmUpWrites && warmedUp();
    const writing = Array.from({ length: writers }, (_, index) =>
      write(baseUrl, cookies[index % cookies.length]!, documentId, createClaimBody, current, onAcknowledged),
    );
    const allStopped = Promise.all(writing).then(() => "stopped" as const);
    if ((await Promise.race([isWarm, allStopped])) === "stopped") {
      throw new Error(`the writers stopped before the kill (${current.acknowledged.length} acknowledged):\n${running.output().slice(-3000)}`);
    }
    const killDelayMs = Math.floor(Math.random() * maxKillDelayMs);
    await new Promise((resolve) => setTimeout(resolve, killDelayMs));
    const group = running.child.pid!;
    const tree = listProcessTree(group);
    const commandLines = tree.map((pid) => describeProcess(pid)?.commandLine ?? "");
    expect(commandLines.some((line) => line.includes(`postgres -D ${dataDirectory}`))).toBe(true);
    expect(commandLines.some((line) => line.includes("next-server"))).toBe(true);
    process.kill(-group, "SIGKILL");
    await running.exited;
    await Promise.all(writing);

    // Everything npm start had started is gone: postgres (its backends leave their process group, so by pid,
    // whatever user they run as) and next-server; and nothing answers on the port.
    const survivors = (await Promise.all(tree.map(async (pid) => ((await waitForProcessExit(pid, 15_000)) ? null : pid)))).filter(Boolean);
    expect(survivors, "processes of the killed npm start still running").toEqual([]);
    await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();

    acknowledged.push(...current.acknowledged);
    totals.sent += current.sent;
    totals.otherStatuses += current.otherStatuses.length;
    console.log(
      `  round ${round}: started in ${restartSeconds.toFixed(1)} s; killed ${killDelayMs} ms after the ${warmUpWrites}th 201 ` +
        `(${tree.length} processes); ${current.sent} requests, ${current.acknowledged.length} acknowledged` +
        (current.otherStatuses.length ? `, other answers: ${[...new Set(current.otherStatuses)].join(", ")}` : ""),
    );
    expect(current.acknowledged.length).toBeGreaterThan(0);
  }

  console.log(
    `start-crash: ${rounds} rounds, ${totals.sent} requests sent, ${acknowledged.length} acknowledged writes, ` +
      `${totals.lost} lost, in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  );
  expect(totals.lost).toBe(0);
  expect(totals.otherStatuses).toBe(0);
});
