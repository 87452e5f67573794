/**
 * Shared steps of scripts/start.mjs and scripts/test.mjs. Node built-ins only: these run before `npm ci`.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = (text) => paint(1, text);
export const dim = (text) => paint(2, text);
export const green = (text) => paint(32, text);
export const red = (text) => paint(31, text);

/** Prints "[n/total] what…" and returns a function that prints how long it took. */
export function step(index, total, what) {
  const started = Date.now();
  console.log(`${bold(`[${index}/${total}]`)} ${what}…`);
  return (detail = "") => console.log(`      ${green("done")} ${dim(`in ${((Date.now() - started) / 1000).toFixed(1)} s`)}${detail ? ` ${dim(detail)}` : ""}`);
}

/** Runs a command in the project, streaming its output; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, quiet = false, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`), { output }));
    });
  });
}

/** Path of a binary installed by npm. */
export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

function hashFile(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Content hash of files under the given project paths (directories recursively), for build stamps. */
export function hashTree(relativePaths, { ignore = [] } = {}) {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute) || ignore.some((prefix) => relative.startsWith(prefix))) return;
    const stats = statSync(absolute);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) visit(path.join(relative, entry));
    } else if (!relative.endsWith(".test.ts")) {
      hash.update(relative).update("\0").update(readFileSync(absolute)).update("\0");
    }
  };
  relativePaths.forEach(visit);
  return hash.digest("hex");
}

const installStamp = path.join(root, "node_modules", ".margin-install-stamp");

/** True when node_modules matches package-lock.json (installed by a previous `npm ci`). */
export function isInstallCurrent() {
  return existsSync(installStamp) && readFileSync(installStamp, "utf8") === hashFile(path.join(root, "package-lock.json"));
}

/** `npm ci` when node_modules is missing or stale. Returns whether it ran. */
export async function ensureDependencies() {
  if (isInstallCurrent()) return false;
  await run("npm", ["ci", "--no-audit", "--no-fund"], { env: { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(installStamp, hashFile(path.join(root, "package-lock.json")));
  return true;
}

const generatedStamp = path.join(root, "lib", "generated", ".schema-hash");

/** `prisma generate` when the generated client is missing or older than prisma/schema.prisma. */
export async function ensurePrismaClient(env) {
  const schemaHash = hashFile(path.join(root, "prisma", "schema.prisma"));
  if (existsSync(generatedStamp) && readFileSync(generatedStamp, "utf8") === schemaHash) return false;
  await run(bin("prisma"), ["generate"], { env, quiet: true });
  writeFileSync(generatedStamp, schemaHash);
  return true;
}

/** Sources that change what `next build` produces. */
export const buildInputs = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

/** Where `next build` writes (next.config.ts reads the same variable). */
export const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const buildStamp = path.join(root, distDir, ".margin-build-stamp");

/** `next build` unless the last build was made from the same sources. Returns whether it ran. */
export async function ensureBuild(env) {
  const sourceHash = hashTree(buildInputs, { ignore: ["lib/generated"] });
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(buildStamp) && readFileSync(buildStamp, "utf8") === sourceHash) {
    return false;
  }
  await run(bin("next"), ["build"], { env });
  writeFileSync(buildStamp, sourceHash);
  return true;
}

/**
 * AUTH_SECRET from the environment, else from .env.local, else a new random one written to .env.local
 * (git-ignored) so sessions survive restarts.
 */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const envFile = path.join(root, ".env.local");
  if (existsSync(envFile)) {
    const match = /^AUTH_SECRET=(.+)$/mu.exec(readFileSync(envFile, "utf8"));
    if (match?.[1]) return match[1].trim().replace(/^"|"$/gu, "");
  }
  const secret = randomBytes(32).toString("base64url");
  const previous = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
  writeFileSync(envFile, `${previous}${previous && !previous.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Makes a directory (and parents) if missing. */
export function ensureDirectory(relative) {
  const absolute = path.join(root, relative);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

/** Polls `url` until it answers 200 or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** True when a process with this pid is alive. */
export function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
