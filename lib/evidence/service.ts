import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import type { Actor } from "@/lib/auth/actor";
import { unsafeRecordClaimHistory, type ClaimHistoryField } from "@/lib/checks/history";
import { getClaimAbilities } from "@/lib/claims/policy";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { evidenceSelect, toDatabaseStance, toEvidenceHistoryValue, toEvidenceView, type EvidenceRow } from "@/lib/evidence/evidence-view";
import { canReadEvidence, getEvidenceAbilities } from "@/lib/evidence/policy";
import type { CreateEvidenceInput, EvidenceView, UpdateEvidenceInput } from "@/lib/evidence/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getCommentEventAudience } from "@/lib/realtime/policy";

const evidenceClaimSelect = {
  id: true,
  teamId: true,
  documentId: true,
  authorId: true,
  assigneeId: true,
  visibility: true,
  hiddenAt: true,
} satisfies Prisma.ClaimSelect;

type EvidenceClaim = Prisma.ClaimGetPayload<{ select: typeof evidenceClaimSelect }>;

/** The actor's role in the team of a claim they can read, and the claim's facts; or a 404. */
async function getClaimAccess(actor: Actor, claimId: string): Promise<{ role: Role; claim: EvidenceClaim }> {
  if (!isId(claimId)) throw notFound("errors.claims.notFound");
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: { ...evidenceClaimSelect, team: { select: actorMembershipSelect(actor) } },
  });
  const role = roleIn(claim?.team);
  if (!claim || !role) throw notFound("errors.claims.notFound");
  return { role, claim };
}

/** Evidence on a claim the actor can read, with their role and the claim; a 404 also while it is withheld from them. */
async function getEvidenceAccess(actor: Actor, evidenceId: string): Promise<{ row: EvidenceRow; role: Role; claim: EvidenceClaim }> {
  if (!isId(evidenceId)) throw notFound("errors.evidence.notFound");
  const evidence = await getDb().evidence.findFirst({
    where: { id: evidenceId, claim: readableClaimWhere(actor) },
    select: { ...evidenceSelect, claim: { select: { ...evidenceClaimSelect, team: { select: actorMembershipSelect(actor) } } } },
  });
  const role = roleIn(evidence?.claim.team);
  if (!evidence || !role || !canReadEvidence(role, evidence.claim)) throw notFound("errors.evidence.notFound");
  return { row: evidence, role, claim: evidence.claim };
}

/**
 * Locks the claim's row until the transaction ends, and throws a 409 if it was hidden meanwhile: a moderator's
 * hide (an UPDATE of the row) waits for this change to commit, so no evidence is added to or changed on a claim
 * that is hidden by then. `FOR NO KEY UPDATE`, the lock the search trigger's UPDATE of the same row takes
 * anyway (prisma/migrations/…_fact_check_desk): a weaker shared lock would let two writers each hold it and
 * then deadlock on that UPDATE.
 */
async function lockVisibleClaim(tx: Prisma.TransactionClient, claimId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM claims WHERE id = ${claimId}::uuid AND hidden_at IS NULL FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("conflict", "errors.evidence.claimHidden");
}

/**
 * The history line and the live event of a change to evidence, inside the change's transaction, so all three
 * commit or roll back together. The event reaches whoever may read the claim's evidence (its thread's audience).
 */
async function recordEvidenceChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: EvidenceClaim,
  change: { field: ClaimHistoryField; type: "evidence.created" | "evidence.updated" | "evidence.deleted"; from?: EvidenceRow; to?: EvidenceRow },
): Promise<void> {
  await unsafeRecordClaimHistory(tx, [
    {
      claimId: claim.id,
      actorId: actor.userId,
      field: change.field,
      from: change.from ? toEvidenceHistoryValue(change.from) : null,
      to: change.to ? toEvidenceHistoryValue(change.to) : null,
    },
  ]);
  await unsafeAppendLiveEvent(tx, {
    teamId: claim.teamId,
    documentId: claim.documentId,
    type: change.type,
    claimId: claim.id,
    actorId: actor.userId,
    audience: getCommentEventAudience(claim),
  });
}

