import "server-only";

import { resolveSubmittedSelectors } from "@/lib/anchoring";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { canReadClaim, canSeeHiddenClaim, getClaimAbilities } from "@/lib/claims/policy";
import type { ClaimView, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schema";
import { getDb, getPool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { liveEventCtes, notifyAppendedLiveEventSql, unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getClaimChangeAudience, getClaimEventAudience } from "@/lib/realtime/policy";
import { describeHidden, isWithheld } from "@/lib/moderation/policy";
import type { HideInput } from "@/lib/moderation/schema";
import { toExcerpt } from "@/lib/notifications/schema";
import { unsafeNotify } from "@/lib/notifications/service";
import { tagNameKey, type TagView } from "@/lib/tags/schema";
import { roleCan } from "@/lib/teams/policy";

const claimSelect = {
  id: true,
  documentId: true,
  visibility: true,
  authorId: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
  createdAt: true,
  updatedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenBy: { select: { name: true } },
  author: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

function sortTags(tags: TagView[]): TagView[] {
  return [...tags].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The claim as `actorUserId` (with `role` in its team) may see it. A hidden claim's quote, selectors and tags
 * are withheld here, on the server, from everyone who may not moderate it: the placeholder is all they receive.
 */
function toClaimView(row: ClaimRow, role: Role, actorUserId: string): ClaimView {
  const reader = { userId: actorUserId, canModerate: canSeeHiddenClaim(role) };
  const isContentWithheld = isWithheld(row, reader);
  return {
    id: row.id,
    documentId: row.documentId,
    visibility: row.visibility === "PRIVATE" ? "private" : "team",
    author: row.author,
    target: isContentWithheld
      ? null
      : {
          source: row.documentId,
          selector: [
            { type: "TextQuoteSelector", exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
            { type: "TextPositionSelector", start: row.positionStart, end: row.positionEnd },
          ],
        },
    tags: isContentWithheld ? [] : sortTags(row.tags.map(({ tag }) => tag)),
    commentCount: row._count.comments,
    hidden: describeHidden(row, reader),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: getClaimAbilities(role, actorUserId, row),
  };
}

/** Prisma filter: claims the actor can read (member of the claim's team; team-visible or their own). */
function readableClaimsWhere(actor: Actor): Prisma.ClaimWhereInput {
  return {
    team: { memberships: { some: { userId: actor.userId } } },
    OR: [{ visibility: "TEAM" }, { authorId: actor.userId }],
  };
}

async function getRoleInDocumentTeam(actor: Actor, documentId: string): Promise<{ teamId: string; role: Role }> {
  if (!isId(documentId)) throw notFound("Document not found");
  const document = await getDb().document.findFirst({
    where: { id: documentId },
    select: { teamId: true, team: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } } },
  });
  const role = document?.team.memberships[0]?.role;
  if (!document || !role) throw notFound("Document not found");
  return { teamId: document.teamId, role };
}

/** The claims on a document the actor can read, in document order (start, then end, then age). */
export async function listClaimsForDocument(actor: Actor, documentId: string): Promise<ClaimView[]> {
  const { role } = await getRoleInDocumentTeam(actor, documentId);
  const rows = await getDb().claim.findMany({
    where: { documentId, ...readableClaimsWhere(actor) },
    orderBy: [{ positionStart: "asc" }, { positionEnd: "asc" }, { createdAt: "asc" }],
    select: claimSelect,
  });
  return rows.map((row) => toClaimView(row, role, actor.userId));
}

type ClaimAccess = { row: ClaimRow; role: Role; teamId: string; documentTitle: string };

async function getClaimAccess(actor: Actor, claimId: string): Promise<ClaimAccess> {
  if (!isId(claimId)) throw notFound("Claim not found");
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimsWhere(actor) },
    select: {
      ...claimSelect,
      teamId: true,
      document: { select: { title: true } },
      team: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  const role = claim?.team.memberships[0]?.role;
  if (!claim || !role || !canReadClaim(actor.userId, claim)) throw notFound("Claim not found");
  return { row: claim, role, teamId: claim.teamId, documentTitle: claim.document.title };
}

/** One claim the actor can read; otherwise the same 404 as a missing id. */
export async function getClaimForActor(actor: Actor, claimId: string): Promise<ClaimView> {
  const { row, role } = await getClaimAccess(actor, claimId);
  return toClaimView(row, role, actor.userId);
}

type DocumentAccessRow = { teamId: string; text: string; version: number; role: Role; tags: TagView[] };

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

function toDatabaseVisibility(visibility: "team" | "private"): ClaimVisibility {
  return visibility === "private" ? "PRIVATE" : "TEAM";
}

function resolveTagIds(teamTags: TagView[], names: string[]): TagView[] {
  const byName = new Map(teamTags.map((tag) => [tagNameKey(tag.name), tag]));
  const unknown = names.filter((name) => !byName.has(tagNameKey(name)));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `Unknown tag${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, {
      fields: { tags: `Not a tag of this team: ${unknown.join(", ")}` },
    });
  }
  return [...new Map(names.map((name) => [tagNameKey(name), byName.get(tagNameKey(name))!])).values()];
}

/**
 * Claim, tag links and the live event (with its NOTIFY) in one statement, built once: $1 document, $2 team,
 * $3 author, $4 visibility, $5–$7 quote, $8–$9 position, $10 document version, $11 tag ids, $12–$13 the live
 * event's audience.
 */
const createClaimInsertSql = `WITH inserted AS (
    INSERT INTO claims (document_id, team_id, author_id, visibility, quote_exact, quote_prefix, quote_suffix,
                        position_start, position_end, document_version)
    VALUES ($1, $2, $3, $4::"ClaimVisibility", $5, $6, $7, $8, $9, $10)
    RETURNING id, created_at, updated_at
  ), tagged AS (
    INSERT INTO claim_tags (claim_id, tag_id)
    SELECT inserted.id, tag_id FROM inserted, unnest($11::uuid[]) AS tag_id
  ), ${liveEventCtes({
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
 * Creates a claim on a document. Checks membership and role, verifies the submitted W3C selectors against the
 * document text (tampered or stale selectors are rejected, never stored), and stores canonical selectors
 * recomputed on the server. Two SQL statements: one read (document, role and team tags together) and one
 * write (claim and its tags in a single atomic statement); with the session check, three per request.
 */
export async function createClaim(actor: Actor, documentId: string, input: CreateClaimInput): Promise<ClaimView> {
  if (!isId(documentId)) throw notFound("Document not found");
  // The hot path: prepared statements on the pool (lib/db.ts), not Prisma queries; see docs/benchmarks.md.
  const pool = getPool();
  const cachedText = documentTextCache.get(documentId);
  const {
    rows: [row],
  } = await pool.query<DocumentAccessRow & { text: string | null }>({
    name: "create-claim-access",
    text: `SELECT d.team_id AS "teamId", d.version, m.role::text AS role,
             CASE WHEN d.version = $3 THEN NULL ELSE d.text END AS text,
             COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color))
                       FROM tags t WHERE t.team_id = d.team_id), '[]'::json) AS tags
           FROM documents d
           JOIN memberships m ON m.team_id = d.team_id AND m.user_id = $2
           WHERE d.id = $1`,
    values: [documentId, actor.userId, cachedText?.version ?? -1],
  });
  if (!row) throw notFound("Document not found");
  const access: DocumentAccessRow = { ...row, text: row.text ?? cachedText!.text };
  if (row.text !== null) rememberDocumentText(documentId, row.version, row.text);
  if (!roleCan(access.role, "claim.create")) {
    throw new AppError("forbidden", "Your role in this team cannot create claims");
  }
  const resolved = resolveSubmittedSelectors(access.text, input.target);
  if (!resolved.ok) {
    throw new AppError("validation_failed", resolved.message, { code: resolved.code, fields: { target: resolved.message } });
  }
  const tags = resolveTagIds(access.tags, input.tags);
  const { quote, position } = resolved.selectors;
  const visibility = toDatabaseVisibility(input.visibility);
  const liveAudience = getClaimEventAudience({ authorId: actor.userId, visibility });
  // Claim, tag links and the live event (with its NOTIFY) in one statement: atomic without a transaction, one
  // round trip.
  const {
    rows: [inserted],
  } = await pool.query<{ id: string; createdAt: Date; updatedAt: Date }>({
    name: "create-claim-insert",
    text: createClaimInsertSql,
    values: [
      documentId,
      access.teamId,
      actor.userId,
      visibility,
      quote.exact,
      quote.prefix,
      quote.suffix,
      position.start,
      position.end,
      access.version,
      tags.map((tag) => tag.id),
      liveAudience.audience,
      liveAudience.audienceUserId,
    ],
  });
  if (!inserted) throw new Error("Claim insert returned no row");
  const facts = { authorId: actor.userId, visibility, hiddenAt: null };
  return {
    id: inserted.id,
    documentId,
    visibility: input.visibility,
    author: { id: actor.userId, name: actor.name },
    target: {
      source: documentId,
      selector: [
        { type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: "TextPositionSelector", start: position.start, end: position.end },
      ],
    },
    tags: sortTags(tags),
    commentCount: 0,
    hidden: null,
    createdAt: inserted.createdAt.toISOString(),
    updatedAt: inserted.updatedAt.toISOString(),
    abilities: getClaimAbilities(access.role, actor.userId, facts),
  };
}

/** Changes a claim's tags and/or visibility. Only its author (with a role that may edit) can. */
export async function updateClaim(actor: Actor, claimId: string, input: UpdateClaimInput): Promise<ClaimView> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canEdit) {
    throw new AppError("forbidden", "Only the claim's author can change it");
  }
  const db = getDb();
  await db.$transaction(async (tx) => {
    if (input.tags !== undefined) {
      const teamTags = await tx.tag.findMany({ where: { teamId }, select: { id: true, name: true, color: true } });
      const tagIds = resolveTagIds(teamTags, input.tags).map((tag) => tag.id);
      await tx.claimTag.deleteMany({ where: { claimId, tagId: { notIn: tagIds } } });
      if (tagIds.length > 0) {
        await tx.claimTag.createMany({ data: tagIds.map((tagId) => ({ claimId, tagId })), skipDuplicates: true });
      }
    }
    const visibility = input.visibility ? toDatabaseVisibility(input.visibility) : row.visibility;
    await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date(), visibility } });
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.updated",
      claimId,
      actorId: actor.userId,
      audience: getClaimChangeAudience(row, { authorId: row.authorId, visibility }),
    });
  });
  return getClaimForActor(actor, claimId);
}

