import { describe, expect, it } from "vitest";

import { describeAttentionTexts, findNewAttentionIds, listClaimsNeedingAttention } from "@/components/versions/needs-attention-list";
import type { ClaimView } from "@/lib/claims/schema";
import { claimViewFor } from "@/lib/testing/views";

/** A claim whose quote `exact` sits at `start` (on the latest version; for an orphan, where it last was). */
function claimAt(id: string, start: number, overrides: Partial<ClaimView> = {}, exact = `quote ${id}`): ClaimView {
  return claimViewFor(id, {
    target: {
      source: "doc",
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start, end: start + exact.length },
      ],
    },
    ...overrides,
  });
}

describe("listClaimsNeedingAttention", () => {
  it("lists changed and orphaned claims nobody dismissed, orphans first, each in text order", () => {
    const claims = [
      claimAt("anchored", 5),
      claimAt("changed-late", 300, { state: "changed", originalQuote: "was" }),
      claimAt("orphan-late", 200, { state: "orphaned" }),
      claimAt("changed-early", 10, { state: "changed", originalQuote: "was" }),
      claimAt("orphan-early", 50, { state: "orphaned" }),
      claimAt("dismissed-orphan", 1, { state: "orphaned", attentionDismissed: true }),
      claimAt("dismissed-changed", 2, { state: "changed", originalQuote: "was", attentionDismissed: true }),
    ];
    expect(listClaimsNeedingAttention(claims).map((claim) => claim.id)).toEqual(["orphan-early", "orphan-late", "changed-early", "changed-late"]);
  });

  it("orders claims at the same place oldest first", () => {
    const claims = [
      claimAt("newer", 40, { state: "orphaned", createdAt: "2026-02-01T00:00:00.000Z" }),
      claimAt("older", 40, { state: "orphaned", createdAt: "2026-01-01T00:00:00.000Z" }),
    ];
    expect(listClaimsNeedingAttention(claims).map((claim) => claim.id)).toEqual(["older", "newer"]);
  });

  it("leaves out a hidden claim whose texts the server withheld", () => {
    const withheld = claimViewFor("withheld", { state: "orphaned", hidden: { at: "2026-01-03T00:00:00.000Z" } });
    expect(listClaimsNeedingAttention([withheld])).toEqual([]);
  });

  it("is empty when every claim sits on its text", () => {
    expect(listClaimsNeedingAttention([claimAt("a", 1), claimAt("b", 2)])).toEqual([]);
  });
});

describe("describeAttentionTexts", () => {
  it("gives a changed claim's new words and the ones it was made on", () => {
    const [changed] = listClaimsNeedingAttention([claimAt("c", 1, { state: "changed", originalQuote: "twaalf uur" }, "tien uur")]);
    expect(describeAttentionTexts(changed!)).toEqual({ now: "tien uur", was: "twaalf uur" });
  });

  it("gives an orphan only the words it lost", () => {
    const [orphan] = listClaimsNeedingAttention([claimAt("o", 1, { state: "orphaned" }, "Dit wordt ontkend.")]);
    expect(describeAttentionTexts(orphan!)).toEqual({ now: null, was: "Dit wordt ontkend." });
  });
});

describe("findNewAttentionIds", () => {
  it("names the claims that were not listed before, in the list's order", () => {
    expect(findNewAttentionIds(new Set(["a", "b"]), [{ id: "c" }, { id: "a" }, { id: "d" }])).toEqual(["c", "d"]);
  });

  it("names none when claims only left the list", () => {
    expect(findNewAttentionIds(new Set(["a", "b"]), [{ id: "a" }])).toEqual([]);
  });
});
