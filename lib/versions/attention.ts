import "server-only";

import { MAX_CLAIM_LENGTH, resolveSubmittedSelectors } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { unsafeRecordClaimHistory } from "@/lib/checks/history";
import { getClaimAbilities } from "@/lib/claims/policy";
import type { ClaimView } from "@/lib/claims/schema";
import { getClaimAccess, getClaimForActor } from "@/lib/claims/service";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getClaimEventAudience } from "@/lib/realtime/policy";
import type { ReattachClaimInput } from "@/lib/versions/schema";

/** "Needs attention" is for a claim's author (members) and the team's editors (moderators, owners). */
async function getReattachableClaim(actor: Actor, claimId: string) {
  const access = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(access.role, actor.userId, access.row).canReattach) {
    throw new AppError("forbidden", "errors.versions.cannotReattach");
  }
  return access;
}

/**
 * Points a claim at other text of the document's latest version: typically an orphan whose words were rewritten.
 * The selectors are verified against the text like a new claim's (tampered or stale ones are a 422); the claim
 * keeps its thread, tags, check and verdict, becomes `anchored`, and its history records where it was and where
 * it is now. One transaction with its anchor on the version and the live event; a version saved meanwhile is a 409.
 */
export async function reattachClaim(actor: Actor, claimId: string, input: ReattachClaimInput): Promise<ClaimView> {
  const { row, teamId } = await getReattachableClaim(actor, claimId);
  await getDb().$transaction(async (tx) => {
    // Share-locked, so a new version cannot slip in between the check and the write.
    const [document] = await tx.$queryRawUnsafe<{ text: string; version: number }[]>(
      `SELECT text, version FROM documents WHERE id = $1::uuid FOR SHARE`,
      row.documentId,
    );
    if (!document) throw new AppError("not_found", "errors.claims.notFound");
    const resolved = resolveSubmittedSelectors(document.text, input.target);
    if (!resolved.ok) {
      const message = { key: `errors.anchoring.${resolved.code}`, values: { maximum: MAX_CLAIM_LENGTH } } as const;
      throw new AppError("validation_failed", message, { code: resolved.code, fields: { target: message } });
    }
    const { quote, position } = resolved.selectors;
    await tx.claim.update({
      where: { id: claimId },
      data: {
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        positionStart: position.start,
        positionEnd: position.end,
        documentVersion: document.version,
        anchorState: "ANCHORED",
        originalQuote: null,
        attentionDismissedAt: null,
        updatedAt: new Date(),
      },
    });
    const anchor = { state: "ANCHORED" as const, quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: position.start, positionEnd: position.end };
    await tx.claimAnchor.upsert({
      where: { claimId_documentVersion: { claimId, documentVersion: document.version } },
      create: { claimId, documentVersion: document.version, ...anchor },
      update: anchor,
    });
    await unsafeRecordClaimHistory(tx, [
      { claimId, actorId: actor.userId, field: "anchor.reattached", from: { quote: row.quoteExact }, to: { quote: quote.exact, version: document.version } },
    ]);
    await unsafeAppendLiveEvent(tx, { teamId, documentId: row.documentId, type: "claim.updated", claimId, actorId: actor.userId, audience: getClaimEventAudience(row) });
  });
  return getClaimForActor(actor, claimId);
}

/**
 * Takes a changed or orphaned claim off "Needs attention" (it keeps its state, its quote and its place, and says
 * it was dismissed); a claim that needs no attention is a 409. Recorded in its history, live for every viewer.
 */
export async function dismissClaimAttention(actor: Actor, claimId: string): Promise<ClaimView> {
  const { row, teamId } = await getReattachableClaim(actor, claimId);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, anchorState: { not: "ANCHORED" }, attentionDismissedAt: null },
      data: { attentionDismissedAt: new Date(), updatedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "errors.versions.nothingToDismiss");
    await unsafeRecordClaimHistory(tx, [{ claimId, actorId: actor.userId, field: "anchor.dismissed", from: { quote: row.quoteExact }, to: null }]);
    await unsafeAppendLiveEvent(tx, { teamId, documentId: row.documentId, type: "claim.updated", claimId, actorId: actor.userId, audience: getClaimEventAudience(row) });
  });
  return getClaimForActor(actor, claimId);
}