/**
 * Deletes a claim and its whole thread. Its author, or a moderator or owner, can; when it is not the author,
 * the audit log records it (with the author's name and the quote's opening) in the same transaction.
 */
export async function deleteClaim(actor: Actor, claimId: string): Promise<void> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canDelete) {
    throw new AppError("forbidden", "You cannot delete this claim");
  }
  await getDb().$transaction(async (tx) => {
    // Comments and tag links go with it (ON DELETE CASCADE), in the same statement.
    await tx.claim.delete({ where: { id: claimId } });
    if (row.authorId !== actor.userId) {
      await unsafeRecordAuditEvent(tx, {
        teamId,
        actorId: actor.userId,
        action: "claim.deleted_by_moderator",
        targetType: "claim",
        targetId: claimId,
        details: { authorName: row.author.name, documentId: row.documentId, excerpt: toExcerpt(row.quoteExact) },
      });
    }
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.deleted",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
}

/**
 * Hides a claim (moderators and owners): it keeps its place, but everyone else sees a placeholder instead of
 * its quote, tags and thread. One transaction sets the hidden columns, records `claim.hidden` in the audit log
 * and notifies the author (unless the moderator is the author), so all three happen or none does.
 * Non-members get 404; members 403; an already hidden claim 409.
 */
export async function hideClaim(actor: Actor, claimId: string, input: HideInput): Promise<ClaimView> {
  const { row, role, teamId, documentTitle } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canHide) {
    if (row.hiddenAt && canSeeHiddenClaim(role)) throw new AppError("conflict", "This claim is already hidden");
    throw new AppError("forbidden", "Only moderators and owners can hide claims");
  }
  await getDb().$transaction(async (tx) => {
    // Conditional on still being visible: of two moderators hiding at once, one wins and one gets a 409,
    // so the author is notified once.
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenById: actor.userId, hiddenReason: input.reason },
    });
    if (count === 0) throw new AppError("conflict", "This claim is already hidden");
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "claim.hidden",
      targetType: "claim",
      targetId: claimId,
      details: { authorName: row.author.name, reason: input.reason, documentId: row.documentId },
    });
    if (row.authorId !== actor.userId) {
      await unsafeNotify(tx, {
        userId: row.authorId,
        teamId,
        kind: "claim.hidden",
        payload: {
          moderatorName: actor.name,
          reason: input.reason,
          documentId: row.documentId,
          documentTitle,
          claimId,
          excerpt: toExcerpt(row.quoteExact),
        },
      });
    }
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.hidden",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
  return getClaimForActor(actor, claimId);
}

/**
 * Restores a hidden claim (moderators and owners), recording `claim.unhidden` (with the reason it had been
 * hidden for) in the same transaction. Non-members get 404; members 403; a claim that is not hidden 409.
 */
export async function unhideClaim(actor: Actor, claimId: string): Promise<ClaimView> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canUnhide) {
    if (!row.hiddenAt && canSeeHiddenClaim(role)) throw new AppError("conflict", "This claim is not hidden");
    throw new AppError("forbidden", "Only moderators and owners can unhide claims");
  }
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, hiddenAt: { not: null } },
      data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    if (count === 0) throw new AppError("conflict", "This claim is not hidden");
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "claim.unhidden",
      targetType: "claim",
      targetId: claimId,
      details: { authorName: row.author.name, reason: row.hiddenReason ?? "", documentId: row.documentId },
    });
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.unhidden",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
  return getClaimForActor(actor, claimId);
}
