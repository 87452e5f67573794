/**
 * The embedded PostgreSQL's decisions, pure (scripts/lib/embedded-postgres.mjs acts on them; tested in
 * embedded-postgres.system.test.ts): who can reach which directory, where a cluster lives, what a left-over
 * `postmaster.pid` means, and what PostgreSQL's startup log says went wrong.
 */
import { StartError } from "./failures.mjs";

/** A failure whose message is already the one clear sentence to show. */
export class PostgresStartError extends StartError {}

/**
 * The first directory of `chain` (from / down to the target, `{ path, mode, uid, gid }` each) that `user`
 * (`{ uid, groups }`) may not traverse, or null. POSIX order: owner bits if it owns the directory, else group
 * bits if it is in the group, else the bits for others.
 */
export function findBlockingDirectory(chain, user) {
  for (const directory of chain) {
    const bits =
      directory.uid === user.uid
        ? (directory.mode >> 6) & 7
        : user.groups.includes(directory.gid)
          ? (directory.mode >> 3) & 7
          : directory.mode & 7;
    if ((bits & 1) === 0) return directory;
  }
  return null;
}

export function describeBlocker(directory) {
  return directory.reason ? `${directory.path} ${directory.reason}` : `${directory.path} (mode ${(directory.mode & 0o777).toString(8)}) does not let other users in`;
}

/**
 * Where the cluster lives. `requested` is the data directory asked for; `relocated` the reachable place for it
 * under the runtime directory. Blockers are results of findBlockingDirectory for the postgres user (null when
 * not running as root, or when reachable). An existing cluster wins, and is never moved.
 * Returns `{ clusterDir, isRelocated }` or throws PostgresStartError.
 */
export function chooseClusterDirectory({ requested, relocated, requestedHasCluster, relocatedHasCluster, requestedBlocker, relocatedBlocker }) {
  if (requestedHasCluster) {
    if (!requestedBlocker) return { clusterDir: requested, isRelocated: false };
    throw new PostgresStartError(
      `PostgreSQL runs as the postgres user, who cannot reach the data in ${requested} because ${describeBlocker(requestedBlocker)}; allow it (chmod o+x ${requestedBlocker.path}) or run npm start as a non-root user`,
    );
  }
  if (relocatedHasCluster) return { clusterDir: relocated, isRelocated: true };
  if (!requestedBlocker) return { clusterDir: requested, isRelocated: false };
  if (!relocatedBlocker) return { clusterDir: relocated, isRelocated: true };
  throw new PostgresStartError(
    `PostgreSQL runs as the postgres user, who cannot reach ${requested} because ${describeBlocker(requestedBlocker)}, nor ${relocated} because ${describeBlocker(relocatedBlocker)}; allow one of them (chmod o+x) or run npm start as a non-root user`,
  );
}

/**
 * What a `postmaster.pid` left in a cluster means. `text` is its content (null when absent), `description` the
 * describeProcess() of the pid on its first line. Returns "absent", "stale" (nobody, or a reused pid: safe to
 * remove), "running" (a live postmaster of this cluster) or "unknown" (cannot tell: leave it to PostgreSQL).
 *
 * A live postmaster of this cluster shows the data directory on its command line (`postgres -D <dir>`); as a
 * second sign, for a postmaster started in some other way, its start time matches line 3 of the file.
 */
export function judgePostmasterPid(text, clusterDir, description) {
  if (text === null) return "absent";
  const [pidLine = "", recordedDir = "", startedLine = ""] = text.split("\n");
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0) return "stale";
  if (description === undefined) return "unknown";
  if (!description || description.isZombie) return "stale";
  const { commandLine } = description;
  if (commandLine.includes(clusterDir) || (recordedDir && commandLine.includes(recordedDir.trim()))) return "running";
  const startedMs = Number(startedLine.trim()) * 1000;
  if (startedMs && Math.abs(description.startTimeMs - startedMs) <= 2000) return "running";
  return "stale";
}

/** Classifies PostgreSQL's startup log (lc_messages=C) into a retryable reason or a sentence. */
export function explainPostgresLog(log, clusterDir) {
  if (/could not bind IPv[46] address .*Address already in use|could not create any TCP\/IP sockets/u.test(log)) {
    return { retry: "port", sentence: "its port was taken by another program" };
  }
  if (/pre-existing shared memory block .* is still in use/u.test(log)) {
    return { retry: "shared-memory", sentence: `processes of an earlier PostgreSQL on ${clusterDir} are still running; stop them and try again` };
  }
  if (/No space left on device/iu.test(log)) {
    return { sentence: `the disk holding ${clusterDir} is full (no space left on device); free some space and try again` };
  }
  if (/lock file "postmaster.pid" already exists/u.test(log)) {
    return { sentence: `another PostgreSQL is already using the data in ${clusterDir}; stop it first` };
  }
  const incompatible = /database files are incompatible with server[^\n]*(?:\n[^\n]*DETAIL:\s*([^\n]*?)\.?$)?/mu.exec(log);
  if (incompatible) {
    return {
      sentence: `the data in ${clusterDir} was made by another major version of PostgreSQL (${incompatible[1]?.trim() ?? "see the log"}); move it away to start afresh, or run that version to export it`,
    };
  }
  const fatal = /(?:FATAL|PANIC):\s+(.*)/u.exec(log);
  return { sentence: fatal?.[1]?.trim() ?? (log.trim().split("\n").at(-1) || "it exited without a message") };
}
