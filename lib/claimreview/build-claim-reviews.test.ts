import { describe, expect, it } from "vitest";

import { buildClaimReviews, type ClaimReviewSource, type PublishedVerdictRecord } from "@/lib/claimreview/build-claim-reviews";
import { toRatingScale } from "@/lib/verdicts/scale";

const documentId = "8867559f-0000-4000-8000-000000000001";
const claimId = "11fcffec-0000-4000-8000-000000000002";
const firstPublishedAt = new Date("2026-12-01T09:30:00.000Z");

const verdict = (overrides: Partial<PublishedVerdictRecord> = {}): PublishedVerdictRecord => ({
  claimId,
  quote: "Rusland heeft weinig opties",
  rating: "mostly_false",
  summary: "Rusland heeft meer opties dan het artikel zegt.",
  firstPublishedAt,
  lastPublishedAt: firstPublishedAt,
  ...overrides,
});

const source = (overrides: Partial<ClaimReviewSource> = {}): ClaimReviewSource => ({
  document: { id: documentId, title: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand", publishedOn: "2020-10", lang: "nl" },
  team: { name: "Redactie buitenland" },
  publicSlug: "nagorno-karabach",
  verdicts: [verdict()],
  scale: toRatingScale([]),
  origin: "https://margin.example",
  ...overrides,
});

const only = (overrides: Partial<ClaimReviewSource> = {}) => {
  const reviews = buildClaimReviews(source(overrides));
  expect(reviews).toHaveLength(1);
  return reviews[0]!;
};

describe("buildClaimReviews: Google's required properties", () => {
  it("@context is schema.org and @type ClaimReview (Google reads JSON-LD with the schema.org context only)", () => {
    const review = only();
    expect(review["@context"]).toBe("https://schema.org");
    expect(review["@type"]).toBe("ClaimReview");
  });

  it("claimReviewed is the claim's quote", () => {
    expect(only().claimReviewed).toBe("Rusland heeft weinig opties");
  });

  it("url is the claim's place on the public page, on the page's own origin (Google: same domain, an anchor allowed)", () => {
    const review = only();
    expect(review.url).toBe(`https://margin.example/p/nagorno-karabach#claim-${claimId}`);
    expect(new URL(review.url).origin).toBe("https://margin.example");
  });

  it("url is the claim in the document inside Margin when the document is not published", () => {
    expect(only({ publicSlug: null }).url).toBe(`https://margin.example/documents/${documentId}?claim=${claimId}`);
  });

  it("reviewRating: a Rating with the label as alternateName and numbers of the team's scale (default: 5 best, 1 worst)", () => {
    expect(only().reviewRating).toEqual({ "@type": "Rating", alternateName: "Grotendeels onwaar", ratingValue: 2, bestRating: 5, worstRating: 1 });
  });

  it.each([
    ["true", 5],
    ["mostly_true", 4],
    ["half_true", 3],
    ["mostly_false", 2],
    ["false", 1],
  ])("ratingValue of %s is %i, within worstRating–bestRating, and a number", (rating, value) => {
    const { reviewRating } = only({ verdicts: [verdict({ rating })] });
    expect(reviewRating.ratingValue).toBe(value);
    expect(typeof reviewRating.ratingValue).toBe("number");
    expect(reviewRating.ratingValue).toBeGreaterThanOrEqual(reviewRating.worstRating!);
    expect(reviewRating.ratingValue).toBeLessThanOrEqual(reviewRating.bestRating!);
    // Google: worstRating at least 1, bestRating above it.
    expect(reviewRating.worstRating).toBeGreaterThanOrEqual(1);
    expect(reviewRating.bestRating).toBeGreaterThan(reviewRating.worstRating!);
  });

  it("an unscored rating (unverifiable) has its label and no number", () => {
    expect(only({ verdicts: [verdict({ rating: "unverifiable" })] }).reviewRating).toEqual({ "@type": "Rating", alternateName: "Niet te verifiëren" });
  });
});

describe("buildClaimReviews: labels", () => {
  it.each([
    ["nl", "Grotendeels onwaar"],
    ["nl-BE", "Grotendeels onwaar"],
    ["en", "Mostly false"],
    ["de", "Mostly false"],
    ["und", "Mostly false"],
  ])("a default rating's label follows the article's language %s (en or nl, else English)", (lang, label) => {
    expect(only({ document: { ...source().document, lang } }).reviewRating.alternateName).toBe(label);
  });

  it("a team's own label and numbers come from its scale, whatever the language", () => {
    const scale = toRatingScale([
      { key: "klopt", label: "Klopt", color: "#15803d", position: 0, scored: true },
      { key: "klopt_niet", label: "Klopt niet", color: "#b91c1c", position: 1, scored: true },
      { key: "onbekend", label: "Weten we niet", color: "#475569", position: 2, scored: false },
    ]);
    const reviews = buildClaimReviews(
      source({ scale, document: { ...source().document, lang: "en" }, verdicts: [verdict({ rating: "klopt_niet" }), verdict({ rating: "onbekend" })] }),
    );
    expect(reviews.map((review) => review.reviewRating)).toEqual([
      { "@type": "Rating", alternateName: "Klopt niet", ratingValue: 1, bestRating: 2, worstRating: 1 },
      { "@type": "Rating", alternateName: "Weten we niet" },
    ]);
  });

  it("a rating the scale no longer has keeps its key as the label, without numbers", () => {
    expect(only({ verdicts: [verdict({ rating: "pants_on_fire" })] }).reviewRating).toEqual({ "@type": "Rating", alternateName: "pants_on_fire" });
  });
});

describe("buildClaimReviews: Google's recommended properties", () => {
  it("author is the team as an Organization with a name and a url", () => {
    expect(only().author).toEqual({ "@type": "Organization", name: "Redactie buitenland", url: "https://margin.example/" });
  });

  it("datePublished is the verdict's first publication (ISO 8601); no dateModified until it is corrected", () => {
    const review = only();
    expect(review.datePublished).toBe("2026-12-01T09:30:00.000Z");
    expect(review).not.toHaveProperty("dateModified");
  });

  it("a corrected verdict keeps its first datePublished and gets dateModified", () => {
    const review = only({ verdicts: [verdict({ lastPublishedAt: new Date("2026-12-02T14:00:00.000Z") })] });
    expect(review.datePublished).toBe("2026-12-01T09:30:00.000Z");
    expect(review.dateModified).toBe("2026-12-02T14:00:00.000Z");
  });

  it("itemReviewed is a Claim whose appearance is the article (its public page, headline and date)", () => {
    expect(only().itemReviewed).toEqual({
      "@type": "Claim",
      datePublished: "2020-10",
      appearance: {
        "@type": "CreativeWork",
        url: "https://margin.example/p/nagorno-karabach",
        headline: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
        datePublished: "2020-10",
      },
    });
  });

  it("the article's appearance is the document in Margin when it is not published", () => {
    expect(only({ publicSlug: null }).itemReviewed.appearance.url).toBe(`https://margin.example/documents/${documentId}`);
  });

  it.each([null, "oktober 2020", "2020-13", "2020-10-32"])("an article date that is not an ISO date (%j) is left out", (publishedOn) => {
    const { itemReviewed } = only({ document: { ...source().document, publishedOn } });
    expect(itemReviewed).not.toHaveProperty("datePublished");
    expect(itemReviewed.appearance).not.toHaveProperty("datePublished");
  });

  it("the Claim has no author: the article's author is not known", () => {
    expect(only().itemReviewed).not.toHaveProperty("author");
  });

  it("reviewBody is the verdict's summary", () => {
    expect(only().reviewBody).toBe("Rusland heeft meer opties dan het artikel zegt.");
  });
});

describe("buildClaimReviews: the whole list", () => {
  it("one ClaimReview per verdict, in the order given; none for none", () => {
    const other = "22fcffec-0000-4000-8000-000000000003";
    const reviews = buildClaimReviews(source({ verdicts: [verdict(), verdict({ claimId: other, quote: "Tweede" })] }));
    expect(reviews.map((review) => review.claimReviewed)).toEqual(["Rusland heeft weinig opties", "Tweede"]);
    expect(reviews[1]!.url).toBe(`https://margin.example/p/nagorno-karabach#claim-${other}`);
    expect(buildClaimReviews(source({ verdicts: [] }))).toEqual([]);
  });

  it("has exactly the documented properties, nothing else (no member names, no drafts)", () => {
    expect(Object.keys(only({ verdicts: [verdict({ lastPublishedAt: new Date("2026-12-02T00:00:00Z") })] })).sort()).toEqual(
      ["@context", "@type", "author", "claimReviewed", "dateModified", "datePublished", "itemReviewed", "reviewBody", "reviewRating", "url"].sort(),
    );
  });

  it("a slug is percent-encoded into the URL, and the origin's path is ignored", () => {
    const review = only({ origin: "https://margin.example/ignored/path", publicSlug: "a b" });
    expect(review.url).toBe(`https://margin.example/p/a%20b#claim-${claimId}`);
  });
});
