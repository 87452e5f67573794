import { describe, expect, it } from "vitest";

import { createHighlightTranslator, describeHighlight } from "@/components/documents/highlight-summary";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const tag = (name: string) => ({ id: name, name, color: "#1d4ed8" });
const hidden = { at: "2020-10-11T10:00:00.000Z", byName: "Mo" };

describe("describeHighlight", () => {
  const english = createHighlightTranslator("en", en);
  const dutch = createHighlightTranslator("nl", nl);

  it.each([
    { tags: ["military", "diplomatic"], comments: 2, en: "Claim: military, diplomatic; 2 comments", nl: "Claim: military, diplomatic; 2 reacties" },
    { tags: ["energy"], comments: 1, en: "Claim: energy; 1 comment", nl: "Claim: energy; 1 reactie" },
    { tags: [], comments: 0, en: "Claim without tags; no comments", nl: "Claim zonder tags; geen reacties" },
  ])("$en", ({ tags, comments, en: inEnglish, nl: inDutch }) => {
    const claim = { tags: tags.map(tag), commentCount: comments, hidden: null };
    expect(describeHighlight(claim, english)).toBe(inEnglish);
    expect(describeHighlight(claim, dutch)).toBe(inDutch);
  });

  it("says a claim is hidden (drawn for moderators only)", () => {
    const claim = { tags: [tag("energy")], commentCount: 3, hidden };
    expect(describeHighlight(claim, english)).toBe("Hidden claim: energy; 3 comments");
    expect(describeHighlight({ ...claim, tags: [] }, dutch)).toBe("Verborgen claim zonder tags; 3 reacties");
  });
});
