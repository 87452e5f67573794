import { describe, expect, it } from "vitest";

import { buildDiffBlocks, type DiffBlock } from "@/components/versions/diff-blocks";
import type { DiffParagraph } from "@/lib/versions/diff";

const equal = (index: number): DiffParagraph => ({ kind: "equal", before: index, after: index, text: `p${index}` });
const changed = (index: number): DiffParagraph => ({ kind: "changed", before: index, after: index, segments: [{ kind: "insert", text: "x" }] });

/** "=" for a shown unchanged paragraph, "~n" for change n, "[k]" for a fold of k paragraphs; blocks split by " | ". */
const describeBlocks = (blocks: DiffBlock[]) =>
  blocks
    .map((block) =>
      block.kind === "folded" ? `[${block.paragraphs.length}]` : block.paragraphs.map((item) => (item.change === null ? "=" : `~${item.change}`)).join(""),
    )
    .join(" | ");

describe("buildDiffBlocks", () => {
  it("folds long unchanged stretches, keeping one paragraph of context beside each change", () => {
    const paragraphs = [...Array.from({ length: 5 }, (_, index) => equal(index)), changed(5), ...Array.from({ length: 6 }, (_, index) => equal(6 + index)), changed(12), equal(13)];
    expect(describeBlocks(buildDiffBlocks(paragraphs))).toBe("[4] | =~0= | [4] | =~1=");
  });

  it("shows short unchanged stretches as they are", () => {
    expect(describeBlocks(buildDiffBlocks([changed(0), equal(1), equal(2), equal(3), changed(4)]))).toBe("~0===~1");
  });

  it("folds a text with no change entirely", () => {
    const blocks = buildDiffBlocks(Array.from({ length: 10 }, (_, index) => equal(index)));
    expect(describeBlocks(blocks)).toBe("[10]");
    expect(blocks[0]).toMatchObject({ kind: "folded", id: "p0-0" });
  });

  it("takes the context and the smallest fold as options", () => {
    const paragraphs = [changed(0), ...Array.from({ length: 6 }, (_, index) => equal(1 + index)), changed(7)];
    expect(describeBlocks(buildDiffBlocks(paragraphs, { context: 2, minimumFold: 2 }))).toBe("~0== | [2] | ==~1");
    expect(describeBlocks(buildDiffBlocks(paragraphs, { context: 2, minimumFold: 3 }))).toBe("~0======~1");
  });
});
