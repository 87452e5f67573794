/**
 * Prisma CLI configuration (Prisma 6.19 with the JS/WASM schema engine over a `pg` driver adapter).
 * The schema-engine binary cannot be downloaded on our machines, so every CLI command runs through
 * `@prisma/adapter-pg`. The three patches below work around known issues of that combination; see
 * ../shared/RECIPES.md ("Prisma with no engine binaries").
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:5432/margin";
const databaseUrl = process.env.DATABASE_URL;

// 1. Introspection reads `"char"` (OID 18) and `name` (OID 19) columns, which the adapter cannot deserialize
//    (prisma/prisma#27403). Relabel them as `text` (OID 25) before pg builds its row parsers.
const resultPrototype = pg.Result.prototype as unknown as {
  addFields: (fields: { dataTypeID: number }[]) => void;
  __marginPatched?: boolean;
};
if (!resultPrototype.__marginPatched) {
  const addFields = resultPrototype.addFields;
  resultPrototype.addFields = function patchedAddFields(fields) {
    for (const field of fields) if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  resultPrototype.__marginPatched = true;
}

// 3. The WASM engine arms 10 s / 60 s timers it never clears, so the CLI idles after `migrate dev`.
//    Unref only the timers created from WASM frames; every other timer behaves as usual.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = originalSetTimeout(...args);
  if (new Error().stack?.includes("wasm://")) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// 2. adapter-pg 6.19.3's connectToShadowDb() creates a shadow database but connects to the main one
//    (pg ignores `database` when a connection string is given). Connect to the shadow one by URL instead.
class PrismaPgWithShadowDatabase extends PrismaPg {
  override async connectToShadowDb() {
    const main = await this.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(databaseUrl);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "node --conditions=react-server --import tsx prisma/seed/seed.ts",
  },
  adapter: async () => new PrismaPgWithShadowDatabase({ connectionString: databaseUrl, allowExitOnIdle: true }),
});
