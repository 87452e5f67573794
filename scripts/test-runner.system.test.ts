/**
 * `npm test` cannot report a broken run as green: scripts/test.mjs is run (through MARGIN_TEST_ROOT) on small
 * fixture projects in temporary folders, each broken in one way, and must exit non-zero for each and say why; a
 * healthy fixture must pass, so the runner is not simply failing everything. Path arguments (`npm test --
 * e2e/a`, with npm stripping the `--`) are checked on the healthy fixture.
 *
 * The fixtures need no PostgreSQL and no browser: Vitest stages run `unit`/`system` projects that touch no
 * database, Playwright stages are handed MARGIN_TEST_DATABASE_URL (which nothing connects to), and their tests use
 * only the `request` fixture against a tiny node:http web server.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const checkout = fileURLToPath(new URL("..", import.meta.url));
const runner = path.join(checkout, "scripts", "test.mjs");
const folders: string[] = [];

type Files = Record<string, string>;

function vitestConfig({ globalSetup = [] as string[] } = {}): string {
  return `import { defineConfig } from "vitest/config";
export default defineConfig({
  cacheDir: ".data/vite",
  test: {
    projects: [
      { test: { name: "unit", include: ["lib/**/*.test.ts"], exclude: ["**/*.integration.test.ts"], globalSetup: ${JSON.stringify(globalSetup)} } },
      { test: { name: "integration", include: ["lib/**/*.integration.test.ts"] } },
      { test: { name: "system", include: ["scripts/**/*.system.test.ts"] } },
    ],
  },
});
`;
}

function playwrightConfig({ webServer, retries = 0 }: { webServer?: string; retries?: number } = {}): string {
  return `import { defineConfig } from "@playwright/test";
const port = Number(process.env.FIXTURE_PORT);
export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: ${retries},
  reporter: [["list"], ["json"]],
  use: { baseURL: \`http://127.0.0.1:\${port}\` },
  ${webServer ? `webServer: { command: ${JSON.stringify(webServer)}, url: \`http://127.0.0.1:\${port}/\`, timeout: 20_000 },` : ""}
});
`;
}

const passingUnitTest = `import { expect, it } from "vitest";
it("adds", () => expect(1 + 1).toBe(2));
it("concatenates", () => expect("a" + "b").toBe("ab"));
`;

/** A web server for the fixtures that answers every request with "ok". */
const tinyServer = `import http from "node:http";
http.createServer((request, response) => response.end("ok")).listen(Number(process.env.FIXTURE_PORT), "127.0.0.1");
`;

/** Writes a fixture project into a new temporary folder, with this checkout's node_modules linked in. */
async function makeFixture(files: Files): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "margin-runner-fixture-"));
  folders.push(folder);
  await symlink(path.join(checkout, "node_modules"), path.join(folder, "node_modules"), "dir");
  const all: Files = {
    "package.json": JSON.stringify({ private: true, type: "module", scripts: { test: `node ${JSON.stringify(runner)}` } }),
    ...files,
  };
  for (const [relative, content] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(folder, relative)), { recursive: true });
    await writeFile(path.join(folder, relative), content);
  }
  return folder;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type RunResult = { code: number | null; output: string; summary: string; lastLine: string };

/** Runs scripts/test.mjs on `folder` (directly, or as `npm test -- …` from the fixture's package.json). */
async function runRunner(folder: string, args: string[], { viaNpm = false } = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MARGIN_TEST_ROOT: folder,
    // Nothing connects to it: the fixtures touch no database, and with it set npm test prepares none.
    MARGIN_TEST_DATABASE_URL: "postgresql://127.0.0.1:1/fixture-needs-no-database",
    FIXTURE_PORT: String(await findFreePort()),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    NO_COLOR: "1",
  };
  // This test runs inside a stage of the real `npm test`: none of that run's settings may leak into the fixture's.
  for (const name of Object.keys(env)) {
    if (name.startsWith("VITEST") || ["TEST_RESULTS_DIR", "MARGIN_VITEST_SUMMARY", "PLAYWRIGHT_JSON_OUTPUT_FILE"].includes(name)) {
      delete env[name];
    }
  }
  const [command, commandArgs] = viaNpm ? ["npm", ["test", "--silent", "--", ...args]] : [process.execPath, [runner, ...args]];
  const child = spawn(command, commandArgs, { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const summary = output.slice(output.lastIndexOf("\nSummary\n"));
  const lastLine = output.trimEnd().split("\n").at(-1) ?? "";
  return { code, output, summary, lastLine };
}

beforeAll(async () => {
  // The runner's first step is `npm ci` when node_modules does not match package-lock.json; run from here, that
  // would replace the node_modules this very test is running from.
  const { isInstallCurrent } = (await import(new URL("./lib/project.mjs", import.meta.url).href)) as { isInstallCurrent: () => boolean };
  if (!isInstallCurrent()) {
    throw new Error("node_modules was not installed by npm test or npm start (no current install stamp): run `npm test -- scripts/` instead.");
  }
});

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("a non-zero exit of a stage fails the run, even with no failed test", () => {
  it("fails on an unhandled rejection in a unit test file whose tests all pass", async () => {
    const folder = await makeFixture({
      "vitest.config.mjs": vitestConfig(),
      "lib/leaky.test.ts": `import { expect, it } from "vitest";