/**
 * A claim's evidence, oldest first. While the claim is hidden, only those who may moderate it read its evidence;
 * for everyone else it is a 404, like its thread.
 */
export async function listEvidenceForClaim(actor: Actor, claimId: string): Promise<EvidenceView[]> {
  const { role, claim } = await getClaimAccess(actor, claimId);
  if (!canReadEvidence(role, claim)) throw notFound("errors.evidence.withheld");
  const rows = await getDb().evidence.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: evidenceSelect,
  });
  return rows.map((row) => toEvidenceView(row, role, actor.userId, claim));
}

/**
 * Adds evidence to a claim (the claim's `canAddEvidence`: members and up). Nobody adds evidence to a hidden claim
 * (409); a viewer may not (403). Records `evidence.added` in the claim's history and sends `evidence.created`.
 */
export async function createEvidence(actor: Actor, claimId: string, input: CreateEvidenceInput): Promise<EvidenceView> {
  const { role, claim } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, claim).canAddEvidence) {
    if (claim.hiddenAt) throw new AppError("conflict", "errors.evidence.claimHidden");
    throw new AppError("forbidden", "errors.evidence.cannotAdd");
  }
  const row = await getDb().$transaction(async (tx) => {
    await lockVisibleClaim(tx, claimId);
    // One clock for both, so that "edited" (updatedAt after createdAt) means an edit.
    const now = new Date();
    const created = await tx.evidence.create({
      data: {
        createdAt: now,
        updatedAt: now,
        claimId,
        authorId: actor.userId,
        url: input.url ?? null,
        title: input.title,
        quote: input.quote ?? null,
        note: input.note ?? null,
        stance: toDatabaseStance(input.stance),
      },
      select: evidenceSelect,
    });
    await recordEvidenceChange(tx, actor, claim, { field: "evidence.added", type: "evidence.created", to: created });
    return created;
  });
  return toEvidenceView(row, role, actor.userId, claim);
}

/**
 * Changes any of a piece of evidence's fields: its author, or an editor (moderators and owners). Others get 403;
 * evidence of a hidden claim is frozen (409). Records `evidence.updated` (title and stance before and after).
 */
export async function updateEvidence(actor: Actor, evidenceId: string, input: UpdateEvidenceInput): Promise<EvidenceView> {
  const { row, role, claim } = await getEvidenceAccess(actor, evidenceId);
  const abilities = getEvidenceAbilities(role, actor.userId, row, claim);
  if (!abilities.canEdit) {
    if (abilities.canDelete && claim.hiddenAt) throw new AppError("conflict", "errors.evidence.claimHidden");
    throw new AppError("forbidden", "errors.evidence.cannotEdit");
  }
  const updated = await getDb().$transaction(async (tx) => {
    await lockVisibleClaim(tx, claim.id);
    const edited = await tx.evidence.update({
      where: { id: evidenceId },
      data: {
        url: input.url,
        title: input.title,
        quote: input.quote,
        note: input.note,
        stance: input.stance && toDatabaseStance(input.stance),
      },
      select: evidenceSelect,
    });
    await recordEvidenceChange(tx, actor, claim, { field: "evidence.updated", type: "evidence.updated", from: row, to: edited });
    return edited;
  });
  return toEvidenceView(updated, role, actor.userId, claim);
}

/** Deletes a piece of evidence: its author, or an editor (403 for others). Records `evidence.deleted`. */
export async function deleteEvidence(actor: Actor, evidenceId: string): Promise<void> {
  const { row, role, claim } = await getEvidenceAccess(actor, evidenceId);
  if (!getEvidenceAbilities(role, actor.userId, row, claim).canDelete) {
    throw new AppError("forbidden", "errors.evidence.cannotDelete");
  }
  await getDb().$transaction(async (tx) => {
    // Conditional: of two deletes at once, one records the deletion and the other finds nothing (404).
    const { count } = await tx.evidence.deleteMany({ where: { id: evidenceId } });
    if (count === 0) throw notFound("errors.evidence.notFound");
    await recordEvidenceChange(tx, actor, claim, { field: "evidence.deleted", type: "evidence.deleted", from: row });
  });
}
