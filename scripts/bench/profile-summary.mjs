#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) of `next start`: self time by function, by package or
 * project file, and by area (session/JWT, Prisma, pg, Next, zod, our code, Node core, GC…).
 *
 *   node scripts/bench/profile-summary.mjs <file.cpuprofile | directory (newest profile)> [--window=from,to] [--top=30]
 *
 * Frames in Turbopack server chunks (.next/server/chunks/*.js) are mapped back to their original module with
 * the chunk's source map, so bundled packages (next-auth, @auth/core, jose, zod, lib/…) are told apart.
 * `--window` keeps only samples between `from` and `to` seconds after the profile started (e.g. the load phase).
 *
 * Two views of self time:
 *   self     where the CPU was (a frame's own time)
 *   charged  the same, but time in Node core (node:*), V8 builtins and native code is charged to the nearest
 *            calling frame of a package or project file, so e.g. node:crypto under jose counts as JWT time
 * plus inclusive time (a sample counts for every area/package on its stack). CPU profiles hold synchronous
 * stacks only: work resumed after an `await` is not under its caller, so inclusive figures are lower bounds.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Area of a location key (package name, project file, node:…, special frames). */
export function areaOf(key) {
  if (key === "(idle)") return "idle";
  if (key === "(garbage collector)") return "V8 garbage collector";
  if (key === "(program)") return "V8/native (program)";
  if (key === "(V8 builtins)" || key === "(native)") return "V8 builtins / native";
  if (key.startsWith("wasm")) return "Prisma (query compiler/runtime)";
  if (/^(jose|@auth\/core|next-auth|@panva\/hkdf|oauth4webapi|preact|preact-render-to-string|cookie)$/u.test(key) || key.startsWith("lib/auth/"))
    return "session / JWT (next-auth, @auth/core, jose, lib/auth)";
  if (key.startsWith("@prisma/") || key.startsWith("lib/generated/")) return "Prisma (query compiler/runtime)";
  if (/^(pg|pg-protocol|pg-pool|pg-types|pg-connection-string|pgpass|postgres-array|postgres-bytea|postgres-date|postgres-interval|pg-int8|split2)$/u.test(key))
    return "pg driver";
  if (key === "next" || key === "react" || key === "react-dom" || key.startsWith("[turbopack]") || key === "@next/env" || key === "styled-jsx")
    return "Next.js (server, routing, runtime)";
  if (key === "zod") return "zod";
  if (key.startsWith("lib/") || key.startsWith("app/")) return "our code (lib/, app/)";
  if (key.startsWith("node:")) return "Node core (node:*)";
  return `other: ${key}`;
}

function packageOfPath(filePath) {
  const normalized = decodeURIComponent(filePath).replaceAll("\\", "/");
  const index = normalized.lastIndexOf("node_modules/");
  if (index >= 0) {
    const parts = normalized.slice(index + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const relative = path.relative(root, normalized).replaceAll("\\", "/");
  return relative.startsWith("..") ? normalized : relative;
}

const sourceMaps = new Map();
function sourceMapFor(file) {
  if (!sourceMaps.has(file)) {
    let map = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file);
}

/** { key (package/file/special), file (for display), line, name } of a call frame. */
function locate(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) {
    if (["(idle)", "(program)", "(garbage collector)", "(root)"].includes(functionName)) return { key: functionName, file: "", line: 0, name: functionName };
    return { key: "(V8 builtins)", file: "", line: 0, name: functionName || "(anonymous)" };
  }
  if (url.startsWith("node:")) {
    const coreModule = url.replace(/^node:(internal\/)?/u, "").split("/")[0];
    return { key: `node:${coreModule}`, file: url, line: lineNumber + 1, name: functionName || "(anonymous)" };
  }
  if (url.startsWith("wasm://")) return { key: "wasm (Prisma query compiler)", file: url, line: 0, name: functionName || "(wasm)" };
  let file = url;
  if (url.startsWith("file://")) file = fileURLToPath(url);
  if (file.includes(`${path.sep}.next${path.sep}server${path.sep}`)) {
    const map = sourceMapFor(file);
    const entry = map?.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource?.startsWith("turbopack:///[turbopack]")) {
      return { key: "[turbopack] runtime", file: entry.originalSource.replace("turbopack:///", ""), line: (entry.originalLine ?? 0) + 1, name: functionName || entry.name || "(anonymous)" };
    }
    if (entry?.originalSource) {
      const original = entry.originalSource.startsWith("file://")
        ? fileURLToPath(entry.originalSource)
        : path.resolve(path.dirname(file), entry.originalSource.replace(/^turbopack:\/\/\/\[project\]\//u, `${root}/`));
      return {
        key: packageOfPath(original),
        file: path.relative(root, original),
        line: (entry.originalLine ?? 0) + 1,
        name: functionName && functionName.length > 2 ? functionName : entry.name || functionName || "(anonymous)",
      };
    }
    if (path.basename(file).startsWith("[turbopack]")) return { key: "[turbopack] runtime", file: path.relative(root, file), line: lineNumber + 1, name: functionName || "(anonymous)" };
  }
  return { key: packageOfPath(file), file: path.relative(root, file), line: lineNumber + 1, name: functionName || "(anonymous)" };
}

const isCoreKey = (key) => key.startsWith("node:") || key === "(V8 builtins)" || key === "(native)";

/** Reads a profile and returns the aggregated summary. */
export function summarizeProfile(profilePath, { windowS = null, top = 30 } = {}) {
  const profile = JSON.parse(readFileSync(profilePath, "utf8"));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const locations = new Map(profile.nodes.map((node) => [node.id, locate(node.callFrame)]));

  // Self time per node (µs) from the sample timestamps.
  const selfUs = new Map();
  let t = profile.startTime;
  let totalUs = 0;
  const from = windowS ? profile.startTime + windowS[0] * 1e6 : -Infinity;
  const to = windowS ? profile.startTime + windowS[1] * 1e6 : Infinity;
  for (let index = 0; index < profile.samples.length; index += 1) {
    t += profile.timeDeltas[index];
    const next = index + 1 < profile.timeDeltas.length ? profile.timeDeltas[index + 1] : 0;
    if (t < from || t > to) continue;
    const id = profile.samples[index];
    selfUs.set(id, (selfUs.get(id) ?? 0) + next);
    totalUs += next;
  }

  // Charged: Node core/builtins time goes to the nearest non-core ancestor frame.
  const chargedKey = new Map();
  const chargeOf = (id) => {
    if (chargedKey.has(id)) return chargedKey.get(id);
    const location = locations.get(id);
    let result = location;
    if (isCoreKey(location.key)) {
      const parentId = parent.get(id);
      const up = parentId === undefined ? null : chargeOf(parentId);
      result = up && up.key !== "(root)" ? up : location;
    }
    chargedKey.set(id, result);
    return result;
  };

  // Inclusive: each sample counts once for every area / package on its (synchronous) stack.
  const stackSets = new Map();
  const stackSetOf = (id) => {
    if (stackSets.has(id)) return stackSets.get(id);
    const parentId = parent.get(id);
    const inherited = parentId === undefined ? { areas: new Set(), keys: new Set() } : stackSetOf(parentId);
    const { key } = locations.get(id);
    const area = areaOf(key);
    let result = inherited;
    if (!inherited.keys.has(key) || !inherited.areas.has(area)) {
      result = { areas: new Set(inherited.areas).add(area), keys: new Set(inherited.keys).add(key) };
    }
    stackSets.set(id, result);
    return result;
  };

  const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
  const inclusiveByArea = new Map();
  const inclusiveByKey = new Map();
  const byKey = new Map();
  const byArea = new Map();
  const byFunction = new Map();
  const chargedByKey = new Map();
  const chargedByArea = new Map();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const location = locations.get(id);
    if (location.key === "(idle)") idleUs += us;
    add(byKey, location.key, us);
    add(byArea, areaOf(location.key), us);
    add(byFunction, location.file ? `${location.name} — ${location.file}:${location.line} [${location.key}]` : `${location.name} [${location.key}]`, us);
    const charged = chargeOf(id);
    add(chargedByKey, charged.key, us);
    add(chargedByArea, areaOf(charged.key), us);
    if (location.key !== "(idle)") {
      const { areas, keys } = stackSetOf(id);
      for (const area of areas) add(inclusiveByArea, area, us);
      for (const key of keys) add(inclusiveByKey, key, us);
    }
  }
  const busyUs = totalUs - idleUs;
  const rank = (map, limit) =>
    [...map]
      .filter(([key]) => key !== "idle" && !key.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, us]) => ({ key, ms: Math.round(us / 100) / 10, pctBusy: Math.round((us / busyUs) * 1000) / 10 }));
  return {
    profile: path.relative(root, profilePath),
    windowS,
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    byArea: rank(byArea, top),
    chargedByArea: rank(chargedByArea, top),
    byPackage: rank(byKey, top),
    chargedByPackage: rank(chargedByKey, top),
    byFunction: rank(byFunction, top),
    inclusiveByArea: rank(inclusiveByArea, top).filter((row) => !row.key.startsWith("(root)") && !row.key.startsWith("other: (root)")),
    inclusiveByPackage: rank(inclusiveByKey, top).filter((row) => row.key !== "(root)"),
  };
}

