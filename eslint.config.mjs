import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Nothing outside lib/ talks to Prisma (STYLE.md: routes → lib/ services → database).
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/generated/prisma/client", "@prisma/*"], message: "Use lib/ services; only lib/ talks to Prisma." }] },
      ],
    },
  },
  {
    files: ["lib/**", "prisma/**", "scripts/**", "e2e/**", "*.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The scripts are plain JavaScript, which TypeScript does not check: a name used but never defined (say, a
    // helper moved to another module and not imported) must fail lint, not the first run that reaches it.
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "no-undef": "error" },
  },
  {
    // Playwright fixtures call a function named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
