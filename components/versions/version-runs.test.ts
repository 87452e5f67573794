import { describe, expect, it } from "vitest";

import { buildBlockRuns } from "@/components/versions/version-runs";
import type { TextBlockNode } from "@/lib/documents/content-schema";

const paragraph: TextBlockNode = {
  type: "paragraph",
  content: [
    { type: "text", text: "Even leek " },
    { type: "text", text: "Rusland", marks: [{ type: "bold" }] },
    { type: "text", text: " te winnen." },
  ],
};

const describeRuns = (runs: ReturnType<typeof buildBlockRuns>) =>
  runs.map((run) => `${run.text}|${run.marks.map((mark) => mark.type).join("+")}|${run.claimIds.join(",")}`);

describe("buildBlockRuns", () => {
  it("keeps the text nodes and their marks when no claim covers the block", () => {
    expect(describeRuns(buildBlockRuns(paragraph, 0, []))).toEqual(["Even leek ||", "Rusland|bold|", " te winnen.||"]);
  });

  it("cuts runs where a claim begins and ends, across a bold word", () => {
    // "leek Rusland te" = 5..20
    expect(describeRuns(buildBlockRuns(paragraph, 0, [{ claimId: "a", start: 5, end: 20 }]))).toEqual([
      "Even ||",
      "leek ||a",
      "Rusland|bold|a",
      " te||a",
      " winnen.||",
    ]);
  });

  it("lists overlapping claims innermost first", () => {
    const runs = buildBlockRuns(paragraph, 0, [
      { claimId: "outer", start: 0, end: 28 },
      { claimId: "inner", start: 10, end: 17 },
    ]);
    expect(runs.find((run) => run.text === "Rusland")?.claimIds).toEqual(["inner", "outer"]);
    expect(runs.find((run) => run.text === "Even leek ")?.claimIds).toEqual(["outer"]);
  });

  it("reads offsets from where the block starts in the document text, and ignores claims in other blocks", () => {
    const runs = buildBlockRuns(paragraph, 100, [
      { claimId: "here", start: 110, end: 117 },
      { claimId: "elsewhere", start: 0, end: 50 },
      { claimId: "empty", start: 112, end: 112 },
    ]);
    expect(describeRuns(runs)).toEqual(["Even leek ||", "Rusland|bold|here", " te winnen.||"]);
  });

  it("gives an empty block no runs", () => {
    expect(buildBlockRuns({ type: "paragraph" }, 0, [{ claimId: "a", start: 0, end: 3 }])).toEqual([]);
  });
});
