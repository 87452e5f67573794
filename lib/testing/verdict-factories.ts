/**
 * Factories for the fact-check desk's published side: verdicts and evidence, written straight to the database
 * (`unsafe`: no service, no authorisation), so tests of what is published (ClaimReview, public pages) need not go
 * through proposing and publishing.
 */
import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import { getTestDb } from "@/lib/testing/factories";

export type PublishedVerdictInput = {
  rating?: string;
  summary?: string;
  firstPublishedAt?: Date;
  /** Later than `firstPublishedAt` for a corrected verdict. */
  lastPublishedAt?: Date;
  publishedById?: string | null;
};

/**
 * Gives `claimId` a published verdict (the Verdict and its VerdictRevision rows) and sets the claim's status to
 * checked, as publishing does. A corrected verdict (`lastPublishedAt` later) gets two revisions.
 */
export async function unsafeCreatePublishedVerdict(claimId: string, input: PublishedVerdictInput = {}): Promise<void> {
  const rating = input.rating ?? "mostly_false";
  const summary = input.summary ?? "De cijfers in het artikel kloppen niet met de bronnen.";
  const firstPublishedAt = input.firstPublishedAt ?? new Date();
  const lastPublishedAt = input.lastPublishedAt ?? firstPublishedAt;
  const publishedById = input.publishedById ?? null;
  const db = getTestDb();
  await db.$transaction([
    db.verdict.create({ data: { claimId, rating, summary, firstPublishedAt, lastPublishedAt } }),
    db.verdictRevision.create({ data: { claimId, rating, summary, publishedById, publishedAt: firstPublishedAt } }),
    ...(lastPublishedAt.getTime() > firstPublishedAt.getTime()
      ? [db.verdictRevision.create({ data: { claimId, rating, summary, publishedById, publishedAt: lastPublishedAt } })]
      : []),
    db.claim.update({ where: { id: claimId }, data: { status: "CHECKED" } }),
  ]);
}

export type EvidenceInput = {
  title: string;
  url?: string | null;
  quote?: string | null;
  note?: string | null;
  stance?: EvidenceStance;
  authorId?: string | null;
};

/** Adds a piece of evidence to `claimId`; returns its id. */
export async function unsafeCreateEvidence(claimId: string, input: EvidenceInput): Promise<string> {
  const evidence = await getTestDb().evidence.create({
    data: {
      claimId,
      title: input.title,
      url: input.url ?? null,
      quote: input.quote ?? null,
      note: input.note ?? null,
      stance: input.stance ?? "REFUTES",
      authorId: input.authorId ?? null,
    },
    select: { id: true },
  });
  return evidence.id;
}
