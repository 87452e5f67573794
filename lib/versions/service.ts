import "server-only";

import { getDocumentAccess, requireTeamAction } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getTeamEventAudience } from "@/lib/realtime/policy";
import { unsafeNotifyClaimsNeedAttention, unsafeRecordReanchoringHistory } from "@/lib/versions/attention-notices";
import { contentFromVersionInput, type VersionSource } from "@/lib/versions/content-input";
import { reanchorStoredClaims, type ClaimReanchoring, type StoredClaimAnchor } from "@/lib/versions/reanchor";
import type { CreatedVersion, ReanchorCounts } from "@/lib/versions/schema";

/** A re-anchoring of 10,000 claims writes for a while; the default 5 s would cut a large document short. */
const versionTransactionTimeoutMs = 60_000;

function countStates(results: readonly ClaimReanchoring[]): ReanchorCounts {
  const counts = { anchored: 0, changed: 0, orphaned: 0 };
  for (const result of results) {
    if (result.state === "ANCHORED") counts.anchored += 1;
    else if (result.state === "CHANGED") counts.changed += 1;
    else counts.orphaned += 1;
  }
  return counts;
}

/** Every claim of the document as it stands (locked with the document by the caller). */
async function readStoredClaims(tx: Prisma.TransactionClient, documentId: string): Promise<StoredClaimAnchor[]> {
  return tx.claim.findMany({
    where: { documentId },
    select: {
      id: true,
      authorId: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
      anchorState: true,
      originalQuote: true,
      attentionDismissedAt: true,
    },
  });
}

/**
 * Writes every claim's new place and state and its anchor on `version`, in two statements whatever the number of
 * claims (the rows travel as one JSON array). An orphan keeps its selectors and the version it was last found on.
 */
async function writeReanchoring(tx: Prisma.TransactionClient, version: number, results: readonly ClaimReanchoring[]): Promise<void> {
  if (results.length === 0) return;
  const rows = results.map((result) => ({
    id: result.id,
    state: result.state,
    placed: result.placed,
    exact: result.selectors.quote.exact,
    prefix: result.selectors.quote.prefix,
    suffix: result.selectors.quote.suffix,
    start: result.selectors.position.start,
    end: result.selectors.position.end,
    original: result.originalQuote,
    keep_dismissal: result.keepDismissal,
  }));
  const json = JSON.stringify(rows);
  await tx.$executeRawUnsafe(
    `UPDATE claims c SET
       anchor_state = r.state::"ClaimAnchorState",
       original_quote = r.original,
       attention_dismissed_at = CASE WHEN r.keep_dismissal THEN c.attention_dismissed_at ELSE NULL END,
       quote_exact = CASE WHEN r.placed THEN r.exact ELSE c.quote_exact END,
       quote_prefix = CASE WHEN r.placed THEN r.prefix ELSE c.quote_prefix END,
       quote_suffix = CASE WHEN r.placed THEN r.suffix ELSE c.quote_suffix END,
       position_start = CASE WHEN r.placed THEN r.start ELSE c.position_start END,
       position_end = CASE WHEN r.placed THEN r."end" ELSE c.position_end END,
       document_version = CASE WHEN r.placed THEN $2 ELSE c.document_version END
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, state text, placed boolean, exact text, prefix text, suffix text,
                                             start int, "end" int, original text, keep_dismissal boolean)
     WHERE c.id = r.id`,
    json,
    version,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO claim_anchors (claim_id, document_version, state, quote_exact, quote_prefix, quote_suffix, position_start, position_end)
     SELECT r.id, $2, r.state::"ClaimAnchorState", r.exact, r.prefix, r.suffix, r.start, r."end"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, state text, exact text, prefix text, suffix text, start int, "end" int)`,
    json,
    version,
  );
}

/**
 * Saves a new version of a document's text (owners and moderators; others 403, non-members 404) and moves every
 * claim with the text, in one transaction that also locks the document: the version row, the document's copy of
 * the latest text, each claim's new place and state (lib/versions/reanchor.ts) with its anchor on the version, a
 * history line for each claim that changed or lost its place, one notification per author of those claims, and
 * the live event. A `baseVersion` that is no longer the latest is a 409 (someone saved first), never an overwrite.
 */
export async function createVersion(actor: Actor, documentId: string, source: VersionSource): Promise<CreatedVersion> {
  const access = await getDocumentAccess(actor, documentId);
  await requireTeamAction(actor, access.teamId, "document.update", "errors.documents.cannotChange");
  const imported = await contentFromVersionInput(source);

  return getDb().$transaction(
    async (tx) => {
      const [document] = await tx.$queryRawUnsafe<{ version: number; title: string }[]>(
        `SELECT version, title FROM documents WHERE id = $1::uuid FOR UPDATE`,
        documentId,
      );
      if (!document) throw new AppError("not_found", "errors.documents.notFound");
      if (source.baseVersion !== undefined && source.baseVersion !== document.version) {
        throw new AppError("conflict", "errors.documents.versionChanged");
      }
      // Documents made before versions existed, or by hand, may lack the row of their current version.
      await tx.$executeRawUnsafe(
        `INSERT INTO document_versions (document_id, number, content, text, format, created_by_id, created_at)
         SELECT id, version, content, text, 'text', created_by_id, created_at FROM documents WHERE id = $1::uuid
         ON CONFLICT (document_id, number) DO NOTHING`,
        documentId,
      );
      const number = document.version + 1;
      const results = reanchorStoredClaims(imported.text, await readStoredClaims(tx, documentId));
      const counts = countStates(results);
      await tx.documentVersion.create({
        data: {
          documentId,
          number,
          content: imported.content,
          text: imported.text,
          format: imported.format,
          note: source.note || null,
          createdById: actor.userId,
          anchoredCount: counts.anchored,
          changedCount: counts.changed,
          orphanedCount: counts.orphaned,
        },
      });
      await tx.document.update({ where: { id: documentId }, data: { content: imported.content, text: imported.text, version: number } });
      await writeReanchoring(tx, number, results);
      await unsafeRecordReanchoringHistory(tx, actor, number, results);
      await unsafeNotifyClaimsNeedAttention(tx, actor, { id: documentId, teamId: access.teamId, title: document.title }, number, results);
      await unsafeAppendLiveEvent(tx, {
        teamId: access.teamId,
        documentId,
        type: "document.versioned",
        actorId: actor.userId,
        audience: getTeamEventAudience(),
      });
      return { number, ...counts };
    },
    { timeout: versionTransactionTimeoutMs, maxWait: 10_000 },
  );
}
