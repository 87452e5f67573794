import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { anchorClaims } from "@/components/claims/anchored-claims";
import { describeTextRange } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";
import { importArticleText } from "@/lib/documents/article-import";
import { claimViewFor } from "@/lib/testing/views";

const { text } = importArticleText(
  readFileSync(new URL("../../prisma/seed/articles/nagorno-karabach-2020-10.txt", import.meta.url), "utf8"),
);

function claimOn(id: string, phrase: string, createdAt = "2026-01-01T00:00:00.000Z"): ClaimView {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in article: ${phrase}`);
  const { quote, position } = describeTextRange(text, { start, end: start + phrase.length });
  return claimViewFor(id, { documentId: "doc", target: { source: "doc", selector: [quote, position] }, createdAt, updatedAt: createdAt });
}

/** A hidden claim as a member receives it: the server withheld its target and tags. */
function withheldClaim(id: string): ClaimView {
  return { ...claimOn(id, "Weinig opties"), target: null, hidden: { at: "2026-01-03T00:00:00.000Z" } };
}

describe("anchorClaims", () => {
  it("orders claims by where they sit in the text, not by when they were made", () => {
    const late = claimOn("late", "Weinig opties", "2026-01-01T00:00:00.000Z");
    const early = claimOn("early", "Even leek Rusland", "2026-02-01T00:00:00.000Z");
    const { anchored, orphaned } = anchorClaims([late, early], text);
    expect(anchored.map((item) => item.claim.id)).toEqual(["early", "late"]);
    expect(orphaned).toEqual([]);
  });

  it("lists a claim whose text is gone as orphaned instead of dropping it", () => {
    const gone = claimOn("gone", "Javad Devdarian");
    const edited = text.replaceAll("Javad Devdarian", "een deskundige").replaceAll("Devdarian", "Hij");
    const { anchored, orphaned } = anchorClaims([gone, claimOn("kept", "Weinig opties")], edited);
    expect(anchored.map((item) => item.claim.id)).toEqual(["kept"]);
    expect(orphaned.map((claim) => claim.id)).toEqual(["gone"]);
  });

  it("re-anchors by quote when text was inserted before the claim", () => {
    const claim = claimOn("c", "„een laatste kans [voor Armenië]");
    const edited = `Voorwoord.\n\n${text}`;
    const [result] = anchorClaims([claim], edited).anchored;
    expect(result?.method).toBe("quote");
    expect(edited.slice(result!.start, result!.end)).toBe("„een laatste kans [voor Armenië]");
  });

  it("sets claims with a withheld target apart, in the order given, and never anchors or orphans them", () => {
    const { anchored, orphaned, withheld } = anchorClaims(
      [withheldClaim("hidden-2"), claimOn("kept", "Weinig opties"), withheldClaim("hidden-1")],
      text,
    );
    expect(anchored.map((item) => item.claim.id)).toEqual(["kept"]);
    expect(orphaned).toEqual([]);
    expect(withheld.map((claim) => claim.id)).toEqual(["hidden-2", "hidden-1"]);
  });

  it("anchors a hidden claim a moderator receives with its target, like any other", () => {
    const hiddenForModerator = { ...claimOn("moderated", "Weinig opties"), hidden: { at: "2026-01-03T00:00:00.000Z", reason: "x", byName: "Mo" } };
    const { anchored, withheld } = anchorClaims([hiddenForModerator], text);
    expect(anchored.map((item) => item.claim.id)).toEqual(["moderated"]);
    expect(withheld).toEqual([]);
  });

  it("never draws a claim the server found orphaned, even where its old selectors still fit the text", () => {
    const orphan = { ...claimOn("orphan", "Weinig opties"), state: "orphaned" as const };
    const { anchored, orphaned } = anchorClaims([orphan, claimOn("kept", "Even leek Rusland")], text);
    expect(anchored.map((item) => item.claim.id)).toEqual(["kept"]);
    expect(orphaned.map((claim) => claim.id)).toEqual(["orphan"]);
  });

  it("draws a changed claim on the text it now sits on, marked as changed", () => {
    const changed = { ...claimOn("changed", "Weinig opties"), state: "changed" as const, originalQuote: "Weinig keuzes" };
    const [result, other] = anchorClaims([changed, claimOn("kept", "Even leek Rusland")], text).anchored;
    expect(other).toMatchObject({ isChanged: true, claim: { id: "changed" } });
    expect(text.slice(other!.start, other!.end)).toBe("Weinig opties");
    expect(result).toMatchObject({ isChanged: false, claim: { id: "kept" } });
  });
});
