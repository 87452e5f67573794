import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { checkStatusNames, toClaimView, type ClaimRecord } from "@/lib/claims/claim-view";
import { checkStatuses, type CheckStatusName } from "@/lib/claims/schema";
import { decodeDeskCursor, encodeDeskCursor } from "@/lib/desk/cursor";
import { buildDeskCountsSql, buildDeskPageSql } from "@/lib/desk/desk-sql";
import { getDeskOrder, type DeskClaimView, type DeskCounts, type DeskPage, type DeskQuery } from "@/lib/desk/schema";
import { getPool } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { CheckStatus, ClaimAnchorState, ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import type { TagView } from "@/lib/tags/schema";

/** A row of the desk's page statement (lib/desk/desk-sql.ts): the role, and a claim's columns or NULLs. */
type DeskRow = { role: Role } & (
  | { id: null }
  | {
      id: string;
      documentId: string;
      visibility: ClaimVisibility;
      authorId: string;
      authorName: string;
      quoteExact: string;
      quotePrefix: string;
      quoteSuffix: string;
      positionStart: number;
      positionEnd: number;
      createdAt: Date;
      updatedAt: Date;
      hiddenAt: Date | null;
      hiddenReason: string | null;
      hiddenByName: string | null;
      status: CheckStatus;
      assigneeId: string | null;
      assigneeName: string | null;
      dueAt: Date | null;
      threadResolvedAt: Date | null;
      anchorState: ClaimAnchorState;
      originalQuote: string | null;
      attentionDismissedAt: Date | null;
      verdictRating: string | null;
      verdictFirstPublishedAt: Date | null;
      verdictLastPublishedAt: Date | null;
      tags: TagView[];
      commentCount: number;
      documentTitle: string;
      documentLang: string;
      rank: number | null;
    }
);

type DeskClaimRow = Extract<DeskRow, { id: string }>;

function toClaimRecord(row: DeskClaimRow): ClaimRecord {
  return {
    id: row.id,
    documentId: row.documentId,
    visibility: row.visibility,
    authorId: row.authorId,
    author: { id: row.authorId, name: row.authorName },
    quoteExact: row.quoteExact,
    quotePrefix: row.quotePrefix,
    quoteSuffix: row.quoteSuffix,
    positionStart: row.positionStart,
    positionEnd: row.positionEnd,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    hiddenAt: row.hiddenAt,
    hiddenReason: row.hiddenReason,
    hiddenBy: row.hiddenByName === null ? null : { name: row.hiddenByName },
    tags: row.tags,
    commentCount: row.commentCount,
    status: row.status,
    assigneeId: row.assigneeId,
    assignee: row.assigneeId === null || row.assigneeName === null ? null : { id: row.assigneeId, name: row.assigneeName },
    dueAt: row.dueAt,
    threadResolvedAt: row.threadResolvedAt,
    anchorState: row.anchorState,
    originalQuote: row.originalQuote,
    attentionDismissedAt: row.attentionDismissedAt,
    verdict:
      row.verdictRating === null || row.verdictFirstPublishedAt === null || row.verdictLastPublishedAt === null
        ? null
        : { rating: row.verdictRating, firstPublishedAt: row.verdictFirstPublishedAt, lastPublishedAt: row.verdictLastPublishedAt },
  };
}

/**
 * The desk: every claim of the team's documents the actor may read, filtered, searched and ordered as `query`
 * says, a page at a time (pass `nextCursor` back as `after`). Non-members get the same 404 as a missing team;
 * others' private claims never appear; a hidden claim appears as `toClaimView` shows it to the actor, and, for
 * those who may not see its content, is never found by its text, tags or verdict. One statement (with the
 * session check, two per request), on the pool: lib/desk/desk-sql.ts. A cursor made for another order is a 422
 * naming `after`.
 */
export async function listDeskClaims(actor: Actor, teamId: string, query: DeskQuery): Promise<DeskPage> {
  if (!isId(teamId)) throw notFound("errors.teams.notFound");
  const order = getDeskOrder(query);
  const cursor = query.after === null ? null : decodeDeskCursor(query.after, order);
  // One more than the page, to know whether another follows.
  const statement = buildDeskPageSql({ teamId, userId: actor.userId, query, order, cursor, limit: query.limit + 1 });
  const { rows } = await getPool().query<DeskRow>(statement);
  const role = rows[0]?.role;
  if (!role) throw notFound("errors.teams.notFound");
  const claims = rows.filter((row): row is DeskClaimRow => row.id !== null);
  const page = claims.slice(0, query.limit);
  const last = page.at(-1);
  const hasMore = claims.length > query.limit && last !== undefined;
  const items = page.map(
    (row): DeskClaimView => ({
      ...toClaimView(toClaimRecord(row), role, actor.userId),
      document: { id: row.documentId, title: row.documentTitle, lang: row.documentLang },
    }),
  );
  if (!hasMore) return { items, nextCursor: null };
  const common = { createdAt: last.createdAt, id: last.id };
  const nextCursor = encodeDeskCursor(
    order === "due"
      ? { order, dueAt: last.dueAt, ...common }
      : order === "rank"
        ? { order, rank: last.rank ?? 0, ...common }
        : { order, ...common },
  );
  return { items, nextCursor };
}

/**
 * How many claims match `query` (its filters and search; not its sort, page or cursor), in all and by status,
 * under the same rules as `listDeskClaims`. Non-members get a 404.
 */
export async function countDeskClaims(actor: Actor, teamId: string, query: DeskQuery): Promise<DeskCounts> {
  if (!isId(teamId)) throw notFound("errors.teams.notFound");
  const { rows } = await getPool().query<{ role: Role; status: CheckStatus | null; count: number | null }>(
    buildDeskCountsSql({ teamId, userId: actor.userId, query }),
  );
  if (!rows[0]?.role) throw notFound("errors.teams.notFound");
  const byStatus = Object.fromEntries(checkStatuses.map((status) => [status, 0])) as Record<CheckStatusName, number>;
  for (const row of rows) if (row.status !== null) byStatus[checkStatusNames[row.status]] = row.count ?? 0;
  return { total: Object.values(byStatus).reduce((sum, count) => sum + count, 0), byStatus };
}
