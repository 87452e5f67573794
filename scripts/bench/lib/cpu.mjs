/**
 * Where the CPU went during a measurement (Linux /proc only; elsewhere every figure is null): the app server,
 * PostgreSQL (postmaster, its backends, and backends that exited), this benchmark process (the load
 * generator), and everything else on the machine. Reported in cores (CPU seconds per wall second).
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";

const ticksPerSecond = 100; // USER_HZ on Linux.

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime=14, stime=15, cutime=16, cstime=17, ppid=4.
    return { ppid: Number(fields[1]), self: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond, children: (Number(fields[13]) + Number(fields[14])) / ticksPerSecond };
  } catch {
    return null;
  }
}

function machineBusySeconds() {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/u).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** `serverPid`: the next-server process; `postmasterPid`: PostgreSQL's postmaster (null when external). */
export function createCpuMeter({ serverPid, postmasterPid }) {
  const supported = os.platform() === "linux";
  const postgresSeconds = () => {
    if (!postmasterPid) return null;
    const postmaster = readStat(postmasterPid);
    if (!postmaster) return null;
    let total = postmaster.self + postmaster.children;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/u.test(entry)) continue;
      const stat = readStat(entry);
      if (stat?.ppid === postmasterPid) total += stat.self;
    }
    return total;
  };
  const snapshot = () => {
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      server: supported ? (readStat(serverPid)?.self ?? null) : null,
      postgres: supported ? postgresSeconds() : null,
      bench: (usage.user + usage.system) / 1e6,
      machine: supported ? machineBusySeconds() : null,
    };
  };
  return {
    snapshot,
    /** Cores used between two snapshots: { server, postgres, bench, other }. */
    cores(before, after) {
      const seconds = (after.at - before.at) / 1000;
      const delta = (key) => (before[key] === null || after[key] === null ? null : (after[key] - before[key]) / seconds);
      const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
      const server = delta("server");
      const postgres = delta("postgres");
      const bench = delta("bench");
      const machine = delta("machine");
      const other = machine === null || server === null || bench === null ? null : machine - server - bench - (postgres ?? 0);
      return { server: round(server), postgres: round(postgres), bench: round(bench), other: round(other === null ? null : Math.max(0, other)) };
    },
  };
}

/** The postmaster pid of the server behind `client` (reads postmaster.pid in its data directory). */
export async function findPostmasterPid(client) {
  try {
    const { rows } = await client.query("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
    return Number(readFileSync(`${rows[0].setting}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
