/**
 * `npm test`'s arguments (scripts/test.mjs): which stages to run and what to pass each. Plain Node.
 */
import path from "node:path";

/** The stages, in the order they run. */
export const stageNames = ["lint", "typecheck", "unit", "integration", "e2e", "system"];

/** A mistake in the command line: said in one sentence, exit code 2. */
export class UsageError extends Error {}

/** The stages a path selects, from where it lies (mirrors the `include` patterns of vitest.config.ts). */
function stagesForPath(relative) {
  const [top] = relative.split("/");
  if (top === "e2e") return ["e2e"];
  if (top === "scripts") return ["system"];
  if (top === "components") return ["unit"];
  if (top === "lib") {
    if (relative.endsWith(".integration.test.ts")) return ["integration"];
    if (relative.endsWith(".test.ts")) return ["unit"];
    return ["unit", "integration"];
  }
  return [];
}

/**
 * Reads argv into `{ selected, filters, playwrightArgs }`; scripts/test.mjs's header lists the forms. Paths are
 * taken relative to `testRoot`.
 */
export function parseArguments(argv, testRoot) {
  const only = [];
  const paths = [];
  let playwrightArgs = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === "--") {
      playwrightArgs = argv.slice(index + 1);
      break;
    }
    if (argument === "--only" || argument.startsWith("--only=")) {
      const value = argument === "--only" ? argv[(index += 1)] : argument.slice("--only=".length);
      only.push(...(value ?? "").split(",").filter(Boolean));
      continue;
    }
    if (argument.startsWith("-")) {
      playwrightArgs = argv.slice(index);
      break;
    }
    paths.push(argument);
  }

  const filters = Object.fromEntries(stageNames.map((name) => [name, []]));
  const pathStages = new Set();
  for (const argument of paths) {
    const relative = path.relative(testRoot, path.resolve(testRoot, argument)).split(path.sep).join("/");
    const stages = stagesForPath(relative);
    if (stages.length === 0) {
      throw new UsageError(`"${argument}" is not a path under e2e/, lib/, components/ or scripts/, the folders that hold tests.`);
    }
    for (const stage of stages) {
      filters[stage].push(relative);
      pathStages.add(stage);
    }
  }
  if (playwrightArgs.length > 0) pathStages.add("e2e");

  const unknown = only.filter((name) => !stageNames.includes(name));
  if (unknown.length > 0) throw new UsageError(`--only ${unknown.join(",")}: the stages are ${stageNames.join(", ")}.`);
  const selected = new Set([...only, ...pathStages]);
  return { selected: selected.size > 0 ? selected : new Set(stageNames), filters, playwrightArgs };
}
