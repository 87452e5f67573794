import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

type MessageTree = { [key: string]: string | MessageTree };

/** Every message of a tree, by its dotted key. */
function flatten(tree: MessageTree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [nested, message] of flatten(value, `${prefix}${key}.`)) entries.set(nested, message);
  }
  return entries;
}

/** The ICU arguments and rich-text tags a message uses ("{count, plural, …}" → count). */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      names.add(element.value);
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
    if (element.type === TYPE.tag) {
      names.add(`<${element.value}>`);
      argumentNames(element.children, names);
    }
  }
  return names;
}

const english = flatten(en);
const dutch = flatten(nl);

describe("messages/en.json and messages/nl.json", () => {
  it("have the same keys", () => {
    expect([...dutch.keys()].filter((key) => !english.has(key)), "keys only in nl.json").toEqual([]);
    expect([...english.keys()].filter((key) => !dutch.has(key)), "keys only in en.json").toEqual([]);
  });

  it("are valid ICU messages with the same arguments in both languages", () => {
    const mismatched: string[] = [];
    for (const [key, message] of english) {
      const translation = dutch.get(key);
      if (translation === undefined) continue;
      const englishArguments = [...argumentNames(parse(message))].sort();
      const dutchArguments = [...argumentNames(parse(translation))].sort();
      if (englishArguments.join() !== dutchArguments.join()) mismatched.push(`${key}: en {${englishArguments}} nl {${dutchArguments}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it("have no message left empty or untranslated by mistake", () => {
    const empty = [...english, ...dutch].filter(([, message]) => message.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("have no unused key: each is used by the code under app/, components/ and lib/ (or proxy.ts)", () => {
    const used = collectUsedKeys([...["app", "components", "lib"].flatMap((directory) => sourceFiles(directory)), "proxy.ts"]);
    const unused = [...english.keys()].filter((key) => !used(key) && !keyedByValue.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});

/**
 * Namespaces whose keys are the values of a type, looked up with that value (`roleName(member.role)`): the
 * type checker already insists every value has its key, and the source cannot say which values occur.
 */
const keyedByValue = ["roles.", "checks.status.", "verdicts.ratings."];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/u.test(name) && !/\.test\.tsx?$/u.test(name) ? [file] : [];
  });
}

/**
 * Which keys the code uses, read from its source: a file's translators (`useTranslations("ns")`,
 * `getTranslations("ns")`, `{ namespace: "ns" }`) and the string literals it passes them. A template literal
 * `t(\`roles.${role}\`)` uses every key under its fixed prefix; a literal naming a full key ("errors.x.y") uses
 * that key wherever it appears (lib/ refers to messages by full key).
 */
function collectUsedKeys(files: string[]): (key: string) => boolean {
  const fullKeys = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const namespaces = new Set<string>();
    for (const match of source.matchAll(/(?:useTranslations|getTranslations)\(\s*"([\w.]+)"/gu)) namespaces.add(match[1]!);
    for (const match of source.matchAll(/namespace:\s*"([\w.]+)"/gu)) namespaces.add(match[1]!);
    if (/(?:useTranslations|getTranslations)\(\s*\)/u.test(source)) namespaces.add("");
    const literals = [...source.matchAll(/["'`]([\w.]+)["'`]/gu)].map((match) => match[1]!);
    const templatePrefixes = [...source.matchAll(/`([\w.]+)\.\$\{/gu)].map((match) => match[1]!);
    for (const literal of literals) {
      fullKeys.add(literal);
      for (const namespace of namespaces) fullKeys.add(namespace ? `${namespace}.${literal}` : literal);
    }
    for (const prefix of templatePrefixes) {
      prefixes.add(`${prefix}.`);
      for (const namespace of namespaces) prefixes.add(namespace ? `${namespace}.${prefix}.` : `${prefix}.`);
    }
  }
  return (key) => fullKeys.has(key) || [...prefixes].some((prefix) => key.startsWith(prefix));
}