export function renderSummary(summary) {
  const lines = [];
  lines.push(`Profile ${summary.profile}${summary.windowS ? `, samples ${summary.windowS[0]}–${summary.windowS[1]} s` : ""}`);
  lines.push(
    `Sampled ${(summary.totalMs / 1000).toFixed(1)} s: busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s (${((summary.idleMs / summary.totalMs) * 100).toFixed(1)} %). Percentages are of busy (non-idle) time.`,
  );
  const table = (title, rows) => {
    lines.push("", `#### ${title}`, "", "| # | Bucket | ms | % busy |", "|---:|---|---:|---:|");
    rows.forEach((row, index) => lines.push(`| ${index + 1} | ${row.key.replaceAll("|", "\\|")} | ${row.ms.toFixed(1)} | ${row.pctBusy.toFixed(1)} |`));
  };
  table("Self time by area", summary.byArea);
  table("Self time by area, Node core/builtins charged to the caller", summary.chargedByArea);
  table("Self time by package / project file", summary.byPackage);
  table("Self time by package / project file, Node core/builtins charged to the caller", summary.chargedByPackage);
  table("Self time by function", summary.byFunction);
  table("Inclusive time by area (synchronous stacks only; a sample counts for every area on its stack)", summary.inclusiveByArea);
  table("Inclusive time by package / project file (synchronous stacks only)", summary.inclusiveByPackage);
  return lines.join("\n");
}

function newestProfile(directory) {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(directory, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files.length) throw new Error(`No .cpuprofile in ${directory}`);
  return files[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith("--")) ?? path.join(root, ".data", "bench", "prof");
  const windowArg = args.find((arg) => arg.startsWith("--window="));
  const topArg = args.find((arg) => arg.startsWith("--top="));
  const file = statSync(target).isDirectory() ? newestProfile(target) : target;
  const summary = summarizeProfile(file, {
    windowS: windowArg ? windowArg.slice("--window=".length).split(",").map(Number) : null,
    top: topArg ? Number(topArg.slice("--top=".length)) : 30,
  });
  console.log(renderSummary(summary));
}