it("passes", () => expect(true).toBe(true));
it("passes too, but leaves a rejection nobody handles", () => {
  void Promise.reject(new Error("nobody catches this"));
});
`,
    });
    const result = await runRunner(folder, ["--only", "unit"]);
    expect(result.code, result.output).toBe(1);
    expect(result.summary).toContain("unit         2 passed, 0 failed");
    expect(result.summary).toContain("error outside tests (unhandled): nobody catches this");
    expect(result.summary).toContain("exited 1 with no failed test: an error outside tests (e.g. an unhandled rejection)");
    expect(result.lastLine).toBe("2 passed, 0 failed — FAILED: unit");
  });

  it("fails when the process exits non-zero with every test passed and no error in the report", async () => {
    // A global teardown that marks the process as failed: nothing in Vitest's report shows it, only the exit code.
    const folder = await makeFixture({
      "vitest.config.mjs": vitestConfig({ globalSetup: ["./global-setup.mjs"] }),
      "global-setup.mjs": "export default function setup() {\n  return () => {\n    process.exitCode = 1;\n  };\n}\n",
      "lib/math.test.ts": passingUnitTest,
    });
    const result = await runRunner(folder, ["--only", "unit"]);
    expect(result.code, result.output).toBe(1);
    expect(result.summary).not.toContain("✘ error outside tests");
    expect(result.summary).toContain("exited 1 with no failed test");
    expect(result.lastLine).toBe("2 passed, 0 failed — FAILED: unit");
  });
});

describe("every stage must run at least one test", () => {
  it("fails a unit stage that selects no test (Vitest itself passes it: --passWithNoTests)", async () => {
    const folder = await makeFixture({ "vitest.config.mjs": vitestConfig(), "lib/not-a-test.ts": "export const answer = 42;\n" });
    const result = await runRunner(folder, ["--only", "unit"]);
    expect(result.code, result.output).toBe(1);
    expect(result.summary).toContain("ran no test");
    expect(result.lastLine).toBe("0 passed, 0 failed — FAILED: unit");
  });

  it("fails an e2e stage whose web server dies at start (report.errors, no test run)", async () => {
    const folder = await makeFixture({
      "playwright.config.ts": playwrightConfig({ webServer: 'node -e "process.exit(1)"' }),
      "e2e/home.spec.ts": `import { expect, test } from "@playwright/test";
test("home answers", async ({ request }) => {
  expect((await request.get("/")).ok()).toBe(true);
});
`,
    });
    const result = await runRunner(folder, ["--only", "e2e"]);
    expect(result.code, result.output).toBe(1);
    expect(result.summary).toMatch(/error outside tests \(playwright\): .*webServer was not able to start/u);
    expect(result.summary).toContain("ran no test");
    expect(result.lastLine).toBe("0 passed, 0 failed — FAILED: e2e");
  });
});

describe("skips count as failures unless the test says why; so do retries", () => {
  it("fails Playwright tests skipped without a reason, fixme and flaky ones", async () => {
    const folder = await makeFixture({
      "playwright.config.ts": playwrightConfig({ retries: 1 }),
      "e2e/skips.spec.ts": `import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
