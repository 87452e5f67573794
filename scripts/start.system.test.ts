/**
 * `npm start` fails in one clear sentence naming the step, never with a stack trace (issue 12, point 7), and
 * chooses demo mode by where its data lives (point 8). Each case stops early (steps 1–3), so these are cheap:
 * the data directory is a temporary one (MARGIN_DATA_DIR), the port one that is free or deliberately taken.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const load = <Module>(relative: string) => import(pathToFileURL(path.join(root, relative)).href) as Promise<Module>;

type DatabaseModule = { findFreePort: () => Promise<number> };
type LockModule = { acquireStartLock: (file: string, info?: object) => { release: () => void } };
type ProjectModule = { isInstallCurrent: () => boolean };

let findFreePort: DatabaseModule["findFreePort"];
let acquireStartLock: LockModule["acquireStartLock"];
const folders: string[] = [];

beforeAll(async () => {
  const [database, lock, project] = await Promise.all([
    load<DatabaseModule>("scripts/lib/database.mjs"),
    load<LockModule>("scripts/lib/start-lock.mjs"),
    load<ProjectModule>("scripts/lib/project.mjs"),
  ]);
  findFreePort = database.findFreePort;
  acquireStartLock = lock.acquireStartLock;
  // Past step 1, npm start would run `npm ci` on a stale install, under this very test run.
  expect(project.isInstallCurrent(), "node_modules must be installed by npm test or npm start (the install stamp is stale)").toBe(true);
});
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function makeDataDirectory(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "margin-start-"));
  chmodSync(folder, 0o755); // as root, PostgreSQL's user must reach the cluster inside
  folders.push(folder);
  return folder;
}

/** Runs the start script to its end; returns its exit code and output (stdout and stderr, interleaved). */
async function runStart(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string; lastLine: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", NO_COLOR: "1", AUTH_SECRET: "start-test-secret-start-test-secret-01234" };
  for (const name of ["DATABASE_URL", "MARGIN_DEMO", "NODE_ENV", "HOST"]) delete childEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = output.trim().split("\n");
  return { code, output, lastLine: lines.at(-1) ?? "" };
}

function expectOneSentenceFailure(result: { code: number | null; output: string; lastLine: string }, pattern: RegExp) {
  expect(result.code, result.output).toBe(1);
  expect(result.lastLine, result.output).toMatch(pattern);
  expect(result.output, "no stack trace").not.toMatch(/^\s+at /mu);
  expect(result.output).not.toMatch(/Unhandled|node:internal/u);
}

