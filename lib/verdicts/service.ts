import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import { assertRoleCan } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { unsafeRecordClaimHistory, type ClaimHistoryInput } from "@/lib/checks/history";
import { checkStatusNames } from "@/lib/claims/claim-view";
import { claimGoneError } from "@/lib/claims/deleted";
import { canSeeHiddenClaim } from "@/lib/claims/policy";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckStatus, Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getClaimEventAudience } from "@/lib/realtime/policy";
import { readRatingScale } from "@/lib/verdicts/rating-scale";
import { findRating } from "@/lib/verdicts/scale";
import type { ClaimVerdictView, ProposeVerdictInput } from "@/lib/verdicts/schema";
import { unsafeReadClaimVerdict } from "@/lib/verdicts/verdict-view";

const verdictClaimSelect = {
  id: true,
  teamId: true,
  documentId: true,
  authorId: true,
  visibility: true,
  hiddenAt: true,
} satisfies Prisma.ClaimSelect;

type VerdictClaim = Prisma.ClaimGetPayload<{ select: typeof verdictClaimSelect }>;
type VerdictAccess = { claim: VerdictClaim; role: Role };

const missingClaim = "errors.claims.notFound";

/**
 * A claim the actor can read (lib/access) and their role in its team. A claim that is not there is the 404 of
 * any missing id, except for a change to one the actor knew was deleted (`whenDeleted: "conflict"`): a 409.
 */
async function getVerdictAccess(actor: Actor, claimId: string, whenDeleted: "not_found" | "conflict"): Promise<VerdictAccess> {
  if (!isId(claimId)) throw notFound(missingClaim);
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: { ...verdictClaimSelect, team: { select: actorMembershipSelect(actor) } },
  });
  const role = roleIn(claim?.team);
  if (claim && role) return { claim, role };
  if (whenDeleted === "conflict") throw await claimGoneError(actor, claimId, { deleted: "errors.verdicts.claimDeleted", missing: missingClaim });
  throw notFound(missingClaim);
}

/**
 * The claim's row, locked for the rest of the transaction, so that hiding, deleting or another verdict change
 * waits for this one (and this one sees theirs). A claim hidden or deleted since it was read is a 409.
 */
