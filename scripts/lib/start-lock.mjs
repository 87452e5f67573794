/**
 * One `npm start` per data directory: a lock file (`<data dir>/start.pid`) naming the process that holds it.
 * Node built-ins only.
 *
 * Why a file with the pid *and the process's start time* rather than something that dies with the process:
 * Node has no flock(), and a listening Unix socket fails on long paths (104 bytes on macOS) and on
 * filesystems without sockets (some bind mounts and shared folders). The file stays behind after a kill -9 or
 * a power cut, so it is checked: the lock is held only while a process with that pid exists, is not a
 * zombie, and started at the recorded moment (Linux: boot id + start ticks from /proc; macOS: `ps`'s start
 * time). A reused pid, after a kill -9, a reboot or a container restart, therefore reads as stale, and the
 * next start takes the lock over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";

import { StartError } from "./failures.mjs";
import { describeProcess } from "./processes.mjs";

/** Thrown when another live `npm start` holds the lock. `holder` is its record (pid, url). */
export class StartLockHeldError extends StartError {
  constructor(holder, file) {
    const who = holder ? `process ${holder.pid}${holder.url ? `, ${holder.url}` : ""}` : "another process";
    super(
      `Margin is already running on this data directory (${who}); stop it first (Ctrl-C in its terminal${holder ? `, or kill ${holder.pid}` : ""}), or delete ${file} if you are sure it is not running`,
    );
    this.holder = holder;
  }
}

/** Reads a lock file's text: the JSON record, or a bare pid (the format before start times were recorded). */
export function parseLockRecord(text) {
  const trimmed = (text ?? "").trim();
  if (/^\d+$/u.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const record = JSON.parse(trimmed);
    return Number.isInteger(record?.pid) && record.pid > 0 ? record : null;
  } catch {
    return null; // empty or cut short by a crash while it was written: nobody holds it
  }
}

/**
 * Pure: does the process described by `description` (from describeProcess) still hold the lock `record`?
 * `null` means no such process; `undefined` means the platform cannot tell, so the lock is honoured.
 */
export function isLockHolderRunning(record, description) {
  if (description === undefined) return true;
  if (!description || description.isZombie) return false;
  if (record.startId) return description.startId === record.startId;
  // A bare pid from an older start script: at least the process must be a start script.
  return description.commandLine.includes("start.mjs");
}

/**
 * Takes the lock, or throws StartLockHeldError. `info` (e.g. `{ url }`) is recorded for the message a second
 * start prints. Returns `{ release() }`; release() removes the file only while it is still this process's.
 *
 * A stale lock is removed and the exclusive create retried once; if two starts race for the same stale lock,
 * one of them gets "already running" (and should the unlikely interleaving let both through, PostgreSQL's own
 * postmaster.pid still refuses a second server on the same data; see embedded-postgres.mjs).
 */
export function acquireStartLock(file, info = {}) {
  const own = describeProcess(process.pid);
  const record = { pid: process.pid, startId: own?.startId ?? null, ...info };
  const text = `${JSON.stringify(record)}\n`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, text, { flag: "wx" });
      return {
        release() {
          let current = null;
          try {
            current = readFileSync(file, "utf8");
          } catch {
            return;
          }
          if (current === text) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    let existing = null;
    try {
      existing = parseLockRecord(readFileSync(file, "utf8"));
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    if (existing && isLockHolderRunning(existing, describeProcess(existing.pid))) throw new StartLockHeldError(existing, file);
    rmSync(file, { force: true });
  }
  throw new StartLockHeldError(null, file);
}
