import { describe, expect, it } from "vitest";

import { buildArticlePieces } from "@/components/publications/article-pieces";

const text = (value: string, claimIds: string[] = []) => ({ kind: "text", text: value, claimIds });
const marker = (claimId: string) => ({ kind: "marker", claimId });

describe("buildArticlePieces", () => {
  it("leaves a block without claims as one run", () => {
    expect(buildArticlePieces(["Eerste alinea."], [])).toEqual([[text("Eerste alinea.")]]);
  });

  it("marks a claim's text and puts its marker right after it", () => {
    // "Eerste alinea." + "\n\n" + "Tweede alinea." : the second block starts at 16.
    expect(buildArticlePieces(["Eerste alinea.", "Tweede alinea."], [{ claimId: "a", start: 23, end: 29 }])).toEqual([
      [text("Eerste alinea.")],
      [text("Tweede "), text("alinea", ["a"]), marker("a"), text(".")],
    ]);
  });

  it("a claim at the very end of a block, and one from the very start", () => {
    expect(buildArticlePieces(["Een twee"], [{ claimId: "a", start: 4, end: 8 }, { claimId: "b", start: 0, end: 3 }])).toEqual([
      [text("Een", ["b"]), marker("b"), text(" "), text("twee", ["a"]), marker("a")],
    ]);
  });

  it("overlapping claims: each run lists its claims shortest first, markers in the order the claims end", () => {
    expect(buildArticlePieces(["abcdefghij"], [{ claimId: "long", start: 0, end: 8 }, { claimId: "short", start: 2, end: 5 }])).toEqual([
      [text("ab", ["long"]), text("cde", ["short", "long"]), marker("short"), text("fgh", ["long"]), marker("long"), text("ij")],
    ]);
  });

  it("two claims ending at the same place: the inner (later-starting) one's marker first", () => {
    expect(buildArticlePieces(["abcdef"], [{ claimId: "outer", start: 0, end: 6 }, { claimId: "inner", start: 3, end: 6 }])).toEqual([
      [text("abc", ["outer"]), text("def", ["inner", "outer"]), marker("inner"), marker("outer")],
    ]);
  });

  it("a claim across two blocks covers both, its marker in the second", () => {
    // "abc" + "\n\n" + "def": "bc\n\nde" is 1–7.
    expect(buildArticlePieces(["abc", "def"], [{ claimId: "a", start: 1, end: 7 }])).toEqual([
      [text("a"), text("bc", ["a"])],
      [text("de", ["a"]), marker("a"), text("f")],
    ]);
  });

  it("a claim ending in the blank line between blocks gets its marker at the end of the block before", () => {
    expect(buildArticlePieces(["abc", "def"], [{ claimId: "a", start: 1, end: 4 }])).toEqual([[text("a"), text("bc", ["a"]), marker("a")], [text("def")]]);
  });

  it("ignores empty ranges", () => {
    expect(buildArticlePieces(["abc"], [{ claimId: "a", start: 1, end: 1 }])).toEqual([[text("abc")]]);
  });

  it("keeps every character: the runs of each block join to the block", () => {
    const blocks = ["Even leek Rusland er in geslaagd", "Zolang er een, is er geen vrede", "x"];
    const pieces = buildArticlePieces(blocks, [
      { claimId: "a", start: 5, end: 40 },
      { claimId: "b", start: 10, end: 17 },
      { claimId: "c", start: 60, end: 66 },
    ]);
    expect(pieces.map((block) => block.flatMap((piece) => (piece.kind === "text" ? [piece.text] : [])).join(""))).toEqual(blocks);
    expect(pieces.flat().filter((piece) => piece.kind === "marker")).toHaveLength(3);
  });
});
