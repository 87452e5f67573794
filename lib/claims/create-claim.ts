import "server-only";

import { memberJoinSql } from "@/lib/access/rules";
import { assertRoleCan } from "@/lib/access/team-access";
import { MAX_CLAIM_LENGTH, resolveSubmittedSelectors } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { toClaimView } from "@/lib/claims/claim-view";
import { resolveTags, toDatabaseVisibility } from "@/lib/claims/claim-tags";
import type { ClaimView, CreateClaimInput } from "@/lib/claims/schema";
import { getPool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { liveEventCtes, notifyAppendedLiveEventSql } from "@/lib/realtime/event-log";
import { getClaimEventAudience } from "@/lib/realtime/policy";
import type { TagView } from "@/lib/tags/schema";

/**
 * Document texts by id, with their version: a claim's selectors are checked against the text, and fetching
 * 6 KB per claim would dominate the query. `Document.version` increments whenever the content changes, so a
 * stale entry is never used: the query returns the text again when the stored version differs.
 */
const documentTextCache = new Map<string, { version: number; text: string }>();
const documentTextCacheMax = 500;

function rememberDocumentText(documentId: string, version: number, text: string): void {
  documentTextCache.delete(documentId);
  if (documentTextCache.size >= documentTextCacheMax) {
    const oldest = documentTextCache.keys().next().value;
    if (oldest !== undefined) documentTextCache.delete(oldest);
  }
  documentTextCache.set(documentId, { version, text });
}

type CreateClaimAccessRow = { teamId: string; version: number; role: Role; text: string | null; tags: TagView[] };

/**
 * The document (its text only when the cached copy is stale), the actor's role in its team (lib/access's
 * membership join: no row for a non-member) and the team's tags, in one statement. $1 document, $2 user,
 * $3 the cached text's version.
 */
const createClaimAccessSql = `SELECT d.team_id AS "teamId", d.version, m.role::text AS role,
    CASE WHEN d.version = $3 THEN NULL ELSE d.text END AS text,
    COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color))
              FROM tags t WHERE t.team_id = d.team_id), '[]'::json) AS tags
  FROM documents d ${memberJoinSql("d.team_id", "$2")}
  WHERE d.id = $1`;

/**
 * Claim, its anchor on the version, tag links and the live event (with its NOTIFY) in one statement, built once:
 * $1 document, $2 team, $3 author, $4 visibility, $5–$7 quote, $8–$9 position, $10 document version, $11 tag ids,
 * $12–$13 the live event's audience. Nothing is written unless the document is still at version $10: the share
 * lock waits for a new version being saved (lib/versions locks the row), and the claim is then refused rather
 * than stored with selectors of a text that is no longer the latest.
 */
const createClaimInsertSql = `WITH current_version AS (
    SELECT id FROM documents WHERE id = $1 AND version = $10 FOR SHARE
  ), inserted AS (
    INSERT INTO claims (document_id, team_id, author_id, visibility, quote_exact, quote_prefix, quote_suffix,
                        position_start, position_end, document_version)
    SELECT $1, $2, $3, $4::"ClaimVisibility", $5, $6, $7, $8, $9, $10 FROM current_version
    RETURNING id, created_at, updated_at
  ), anchored AS (
    INSERT INTO claim_anchors (claim_id, document_version, state, quote_exact, quote_prefix, quote_suffix, position_start, position_end)
    SELECT inserted.id, $10, 'ANCHORED', $5, $6, $7, $8, $9 FROM inserted
  ), tagged AS (
    INSERT INTO claim_tags (claim_id, tag_id)
    SELECT inserted.id, tag_id FROM inserted, unnest($11::uuid[]) AS tag_id
  ), ${liveEventCtes({
    onlyIf: "inserted",
    teamId: "$2::uuid",
    documentId: "$1::uuid",
    type: "'claim.created'",
    claimId: "(SELECT id FROM inserted)",
    commentId: "NULL",
    tagId: "NULL",
    actorId: "$3::uuid",
    audience: '$12::"LiveAudience"',
    audienceUserId: "$13::uuid",
  })}, notified AS (${notifyAppendedLiveEventSql})
  SELECT id, created_at AS "createdAt", updated_at AS "updatedAt" FROM inserted, notified`;

/**
 * Creates a claim on a document, with its tags. Checks membership and role, verifies the submitted W3C
 * selectors against the document text (tampered or stale selectors are rejected, never stored), and stores
 * canonical selectors recomputed on the server. Two SQL statements: one read (document, role and team tags
 * together) and one write (claim, its tags and the live event in a single atomic statement); with the session
 * check, three per request. They run on the pool, not through Prisma: this is the hot path (docs/benchmarks.md).
 */
export async function createClaim(actor: Actor, documentId: string, input: CreateClaimInput): Promise<ClaimView> {
  if (!isId(documentId)) throw notFound("errors.documents.notFound");
  const pool = getPool();
  const cachedText = documentTextCache.get(documentId);
  const {
    rows: [row],
  } = await pool.query<CreateClaimAccessRow>({
    name: "create-claim-access",
    text: createClaimAccessSql,
    values: [documentId, actor.userId, cachedText?.version ?? -1],
  });
  if (!row) throw notFound("errors.documents.notFound");
  const text = row.text ?? cachedText!.text;
  if (row.text !== null) rememberDocumentText(documentId, row.version, row.text);
  assertRoleCan(row.role, "claim.create", "errors.claims.cannotCreate");
  const resolved = resolveSubmittedSelectors(text, input.target);
  if (!resolved.ok) {
    const message = { key: `errors.anchoring.${resolved.code}`, values: { maximum: MAX_CLAIM_LENGTH } } as const;
    throw new AppError("validation_failed", message, { code: resolved.code, fields: { target: message } });
  }
  const tags = resolveTags(row.tags, input.tags);
  const { quote, position } = resolved.selectors;
  const visibility = toDatabaseVisibility(input.visibility);
  const liveAudience = getClaimEventAudience({ authorId: actor.userId, visibility });
  const {
    rows: [inserted],
  } = await pool.query<{ id: string; createdAt: Date; updatedAt: Date }>({
    name: "create-claim-insert",
    text: createClaimInsertSql,
    values: [
      documentId,
      row.teamId,
      actor.userId,
      visibility,
      quote.exact,
      quote.prefix,
      quote.suffix,
      position.start,
      position.end,
      row.version,
      tags.map((tag) => tag.id),
      liveAudience.audience,
      liveAudience.audienceUserId,
    ],
  });
  if (!inserted) {
    documentTextCache.delete(documentId);
    throw new AppError("conflict", "errors.documents.versionChanged");
  }
  const record = {
    id: inserted.id,
    documentId,
    visibility,
    authorId: actor.userId,
    author: { id: actor.userId, name: actor.name },
    quoteExact: quote.exact,
    quotePrefix: quote.prefix,
    quoteSuffix: quote.suffix,
    positionStart: position.start,
    positionEnd: position.end,
    createdAt: inserted.createdAt,
    updatedAt: inserted.updatedAt,
    hiddenAt: null,
    hiddenReason: null,
    hiddenBy: null,
    tags,
    commentCount: 0,
    status: "OPEN" as const,
    assigneeId: null,
    assignee: null,
    dueAt: null,
    threadResolvedAt: null,
    verdict: null,
    anchorState: "ANCHORED" as const,
    originalQuote: null,
    attentionDismissedAt: null,
  };
  return toClaimView(record, row.role, actor.userId);
}
