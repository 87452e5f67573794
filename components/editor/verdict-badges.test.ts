import { describe, expect, it } from "vitest";

import { buildHighlightSegments, type HighlightRange } from "@/components/editor/highlight-segments";
import { getVerdictBadgeKey, placeVerdictBadges } from "@/components/editor/verdict-badges";

const mostlyFalse = { label: "Mostly false", color: "#c2410c", icon: "cross" } as const;
const isTrue = { label: "True", color: "#15803d", icon: "check" } as const;
const range = (claimId: string, start: number, end: number, verdict?: HighlightRange["verdict"]): HighlightRange => ({
  claimId,
  start,
  end,
  color: verdict?.color ?? "#b91c1c",
  verdict,
});
const place = (ranges: HighlightRange[]) =>
  placeVerdictBadges(buildHighlightSegments(ranges)).map((badge) => [badge.claimId, badge.offset, badge.verdict.label]);

describe("placeVerdictBadges", () => {
  it.each([
    ["no claims", [], []],
    ["a claim without a verdict gets no badge", [range("a", 0, 5)], []],
    ["a claim with a verdict: one badge at its end", [range("a", 2, 9, mostlyFalse)], [["a", 9, "Mostly false"]]],
    [
      "a claim split by an overlap still gets one badge, at its own end",
      [range("a", 0, 10, mostlyFalse), range("b", 5, 15)],
      [["a", 10, "Mostly false"]],
    ],
    [
      "in text order, whatever order the claims come in",
      [range("late", 20, 30, isTrue), range("early", 0, 4, mostlyFalse)],
      [["early", 4, "Mostly false"], ["late", 30, "True"]],
    ],
    [
      "claims ending together: the inner one (beginning last) first, beside its own text",
      [range("outer", 0, 10, isTrue), range("inner", 6, 10, mostlyFalse)],
      [["inner", 10, "Mostly false"], ["outer", 10, "True"]],
    ],
    ["an empty claim is not drawn, so it has no badge", [range("a", 4, 4, isTrue)], []],
  ])("%s", (_name, ranges, expected) => {
    expect(place(ranges as HighlightRange[])).toEqual(expected);
  });

  it("keys a badge by what it shows, so a new label or colour redraws it and nothing else does", () => {
    const [before] = placeVerdictBadges(buildHighlightSegments([range("a", 0, 5, mostlyFalse)]));
    const [renamed] = placeVerdictBadges(buildHighlightSegments([range("a", 0, 5, { ...mostlyFalse, label: "Onjuist" })]));
    const [again] = placeVerdictBadges(buildHighlightSegments([range("a", 0, 5, mostlyFalse)]));
    expect(getVerdictBadgeKey(before!)).toBe(getVerdictBadgeKey(again!));
    expect(getVerdictBadgeKey(before!)).not.toBe(getVerdictBadgeKey(renamed!));
  });
});
