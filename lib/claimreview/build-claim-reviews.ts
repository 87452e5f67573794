/**
 * schema.org ClaimReview objects for a document's published verdicts. Pure: the service (lib/claimreview/service.ts)
 * and the public page read the data and hand it here; docs/claimreview.md maps every field and says which ones
 * Google's fact-check structured data requires or recommends.
 */
import { getLabelLocale, getRatingLabel } from "@/lib/claimreview/rating-label";
import { getTranslate } from "@/lib/i18n/translators";
import { articlePagePath, claimLinkPath } from "@/lib/publications/urls";
import { findRating, type RatingScaleView } from "@/lib/verdicts/scale";

/** The published verdict of one claim, with the claim's quote. Only team-visible claims that are not hidden. */
export type PublishedVerdictRecord = {
  claimId: string;
  /** The claim's quote: the words of the article the verdict is about. */
  quote: string;
  /** The rating's key on the team's scale. */
  rating: string;
  summary: string;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
};

export type ClaimReviewSource = {
  document: { id: string; title: string; publishedOn: string | null; lang: string };
  team: { name: string };
  /** The slug of the document's public page, or null when it is not published. */
  publicSlug: string | null;
  verdicts: readonly PublishedVerdictRecord[];
  scale: RatingScaleView;
  /** The public origin absolute URLs start with, e.g. "https://margin.example". */
  origin: string;
};

export type ClaimReviewRating = {
  "@type": "Rating";
  /** The rating's label: the team's own, or the built-in one in the article's language (en, nl; else English). */
  alternateName: string;
  /** The rating's number on the team's scale (absent for an unscored rating such as "unverifiable"). */
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
};

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  reviewRating: ClaimReviewRating;
  itemReviewed: {
    "@type": "Claim";
    /** When the claim was made: the article's date, when known. */
    datePublished?: string;
    appearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
  };
  author: { "@type": "Organization"; name: string; url: string };
  reviewBody: string;
  datePublished: string;
  dateModified?: string;
};

/** An article date as imported ("2020", "2020-10", "2020-10-15"): an ISO 8601 date, reduced precision allowed. */
const isoDatePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u;

/** The article's date when it is one schema.org's Date accepts, else undefined (left out). */
function toArticleDate(publishedOn: string | null): string | undefined {
  return publishedOn !== null && isoDatePattern.test(publishedOn) ? publishedOn : undefined;
}

/**
 * One ClaimReview per published verdict, in the order given. Labels are in the article's language (en or nl, else
 * English); URLs are absolute, on `origin`: the claim's place on the public page when the document is published,
 * else the document in Margin. `dateModified` is there only when the verdict was corrected after its first
 * publication.
 */
export function buildClaimReviews(source: ClaimReviewSource): ClaimReview[] {
  const { document, team, publicSlug, scale, origin } = source;
  const translate = getTranslate(getLabelLocale(document.lang));
  const articleDate = toArticleDate(document.publishedOn);
  const articleUrl = new URL(articlePagePath({ documentId: document.id, publicSlug }), origin).href;
  const author = { "@type": "Organization", name: team.name, url: new URL("/", origin).href } as const;

  return source.verdicts.map((verdict) => {
    const rating = findRating(scale, verdict.rating);
    const reviewRating: ClaimReviewRating = { "@type": "Rating", alternateName: getRatingLabel(verdict.rating, rating, translate) };
    if (rating?.value != null) {
      reviewRating.ratingValue = rating.value;
      reviewRating.bestRating = scale.bestRating;
      reviewRating.worstRating = scale.worstRating;
    }
    const isCorrected = verdict.lastPublishedAt.getTime() > verdict.firstPublishedAt.getTime();
    return {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: new URL(claimLinkPath({ documentId: document.id, claimId: verdict.claimId, publicSlug }), origin).href,
      claimReviewed: verdict.quote,
      reviewRating,
      itemReviewed: {
        "@type": "Claim",
        ...(articleDate ? { datePublished: articleDate } : {}),
        appearance: { "@type": "CreativeWork", url: articleUrl, headline: document.title, ...(articleDate ? { datePublished: articleDate } : {}) },
      },
      author,
      reviewBody: verdict.summary,
      datePublished: verdict.firstPublishedAt.toISOString(),
      ...(isCorrected ? { dateModified: verdict.lastPublishedAt.toISOString() } : {}),
    };
  });
}