describe("npm start fails in one sentence naming the step", () => {
  it("port taken; a stale lock (a reused pid) is not mistaken for a running Margin", async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const dataDirectory = makeDataDirectory();
      // This test's own pid, but not the process that wrote the lock: as after a kill -9 and pid reuse.
      writeFileSync(path.join(dataDirectory, "start.pid"), JSON.stringify({ pid: process.pid, startId: "an-earlier-boot/42" }));
      const result = await runStart({ PORT: String(port), MARGIN_DATA_DIR: dataDirectory });
      expectOneSentenceFailure(
        result,
        new RegExp(`^Step 1/7 \\(check\\) failed: port ${port} on 127\\.0\\.0\\.1 is already in use; stop what uses it, or choose another port: PORT=${port + 1} npm start\\.$`),
      );
      expect(result.output).not.toContain("already running");
    } finally {
      blocker.close();
    }
  });

  it("HOST that is not an address of this machine", async () => {
    const result = await runStart({ PORT: String(await findFreePort()), MARGIN_DATA_DIR: makeDataDirectory(), HOST: "192.0.2.1" });
    expectOneSentenceFailure(result, /^Step 1\/7 \(check\) failed: HOST 192\.0\.2\.1 is not an address of this machine \(EADDRNOTAVAIL\); use 127\.0\.0\.1, or 0\.0\.0\.0 for all interfaces\.$/);
  });

  it("a live start on the same data directory: already running, with its pid", async () => {
    const dataDirectory = makeDataDirectory();
    const held = acquireStartLock(path.join(dataDirectory, "start.pid"), { url: "http://127.0.0.1:3999" });
    try {
      const result = await runStart({ PORT: String(await findFreePort()), MARGIN_DATA_DIR: dataDirectory });
      expectOneSentenceFailure(result, new RegExp(`^Step 1/7 \\(check\\) failed: Margin is already running on this data directory \\(process ${process.pid}, http://127\\.0\\.0\\.1:3999\\)`));
    } finally {
      held.release();
    }
  });

  it.each([
    ["not a URL", "the margin database", /^Step 1\/7 \(check\) failed: DATABASE_URL is not a URL; it must look like postgresql:\/\/user:password@host:5432\/margin\.$/],
    ["another protocol", "mysql://u:p@localhost/margin", /^Step 1\/7 \(check\) failed: DATABASE_URL must start with postgresql:\/\/ \(it starts with "mysql:"\); e\.g\. /],
  ])("bad DATABASE_URL: %s", async (_, databaseUrl, pattern) => {
    const result = await runStart({ PORT: String(await findFreePort()), MARGIN_DATA_DIR: makeDataDirectory(), DATABASE_URL: databaseUrl });
    expectOneSentenceFailure(result, pattern);
  });

  it("DATABASE_URL where nothing listens: step 3, and demo mode is off by default there", async () => {
    const closedPort = await findFreePort();
    const result = await runStart({
      PORT: String(await findFreePort()),
      MARGIN_DATA_DIR: makeDataDirectory(),
      DATABASE_URL: `postgresql://margin:secret@127.0.0.1:${closedPort}/margin`,
    });
    expectOneSentenceFailure(
      result,
      new RegExp(`^Step 3/7 \\(database\\) failed: nothing accepts connections at 127\\.0\\.0\\.1:${closedPort} \\(connection refused\\); is PostgreSQL running there, and is the port right\\?$`),
    );
    expect(result.output).toContain("Demo mode off: sign-ups join no team, no demo accounts are seeded (the default with DATABASE_URL; MARGIN_DEMO=1 turns it on)");
    expect(result.output).not.toContain("secret"); // the password in DATABASE_URL is never shown
  });

  it("an explicit MARGIN_DEMO wins over the default; a wrong value is refused", async () => {
    const on = await runStart({
      PORT: String(await findFreePort()),
      MARGIN_DATA_DIR: makeDataDirectory(),
      DATABASE_URL: `postgresql://margin:secret@127.0.0.1:${await findFreePort()}/margin`,
      MARGIN_DEMO: "1",
    });
    expect(on.output).toContain("Demo mode on: every sign-up joins \"Demo newsroom\", demo accounts are seeded (MARGIN_DEMO=1)");
    const wrong = await runStart({ PORT: String(await findFreePort()), MARGIN_DATA_DIR: makeDataDirectory(), MARGIN_DEMO: "yes" });
    expectOneSentenceFailure(wrong, /^Step 1\/7 \(check\) failed: MARGIN_DEMO must be 1 \(on\) or 0 \(off\), not "yes"\.$/);
  });

  // A full disk for real: a 2 MB tmpfs as the data directory (needs root and mount; skipped elsewhere).
  let mountPoint: string | null = null;
  beforeAll(() => {
    if (process.getuid?.() !== 0 || process.platform !== "linux") return;
    const target = path.join(makeDataDirectory(), "small-disk");
    mkdirSync(target);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", target], { stdio: "ignore" });
      mountPoint = target;
    } catch {
      // Not allowed here (a container without CAP_SYS_ADMIN): the case is skipped.
    }
  });
  afterAll(() => {
    if (mountPoint) execFileSync("umount", [mountPoint]);
  });

  it("no space left on the disk: step 3", async (context) => {
    if (!mountPoint) context.skip();
    const result = await runStart({ PORT: String(await findFreePort()), MARGIN_DATA_DIR: mountPoint! });
    expectOneSentenceFailure(result, /^Step 3\/7 \(database\) failed: the disk is full \(no space left on device\); free some space and run npm start again\.$/);
  });
});
