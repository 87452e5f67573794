import { describe, expect, it } from "vitest";

import { editDistance } from "./edit-distance";

/** The textbook full-matrix Levenshtein distance, to check the banded one against. */
function reference(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, row) => [row, ...Array<number>(b.length).fill(0)]);
  for (let column = 1; column <= b.length; column++) rows[0]![column] = column;
  for (let row = 1; row <= a.length; row++) {
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      rows[row]![column] = Math.min(rows[row - 1]![column]! + 1, rows[row]![column - 1]! + 1, rows[row - 1]![column - 1]! + cost);
    }
  }
  return rows[a.length]![b.length]!;
}

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["de belasting verhogen", "de belasting fors verhogen", 5],
    ["die eerder", "die volgens waarnemers eerder", 19],
  ])("%j → %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it("agrees with the full matrix on long strings with small and large edits", () => {
    const sentence = "Het Turkse optreden bedreigt de Russische machtspositie in de regio. Poetin moet iets doen. ".repeat(3);
    const variants = [
      sentence.replace("bedreigt", "ondermijnt"),
      sentence.slice(40),
      `${sentence.slice(0, 100)}${"x".repeat(60)}${sentence.slice(100)}`,
      sentence.split("").reverse().join(""),
    ];
    for (const variant of variants) expect(editDistance(sentence, variant)).toBe(reference(sentence, variant));
  });

  it("gives up beyond its cell budget", () => {
    expect(editDistance("a".repeat(3000), "b".repeat(3000), 1_000_000)).toBeUndefined();
  });
});
