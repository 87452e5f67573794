import { describe, expect, it } from "vitest";

import { createClaimInputSchema, updateClaimInputSchema } from "@/lib/claims/schema";
import { tagLimits } from "@/lib/tags/schema";

const quote = { type: "TextQuoteSelector", exact: "een wapenstilstand", prefix: "geslaagd ", suffix: " te" } as const;
const position = { type: "TextPositionSelector", start: 30, end: 48 } as const;

describe("createClaimInputSchema: target", () => {
  it.each([
    { name: "a quote only", selector: [quote], expected: { quote, position: undefined } },
    { name: "a position only", selector: [position], expected: { quote: undefined, position } },
    { name: "quote then position", selector: [quote, position], expected: { quote, position } },
    { name: "position then quote", selector: [position, quote], expected: { quote, position } },
    {
      name: "a quote without context",
      selector: [{ type: "TextQuoteSelector", exact: "x" }],
      expected: { quote: { type: "TextQuoteSelector", exact: "x" }, position: undefined },
    },
  ])("accepts $name", ({ selector, expected }) => {
    const parsed = createClaimInputSchema.parse({ target: { source: "doc", selector } });
    expect(parsed.target).toEqual(expected);
  });

  it.each([
    { name: "no target", input: {} },
    { name: "no selector", input: { target: {} } },
    { name: "an empty selector list", input: { target: { selector: [] } } },
    { name: "two quotes", input: { target: { selector: [quote, { ...quote, exact: "Rusland" }] } } },
    { name: "two positions", input: { target: { selector: [position, { ...position, start: 1 }] } } },
    { name: "three selectors", input: { target: { selector: [quote, position, quote] } } },
    { name: "an unknown selector type", input: { target: { selector: [{ type: "RangeSelector", startSelector: {} }] } } },
    { name: "an empty quote", input: { target: { selector: [{ ...quote, exact: "" }] } } },
    { name: "an over-long prefix", input: { target: { selector: [{ ...quote, prefix: "a".repeat(257) }] } } },
    { name: "an over-long suffix", input: { target: { selector: [{ ...quote, suffix: "a".repeat(257) }] } } },
    { name: "a negative start", input: { target: { selector: [{ ...position, start: -1 }] } } },
    { name: "a fractional end", input: { target: { selector: [{ ...position, end: 48.5 }] } } },
    { name: "a numeric string", input: { target: { selector: [{ ...position, start: "30" }] } } },
    { name: "a selector list that is an object", input: { target: { selector: quote } } },
    { name: "an over-long source", input: { target: { source: "x".repeat(2049), selector: [quote] } } },
  ])("rejects $name", ({ input }) => {
    expect(createClaimInputSchema.safeParse(input).success).toBe(false);
  });

  it("says why a duplicate selector type is rejected, on the selector path", () => {
    const result = createClaimInputSchema.safeParse({ target: { selector: [position, position] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ message: "Give at most one selector of each type", path: ["target", "selector"] }),
    ]);
  });
});

describe("createClaimInputSchema: tags", () => {
  const target = { selector: [quote] };
  const maxName = "t".repeat(tagLimits.nameMax);

  it.each([
    { name: "missing → none", tags: undefined, expected: [] },
    { name: "trimmed", tags: ["  energy ", "\tmilitary\n"], expected: ["energy", "military"] },
    { name: "deduplicated after trimming", tags: ["energy", " energy", "energy "], expected: ["energy"] },
    { name: "order kept", tags: ["military", "diplomatic"], expected: ["military", "diplomatic"] },
    // Case is preserved here; the service matches names to the team's tags case-insensitively.
    { name: "case preserved", tags: ["Energy", "energy"], expected: ["Energy", "energy"] },
    { name: "a name at the length cap", tags: [maxName], expected: [maxName] },
    {
      name: "the count cap",
      tags: Array.from({ length: tagLimits.perClaimMax }, (_, index) => `tag${index}`),
      expected: Array.from({ length: tagLimits.perClaimMax }, (_, index) => `tag${index}`),
    },
  ])("$name", ({ tags, expected }) => {
    expect(createClaimInputSchema.parse({ target, tags }).tags).toEqual(expected);
  });

  it.each([
    { name: "an empty name", tags: [""] },
    { name: "a blank name", tags: ["   "] },
    { name: "a name over the length cap", tags: [`${maxName}x`] },
    { name: "more tags than the cap", tags: Array.from({ length: tagLimits.perClaimMax + 1 }, (_, index) => `tag${index}`) },
    // The cap counts what was sent, before duplicates are dropped, so nobody can send an unbounded list.
    { name: "too many duplicates", tags: Array.from({ length: tagLimits.perClaimMax + 1 }, () => "energy") },
    { name: "a non-string", tags: [42] },
    { name: "a string instead of a list", tags: "energy" },
  ])("rejects $name", ({ tags }) => {
    expect(createClaimInputSchema.safeParse({ target, tags }).success).toBe(false);
  });
});

describe("createClaimInputSchema: visibility", () => {
  const target = { selector: [quote] };
  it.each([
    { visibility: undefined, expected: "team" },
    { visibility: "team", expected: "team" },
    { visibility: "private", expected: "private" },
  ])("$visibility → $expected", ({ visibility, expected }) => {
    expect(createClaimInputSchema.parse({ target, visibility }).visibility).toBe(expected);
  });

  it.each(["PRIVATE", "public", "", null, 1])("rejects %j", (visibility) => {
    expect(createClaimInputSchema.safeParse({ target, visibility }).success).toBe(false);
  });
});

describe("updateClaimInputSchema", () => {
  it.each([
    { input: { tags: [] }, expected: { tags: [] } },
    { input: { tags: [" energy ", "energy"] }, expected: { tags: ["energy"] } },
    { input: { visibility: "private" }, expected: { visibility: "private" } },
    { input: { tags: ["military"], visibility: "team" }, expected: { tags: ["military"], visibility: "team" } },
  ])("accepts $input", ({ input, expected }) => {
    expect(updateClaimInputSchema.parse(input)).toEqual(expected);
  });

  it.each([{ input: {} }, { input: { visibility: "everyone" } }, { input: { tags: [""] } }])("rejects $input", ({ input }) => {
    expect(updateClaimInputSchema.safeParse(input).success).toBe(false);
  });

  it("says there is nothing to update", () => {
    expect(updateClaimInputSchema.safeParse({}).error?.issues[0]?.message).toBe("Nothing to update");
  });
});