async function lockClaimForVerdict(tx: Prisma.TransactionClient, claimId: string): Promise<{ status: CheckStatus }> {
  const rows = await tx.$queryRaw<{ status: CheckStatus; hidden: boolean }[]>`
    SELECT status::text AS status, hidden_at IS NOT NULL AS hidden FROM claims WHERE id = ${claimId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("conflict", "errors.verdicts.claimDeleted");
  if (row.hidden) throw new AppError("conflict", "errors.verdicts.claimHidden");
  return { status: row.status };
}

/** A verdict works on what the claim says: while a moderator keeps it hidden, it is frozen (409). */
function assertNotHidden(claim: VerdictClaim): void {
  if (claim.hiddenAt !== null) throw new AppError("conflict", "errors.verdicts.claimHidden");
}

/**
 * A claim's verdict: the proposal waiting for an editor, the published verdict and every publication. Any member
 * who can read the claim reads it; while the claim is hidden it is withheld with the claim's content, as its
 * thread is (404), except from moderators and owners.
 */
export async function getClaimVerdict(actor: Actor, claimId: string): Promise<ClaimVerdictView> {
  const { claim, role } = await getVerdictAccess(actor, claimId, "not_found");
  if (claim.hiddenAt !== null && !canSeeHiddenClaim(role)) throw notFound("errors.verdicts.withheld");
  return unsafeReadClaimVerdict(claim.id);
}

/**
 * Proposes a verdict for a claim (members, moderators and owners), replacing any proposal waiting: the rating
 * must be on the team's scale (422 naming `rating`). Records `verdict.proposed` in the claim's history (from
 * the proposal it replaced) and a live event, in one transaction. Viewers 403; a hidden claim, or a deleted one
 * the actor knew, 409.
 */
export async function proposeVerdict(actor: Actor, claimId: string, input: ProposeVerdictInput): Promise<ClaimVerdictView> {
  const { claim, role } = await getVerdictAccess(actor, claimId, "conflict");
  assertRoleCan(role, "verdict.propose", "errors.verdicts.cannotPropose");
  assertNotHidden(claim);
  const scale = await readRatingScale(claim.teamId);
  if (!findRating(scale, input.rating)) {
    throw new AppError("validation_failed", "errors.verdicts.unknownRating", { fields: { rating: "errors.verdicts.unknownRating" } });
  }
  await getDb().$transaction(async (tx) => {
    await lockClaimForVerdict(tx, claim.id);
    const previous = await tx.verdictProposal.findUnique({ where: { claimId: claim.id }, select: { rating: true, summary: true } });
    const proposal = { rating: input.rating, summary: input.summary, proposedById: actor.userId, proposedAt: new Date() };
    await tx.verdictProposal.upsert({ where: { claimId: claim.id }, create: { claimId: claim.id, ...proposal }, update: proposal });
    await unsafeRecordClaimHistory(tx, [
      { claimId: claim.id, actorId: actor.userId, field: "verdict.proposed", from: previous, to: { rating: input.rating, summary: input.summary } },
    ]);
    await appendVerdictEvent(tx, actor, claim, "verdict.proposed");
  });
  return unsafeReadClaimVerdict(claim.id);
}

/**
 * Publishes the proposed verdict (moderators and owners: the desk's editors). The published verdict is never
 * changed any other way: a later publication is a correction, and every publication is kept as a revision.
 * In one transaction: the proposal becomes the verdict (first published at the first publication, last
 * published now) and a revision, the proposal is deleted, the claim's status becomes `checked`, the history
 * records `verdict.published` (the first time) or `verdict.corrected` (from the verdict it replaces), and a
 * live event goes out. Members and viewers 403; no proposal, a hidden claim, or a deleted one the actor knew, 409.
 */
export async function publishVerdict(actor: Actor, claimId: string): Promise<ClaimVerdictView> {
  const { claim, role } = await getVerdictAccess(actor, claimId, "conflict");
  assertRoleCan(role, "verdict.publish", "errors.verdicts.cannotPublish");
  assertNotHidden(claim);
  await getDb().$transaction(async (tx) => {
    const { status } = await lockClaimForVerdict(tx, claim.id);
    // Taking the proposal and deleting it is one statement: of two editors publishing at once, one publishes
    // and the other finds nothing to publish (409), so a proposal is published once.
    const [proposal] = await tx.$queryRaw<{ rating: string; summary: string; proposedById: string | null }[]>`
      DELETE FROM verdict_proposals WHERE claim_id = ${claim.id}::uuid
      RETURNING rating, summary, proposed_by_id AS "proposedById"`;
    if (!proposal) throw new AppError("conflict", "errors.verdicts.noProposal");
    const previous = await tx.verdict.findUnique({ where: { claimId: claim.id }, select: { rating: true, summary: true } });
    const now = new Date();
    const published = { rating: proposal.rating, summary: proposal.summary };
    await tx.verdict.upsert({
      where: { claimId: claim.id },
      create: { claimId: claim.id, ...published, firstPublishedAt: now, lastPublishedAt: now },
      update: { ...published, lastPublishedAt: now },
    });
    await tx.verdictRevision.create({
      data: { claimId: claim.id, ...published, proposedById: proposal.proposedById, publishedById: actor.userId, publishedAt: now },
    });
    const history: ClaimHistoryInput[] = [];
    if (status !== "CHECKED") {
      await tx.claim.update({ where: { id: claim.id }, data: { status: "CHECKED" } });
      history.push({ claimId: claim.id, actorId: actor.userId, field: "status", from: checkStatusNames[status], to: checkStatusNames.CHECKED });
    }
    history.push(
      previous
        ? { claimId: claim.id, actorId: actor.userId, field: "verdict.corrected", from: previous, to: published }
        : { claimId: claim.id, actorId: actor.userId, field: "verdict.published", to: published },
    );
    await unsafeRecordClaimHistory(tx, history);
    await appendVerdictEvent(tx, actor, claim, "verdict.published");
  });
  return unsafeReadClaimVerdict(claim.id);
}

/** The live event of a verdict change: it reaches whoever can read the claim (lib/realtime). Last in the transaction. */
function appendVerdictEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: VerdictClaim,
  type: "verdict.proposed" | "verdict.published",
): Promise<number> {
  return unsafeAppendLiveEvent(tx, {
    teamId: claim.teamId,
    documentId: claim.documentId,
    type,
    claimId: claim.id,
    actorId: actor.userId,
    audience: getClaimEventAudience(claim),
  });
}
