/**
 * What lets `npm start` recognise a stale lock and fail in one sentence (issue 12, points 6 and 7): the start
 * lock (pid + process start time), the process descriptions it relies on, and the failure sentences.
 *
 * (In the `system` project because that is the Vitest project that collects scripts/; these need no server.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const load = <Module>(relative: string) => import(pathToFileURL(path.join(root, relative)).href) as Promise<Module>;

type ProcessDescription = { pid: number; parentPid: number; isZombie: boolean; startId: string; startTimeMs: number; commandLine: string };
type LockModule = {
  parseLockRecord: (text: string) => { pid: number; startId?: string } | null;
  isLockHolderRunning: (record: { pid: number; startId?: string }, description: ProcessDescription | null | undefined) => boolean;
  acquireStartLock: (file: string, info?: object) => { release: () => void };
};
type ProcessesModule = {
  describeProcess: (pid: number) => ProcessDescription | null | undefined;
  parseProcStat: (text: string) => { state: string; parentPid: number; startTicks: string } | null;
  parsePsLine: (line: string) => { parentPid: number; state: string; started: string; command: string } | null;
};
type FailuresModule = {
  describeFailure: (error: unknown) => string;
  formatStepFailure: (label: string, sentence: string) => string;
  StartError: new (message: string) => Error;
};

let lock: LockModule;
let processes: ProcessesModule;
let failures: FailuresModule;
beforeAll(async () => {
  [lock, processes, failures] = await Promise.all([
    load<LockModule>("scripts/lib/start-lock.mjs"),
    load<ProcessesModule>("scripts/lib/processes.mjs"),
    load<FailuresModule>("scripts/lib/failures.mjs"),
  ]);
});

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function makeFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "margin-lock-"));
  folders.push(folder);
  return folder;
}

describe("the start lock", () => {
  const description = (overrides: Partial<ProcessDescription> = {}): ProcessDescription => ({
    pid: 7,
    parentPid: 1,
    isZombie: false,
    startId: "boot/100",
    startTimeMs: 0,
    commandLine: "node scripts/start.mjs",
    ...overrides,
  });
  it.each([
    ["123", { pid: 123 }],
    ['{"pid":123,"startId":"boot/9","url":"http://127.0.0.1:3000"}\n', { pid: 123, startId: "boot/9" }],
    ["", null],
    ['{"pid":12', null],
    ['{"pid":-1}', null],
  ])("parses %j", (text, expected) => {
    const record = lock.parseLockRecord(text);
    if (expected) expect(record).toMatchObject(expected);
    else expect(record).toBeNull();
  });
  it.each([
    ["the same process", { pid: 7, startId: "boot/100" }, description(), true],
    ["the pid reused after a kill -9 or reboot", { pid: 7, startId: "boot/100" }, description({ startId: "boot/999" }), false],
    ["the pid reused after a reboot (other boot id)", { pid: 7, startId: "boot/100" }, description({ startId: "other-boot/100" }), false],
    ["no such process", { pid: 7, startId: "boot/100" }, null, false],
    ["a zombie", { pid: 7, startId: "boot/100" }, description({ isZombie: true }), false],
    ["cannot tell: honoured", { pid: 7, startId: "boot/100" }, undefined, true],
    ["a bare pid that is a start script", { pid: 7 }, description(), true],
    ["a bare pid reused by anything else", { pid: 7 }, description({ commandLine: "npm start" }), false],
  ])("%s → held: %s", (_, record, processDescription, expected) => {
    expect(lock.isLockHolderRunning(record, processDescription)).toBe(expected);
  });

  it("is taken, refused while held, taken over when stale", async () => {
    const file = path.join(makeFolder(), "start.pid");
    const held = lock.acquireStartLock(file, { url: "http://127.0.0.1:3999" });
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid, url: "http://127.0.0.1:3999" });
    expect(() => lock.acquireStartLock(file)).toThrow(new RegExp(`already running on this data directory \\(process ${process.pid}, http://127.0.0.1:3999\\)`));
    held.release();

    // Stale: a live pid that is another process than the one recorded, a bare pid of something that is not a
    // start script, a pid that has exited, a file cut short by a crash.
    const exited = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => exited.once("exit", resolve));
    for (const text of [JSON.stringify({ pid: process.pid, startId: "another-boot/1" }), String(process.pid), String(exited.pid), ""]) {
      writeFileSync(file, text);
      lock.acquireStartLock(file).release();
    }
  });
});

describe("describeProcess", () => {
  it("describes this process, with a start id that stays the same", () => {
    const first = processes.describeProcess(process.pid);
    expect(first).toMatchObject({ pid: process.pid, isZombie: false, commandLine: expect.stringContaining("node") });
    expect(processes.describeProcess(process.pid)?.startId).toBe(first?.startId);
    expect(first!.startTimeMs).toBeLessThanOrEqual(Date.now() + 1000);
    expect(first!.startTimeMs).toBeGreaterThan(Date.now() - 7 * 24 * 3600 * 1000);
  });
  it("returns null for a process that has exited", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.once("exit", resolve));
    expect(processes.describeProcess(child.pid!)).toBeNull();
  });
  it("parses /proc/<pid>/stat when the command name holds spaces and parentheses", () => {
    expect(processes.parseProcStat("42 (a (b) c) S 7 42 42 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 135815 0 0")).toEqual({ state: "S", parentPid: 7, startTicks: "135815" });
  });
  it("parses ps output (macOS)", () => {
    expect(processes.parsePsLine("    1 Ss   Wed Dec  3 09:26:01 2026     node scripts/start.mjs")).toEqual({
      parentPid: 1,
      state: "Ss",
      started: "Wed Dec  3 09:26:01 2026",
      command: "node scripts/start.mjs",
    });
  });
});

describe("failure sentences", () => {
  it.each([
    [Object.assign(new Error("write ENOSPC"), { code: "ENOSPC" }), "the disk is full (no space left on device); free some space and run npm start again"],
    [Object.assign(new Error("/x/node_modules/.bin/next build failed (exit 1)\n"), { output: "Error: ENOSPC: no space left on device, write" }), /^the disk is full/],
    [Object.assign(new Error("/x/node_modules/.bin/prisma migrate deploy failed (exit 1)\nError: P1001 …"), { output: "…" }), "prisma migrate deploy failed (exit 1)"],
    [Object.assign(new Error("EACCES: permission denied, open '/x/.data/start.pid'"), { code: "EACCES", path: "/x/.data/start.pid" }), /^permission denied on \/x\/\.data\/start\.pid/],
    ["a string", "a string"],
  ])("%s", (error, expected) => {
    const sentence = failures.describeFailure(error);
    if (typeof expected === "string") expect(sentence).toBe(expected);
    else expect(sentence).toMatch(expected);
  });
  it("a StartError is its own sentence; the step is named, and it ends once", () => {
    expect(failures.describeFailure(new failures.StartError("port 3000 on 127.0.0.1 is already in use; stop it"))).toBe("port 3000 on 127.0.0.1 is already in use; stop it");
    expect(failures.formatStepFailure("Step 3/7 (database)", "it broke;")).toBe("Step 3/7 (database) failed: it broke.");
    expect(failures.formatStepFailure("Step 3/7 (database)", "is it running?")).toBe("Step 3/7 (database) failed: is it running?");
  });
});