test("skipped without a reason", () => test.skip());
test("fixme", () => test.fixme(true, "broken, and saying so does not make it pass"));
test("skipped with a reason", () => test.skip(true, "only runs against a real mail server"));
test("passes on its second try", ({}, testInfo) => expect(testInfo.retry).toBe(1));
`,
    });
    const result = await runRunner(folder, ["--only", "e2e"]);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("skips.spec.ts › skipped without a reason: skipped without a reason");
    expect(result.output).toContain("skips.spec.ts › fixme: fixme");
    expect(result.output).toContain("skips.spec.ts › passes on its second try: passed only on a retry");
    expect(result.summary).toContain("e2e          1 passed, 3 failed, 1 skipped with a reason");
    expect(result.lastLine).toBe("1 passed, 3 failed — FAILED: e2e");
  });

  it("fails Vitest tests skipped without a note, and todos", async () => {
    const folder = await makeFixture({
      "vitest.config.mjs": vitestConfig(),
      "lib/skips.test.ts": `import { expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
it.skip("skipped without a reason", () => {});
it.todo("a todo");
it("skipped at run time without a note", (context) => context.skip());
it("skipped with a note", (context) => context.skip(true, "needs the GPU machine"));
`,
    });
    const result = await runRunner(folder, ["--only", "unit"]);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("lib/skips.test.ts › skipped without a reason: skipped without a reason");
    expect(result.output).toContain("lib/skips.test.ts › a todo: todo");
    expect(result.output).toContain("lib/skips.test.ts › skipped with a note: skipped, needs the GPU machine");
    expect(result.summary).toContain("unit         1 passed, 3 failed, 1 skipped with a reason");
    expect(result.lastLine).toBe("1 passed, 3 failed — FAILED: unit");
  });
});

describe("a healthy project passes, and paths choose what runs", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await makeFixture({
      "vitest.config.mjs": vitestConfig(),
      "playwright.config.ts": playwrightConfig({ webServer: "node server.mjs" }),
      "server.mjs": tinyServer,
      "lib/math.test.ts": `${passingUnitTest}it("skipped with a note", (context) => context.skip("shows how a test says why"));\n`,
      "scripts/tool.system.test.ts": `import { expect, it } from "vitest";\nit("runs a tool", () => expect(typeof process.pid).toBe("number"));\n`,
      "e2e/alpha/home.spec.ts": `import { expect, test } from "@playwright/test";
test("alpha home answers", async ({ request }) => {
  expect(await (await request.get("/")).text()).toBe("ok");
});
test("alpha skips with a reason", () => test.skip(true, "shows how a test says why"));
`,
      "e2e/beta/health.spec.ts": `import { expect, test } from "@playwright/test";
test("beta health answers", async ({ request }) => {
  expect((await request.get("/health")).status()).toBe(200);
});
test("beta twice", async ({ request }) => {
  expect((await request.get("/again")).ok()).toBe(true);
});
`,
    });
  });

  it("exits 0 with an honest summary", async () => {
    const result = await runRunner(folder, ["--only", "unit,e2e,system"]);
    expect(result.code, result.output).toBe(0);
    expect(result.summary).toContain("unit         2 passed, 0 failed, 1 skipped with a reason");
    expect(result.summary).toContain("e2e          3 passed, 0 failed, 1 skipped with a reason");
    expect(result.summary).toContain("system       1 passed, 0 failed");
    expect(result.lastLine).toBe("6 passed, 0 failed");
  });

  it("`npm test -- e2e/beta` runs only the e2e stage, on that folder", async () => {
    const result = await runRunner(folder, ["e2e/beta"], { viaNpm: true });
    expect(result.code, result.output).toBe(0);
    expect(result.summary).not.toMatch(/^ {2}(lint|typecheck|unit|integration|system) /mu);
    expect(result.summary).toContain("e2e          2 passed, 0 failed");
    expect(result.lastLine).toBe("2 passed, 0 failed");
  });

  it("`npm test -- --grep …` goes to Playwright", async () => {
    const result = await runRunner(folder, ["--grep", "alpha home"], { viaNpm: true });
    expect(result.code, result.output).toBe(0);
    expect(result.lastLine).toBe("1 passed, 0 failed");
  });

  it("`npm test -- lib/math.test.ts` runs the unit stage, `scripts/` the system stage", async () => {
    const unit = await runRunner(folder, ["lib/math.test.ts"], { viaNpm: true });
    expect(unit.code, unit.output).toBe(0);
    expect(unit.summary).toContain("unit         2 passed, 0 failed, 1 skipped with a reason");
    expect(unit.summary).not.toContain("integration");
    const system = await runRunner(folder, ["scripts/"], { viaNpm: true });
    expect(system.code, system.output).toBe(0);
    expect(system.summary).toContain("system       1 passed, 0 failed");
    expect(system.lastLine).toBe("1 passed, 0 failed");
  });

  it("fails a filter that matches no test, and refuses a path outside the test folders", async () => {
    const empty = await runRunner(folder, ["lib/nothing-here"], { viaNpm: true });
    expect(empty.code, empty.output).toBe(1);
    expect(empty.summary).toContain("the filter matched no test");
    const outside = await runRunner(folder, ["app/page.tsx"], { viaNpm: true });
    expect(outside.code, outside.output).toBe(2);
    expect(outside.output).toContain('"app/page.tsx" is not a path under e2e/, lib/, components/ or scripts/');
  });
});
