/**
 * Every free-text field of every schema in lib/<concept>/schema.ts applies the text rule (lib/validation/text.ts),
 * so no NUL or lone surrogate can reach PostgreSQL (a 500) through a field someone forgot. The schemas are found
 * by globbing, so a new schema file or field is checked without being listed here.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { hasTextRule } from "@/lib/validation/text";

const schemaModules = import.meta.glob<Record<string, unknown>>("../*/schema.ts", { eager: true });

/** Strings that are not input, or must stay as they are, by `<file> <export>[.<path>]`, with the reason. */
const exempt = new Map([
  ["realtime/schema.ts liveEventSchema.at", "the server's own live messages, parsed by the browser: output, not input"],
  ["realtime/schema.ts liveReadySchema.connectionId", "the server's own live messages: output"],
  ["realtime/schema.ts livePresenceSchema.viewers[].name", "the server's own live messages: output"],
  ["realtime/schema.ts liveRevokedSchema.reason", "the server's own live messages: output"],
  ["auth/schema.ts signInSchema.password", "only hashed and compared, never stored; existing passwords must keep working"],
  ["documents/schema.ts createDocumentInputSchema.lang", "a language tag: its transform keeps only [A-Za-z0-9-] (lib/documents/language.ts)"],
  ["publications/schema.ts publicSlugSchema", "a URL path segment matched against [a-z0-9-] (lib/publications/slug.ts), never stored"],
  ["versions/schema.ts createVersionInputSchema.content{key}", "the keys of the editor's JSON: parsed by documentContentSchema, which keeps only known keys and applies the text rule to text"],
  ["documents/schema.ts updateDocumentInputSchema.lang", "a language tag: its transform keeps only [A-Za-z0-9-] (lib/documents/language.ts)"],
]);

type Def = { type: string; [key: string]: unknown };

/** The paths of plain strings (no format such as uuid or email, no text rule) inside `schema`. */
function findPlainStrings(schema: z.ZodType, path: string, found: string[] = [], seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const walk = (child: unknown, childPath: string) => findPlainStrings(child as z.ZodType, childPath, found, seen);
  switch (def.type) {
    case "string":
      if (!("format" in def && def.format) && !hasTextRule(schema as z.ZodString)) found.push(path);
      break;
    case "object":
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) walk(child, path ? `${path}.${key}` : key);
      if (def.catchall) walk(def.catchall, `${path}.*`);
      break;
    case "array":
      walk(def.element, `${path}[]`);
      break;
    case "union":
      for (const option of def.options as unknown[]) walk(option, path);
      break;
    case "intersection":
      walk(def.left, path);
      walk(def.right, path);
      break;
    case "pipe":
      walk(def.in, path);
      walk(def.out, path);
      break;
    case "tuple":
      (def.items as unknown[]).forEach((item, index) => walk(item, `${path}[${index}]`));
      if (def.rest) walk(def.rest, `${path}[]`);
      break;
    case "record":
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case "lazy":
      walk((def.getter as () => unknown)(), path);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      walk(def.innerType, path);
      break;
    default:
      // Numbers, booleans, enums, literals, transforms: no free text.
      break;
  }
  return found;
}

const schemas = Object.entries(schemaModules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ file: file.replace(/^\.\.\//u, ""), name, schema })),
);

describe("the text rule on every schema", () => {
  it("finds the schema files", () => {
    expect(schemas.map(({ file, name }) => `${file} ${name}`)).toEqual(
      expect.arrayContaining(["threads/schema.ts createCommentInputSchema", "teams/schema.ts createTeamInputSchema", "tags/schema.ts updateTagInputSchema"]),
    );
  });

  it.each(schemas)("$file $name: every free-text field applies it", ({ file, name, schema }) => {
    const plain = findPlainStrings(schema, "").map((path) => `${file} ${name}${path ? `.${path}` : ""}`);
    expect(plain.filter((entry) => !exempt.has(entry))).toEqual([]);
  });

  it("every exemption still exists (a stale one hides nothing)", () => {
    const plain = new Set(schemas.flatMap(({ file, name, schema }) => findPlainStrings(schema, "").map((path) => `${file} ${name}${path ? `.${path}` : ""}`)));
    expect([...exempt.keys()].filter((entry) => !plain.has(entry))).toEqual([]);
  });
});
