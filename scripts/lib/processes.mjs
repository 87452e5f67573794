/**
 * What the start script needs to know about other processes: is pid N still the process that wrote a lock
 * file, or has the pid been reused? Node built-ins only (the start lock is taken before `npm ci`).
 *
 * A bare pid is not enough: after a kill -9 or a reboot the pid in a lock file is often reused, by anything,
 * and in containers (pids restart from 1, pid_max is often 32768) quickly. So a process is identified by its
 * pid *and* its start time, read from /proc on Linux and from `ps` elsewhere (macOS). A zombie (killed, not
 * yet reaped, which happens under container init processes that reap late) counts as gone.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const hasProc = process.platform === "linux";

function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

let cachedBoot;
/** Linux: the boot id, and the boot time in ms (to turn start ticks into a wall-clock time). */
function linuxBoot() {
  cachedBoot ??= {
    id: readText("/proc/sys/kernel/random/boot_id")?.trim() ?? "",
    timeMs: Number(/^btime (\d+)$/mu.exec(readText("/proc/stat") ?? "")?.[1] ?? 0) * 1000,
  };
  return cachedBoot;
}

// USER_HZ: the unit of /proc/<pid>/stat's start time. 100 on every Linux architecture Node runs on.
const ticksPerSecond = 100;

/**
 * Parses the text of /proc/<pid>/stat: `pid (comm) state ppid … starttime …`. The command name may contain
 * spaces and parentheses, so fields are counted from the last ')'.
 */
export function parseProcStat(text) {
  const end = text.lastIndexOf(")");
  if (end < 0) return null;
  const fields = text.slice(end + 2).split(" "); // fields[0] is field 3 (state)
  const state = fields[0];
  const parentPid = Number(fields[1]);
  const startTicks = fields[19]; // field 22
  if (!state || !Number.isInteger(parentPid) || !startTicks) return null;
  return { state, parentPid, startTicks };
}

/**
 * Parses `ps -o ppid=,stat=,lstart=,command= -p <pid>` (macOS, BSD and procps all print `lstart` as a
 * fixed "Wed Dec  3 09:26:01 2026").
 */
export function parsePsLine(line) {
  const match = /^\s*(\d+)\s+(\S+)\s+(\w{3} \w{3}\s+\d{1,2} \d{2}:\d{2}:\d{2} \d{4})\s+(.*)$/u.exec(line);
  if (!match) return null;
  const [, parentPid, state, started, command] = match;
  return { parentPid: Number(parentPid), state: state ?? "", started: started ?? "", command: command ?? "" };
}

/**
 * Describes a live process: `{ pid, parentPid, isZombie, startId, startTimeMs, commandLine }`, or null when no
 * such process exists. `startId` identifies this very process (not just its pid) across the machine's uptime:
 * compare it for equality. `startTimeMs` is approximate (±1 s). Returns `undefined` when the platform offers
 * no way to tell (no /proc and no `ps`): callers then fall back to "the pid exists".
 */
export function describeProcess(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (hasProc) {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat === null) return null;
    const parsed = parseProcStat(stat);
    if (!parsed) return undefined;
    const boot = linuxBoot();
    const commandLine = (readText(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
    return {
      pid,
      parentPid: parsed.parentPid,
      isZombie: parsed.state === "Z" || parsed.state === "X",
      startId: `${boot.id}/${parsed.startTicks}`,
      startTimeMs: boot.timeMs + (Number(parsed.startTicks) * 1000) / ticksPerSecond,
      commandLine,
    };
  }
  let output;
  try {
    output = execFileSync("ps", ["-o", "ppid=,stat=,lstart=,command=", "-p", String(pid)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, LC_ALL: "C" },
    });
  } catch (error) {
    // ps exits 1 when there is no such process; ENOENT when there is no ps at all.
    return error.code === "ENOENT" ? undefined : null;
  }
  const parsed = parsePsLine(output.trim());
  if (!parsed) return undefined;
  return {
    pid,
    parentPid: parsed.parentPid,
    isZombie: parsed.state.startsWith("Z"),
    startId: parsed.started,
    startTimeMs: Date.parse(parsed.started),
    commandLine: parsed.command,
  };
}

/** True when a process with this pid exists and is not a zombie (kill(pid, 0) alone counts zombies as alive). */
export function isProcessRunning(pid) {
  const description = describeProcess(pid);
  if (description === undefined) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  }
  return Boolean(description && !description.isZombie);
}

/** Resolves true once `pid` has exited (or is a zombie), false after `timeoutMs`. Polls: it need not be our child. */
export async function waitForProcessExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    if (!isProcessRunning(pid)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * The pids of `rootPid` and all its descendants, by parent pid. Descendants that made themselves session
 * leaders (PostgreSQL's backends do) are included: this follows parentage, not process groups.
 */
export function listProcessTree(rootPid) {
  const parents = new Map(); // pid → parent pid
  if (hasProc) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/u.test(entry)) continue;
      const parsed = parseProcStat(readText(`/proc/${entry}/stat`) ?? "");
      if (parsed) parents.set(Number(entry), parsed.parentPid);
    }
  } else {
    const output = execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
    for (const line of output.split("\n")) {
      const [pid, parentPid] = line.trim().split(/\s+/u).map(Number);
      if (pid && parentPid !== undefined) parents.set(pid, parentPid);
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parentPid] of parents) {
      if (!tree.has(pid) && tree.has(parentPid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}
