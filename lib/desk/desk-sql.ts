import "server-only";

import { claimVisibleSql, memberJoinSql } from "@/lib/access/rules";
import { canSeeHiddenClaim } from "@/lib/claims/policy";
import type { CheckStatusName } from "@/lib/claims/schema";
import type { DeskCursor } from "@/lib/desk/cursor";
import type { DeskOrder, DeskQuery } from "@/lib/desk/schema";
import { Role, type CheckStatus } from "@/lib/generated/prisma/enums";

/**
 * The desk's SQL, assembled per query from the fixed fragments below: only the filters a query uses appear in
 * it, so PostgreSQL plans each shape with the indexes that serve it (a filter written as `$n IS NULL OR …`
 * would hide them). Every value is a parameter; no user input is ever part of the text. The statements are sent
 * unnamed, so each is planned with its values: whether the search index or the team's date index is the better
 * start depends on how many claims the words match.
 *
 * Access (lib/access) is part of the statement: the membership join of the actor in the team (no row at all for
 * a non-member, so the caller answers 404) and `claimVisibleSql` for private claims. A hidden claim's content is
 * withheld from whoever may not see it (`canSeeHiddenClaim`, passed in as the roles that may): for them it has
 * no text, tags or verdict to match, as `toClaimView` shows it.
 */

/** Positional parameters, numbered as they are added. */
export class SqlParameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const statusByName = {
  open: "OPEN",
  checking: "CHECKING",
  checked: "CHECKED",
  not_checkable: "NOT_CHECKABLE",
} as const satisfies Record<CheckStatusName, CheckStatus>;

/** The roles that see a hidden claim's content, from the one rule in lib/claims/policy.ts. */
const rolesSeeingHiddenContent = Object.values(Role).filter(canSeeHiddenClaim);

type FilterSql = { teamId: string; userId: string; query: DeskQuery };

/**
 * The `FROM … JOIN memberships m` head shared by both statements: $1 is the team, $2 the actor; the membership
 * row `m` exists only for a member.
 */
function accessHead(parameters: SqlParameters, { teamId, userId }: Pick<FilterSql, "teamId" | "userId">): string {
  const team = parameters.add(teamId);
  const user = parameters.add(userId);
  return `FROM (SELECT ${team}::uuid AS id) AS team ${memberJoinSql("team.id", user)}`;
}

/** The conditions on claim `c` for a query (the parameters $1 team and $2 actor are already added). */
function filterConditions(parameters: SqlParameters, { query }: FilterSql): string[] {
  const actor = "$2::uuid";
  // Added once, and only when a condition needs it (an unused parameter has no type PostgreSQL could infer).
  let contentVisibleSql: string | undefined;
  const contentVisible = () =>
    (contentVisibleSql ??= `(c.hidden_at IS NULL OR m.role::text = ANY(${parameters.add(rolesSeeingHiddenContent)}::text[]))`);
  const conditions = ["c.team_id = team.id", claimVisibleSql("c", actor)];
  if (query.words.length > 0) {
    conditions.push(`c.search_vector @@ margin_search_query(${parameters.add(query.words)}::text[])`, contentVisible());
  }
  if (query.statuses.length > 0) {
    conditions.push(`c.status = ANY(${parameters.add(query.statuses.map((status) => statusByName[status]))}::"CheckStatus"[])`);
  }
  if (query.verdict === "none") {
    conditions.push(`(NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id) OR NOT ${contentVisible()})`);
  } else if (query.verdict !== null) {
    conditions.push(`EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.rating = ${parameters.add(query.verdict)})`, contentVisible());
  }
  if (query.tag !== null) {
    const tag = parameters.add(query.tag);
    // Tag names are unique in a team regardless of case (lib/tags); exact first, so non-ASCII names match too.
    conditions.push(
      `EXISTS (SELECT 1 FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.claim_id = c.id AND t.team_id = team.id AND (t.name = ${tag} OR lower(t.name) = lower(${tag})))`,
      contentVisible(),
    );
  }
  if (query.assignee === "none") conditions.push("c.assignee_id IS NULL");
  else if (query.assignee !== null) conditions.push(`c.assignee_id = ${query.assignee === "me" ? actor : `${parameters.add(query.assignee)}::uuid`}`);
  if (query.author !== null) conditions.push(`c.author_id = ${query.author === "me" ? actor : `${parameters.add(query.author)}::uuid`}`);
  if (query.documentId !== null) conditions.push(`c.document_id = ${parameters.add(query.documentId)}::uuid`);
  return [...new Set(conditions)];
}

/** ORDER BY for each order, on the claim `c` (and the selected `rank`). */
const orderBySql: Record<DeskOrder, string> = {
  age: "c.created_at DESC, c.id DESC",
  oldest: "c.created_at ASC, c.id ASC",
  due: "c.due_at ASC NULLS LAST, c.created_at DESC, c.id DESC",
  rank: "rank DESC, c.created_at DESC, c.id DESC",
};

/** The same orders on the page's rows (the lateral join above returns them in order; this says so). */
const pageOrderBySql: Record<DeskOrder, string> = {
  age: 'page."createdAt" DESC, page.id DESC',
  oldest: 'page."createdAt" ASC, page.id ASC',
  due: 'page."dueAt" ASC NULLS LAST, page."createdAt" DESC, page.id DESC',
  rank: 'page.rank DESC, page."createdAt" DESC, page.id DESC',
};

/** The condition "after the cursor's claim" in the order of the cursor. */
function afterCursorCondition(parameters: SqlParameters, cursor: DeskCursor, rankSql: string): string {
  const createdAt = parameters.add(cursor.createdAt);
  const id = parameters.add(cursor.id);
  const newer = `(c.created_at, c.id) < (${createdAt}::timestamptz, ${id}::uuid)`;
  switch (cursor.order) {
    case "age":
      return newer;
    case "oldest":
      return `(c.created_at, c.id) > (${createdAt}::timestamptz, ${id}::uuid)`;
    case "due": {
      if (cursor.dueAt === null) return `(c.due_at IS NULL AND ${newer})`;
      const dueAt = parameters.add(cursor.dueAt);
      return `(c.due_at > ${dueAt}::timestamptz OR c.due_at IS NULL OR (c.due_at = ${dueAt}::timestamptz AND ${newer}))`;
    }
    case "rank": {
      const rank = parameters.add(cursor.rank);
      return `(${rankSql} < ${rank}::real OR (${rankSql} = ${rank}::real AND ${newer}))`;
    }
  }
}

/**
 * One page of the desk: the actor's role (no row: not a member) and up to `limit` claims (as ClaimRecord's
 * columns, plus the document and the sort keys), or one row of NULLs when nothing matches. The page is chosen
 * by ids and sort keys first, then only its rows are joined to their authors, tags and comment counts. Names are
 * read by scalar subqueries rather than joins: fewer relations to join keep the planning (which every unnamed
 * statement pays) near half a millisecond.
 */
export function buildDeskPageSql(filter: FilterSql & { order: DeskOrder; cursor: DeskCursor | null; limit: number }): { text: string; values: unknown[] } {
  const parameters = new SqlParameters();
  const head = accessHead(parameters, filter);
  const conditions = filterConditions(parameters, filter);
  const rankSql =
    filter.order === "rank" ? `ts_rank(c.search_vector, margin_search_query(${parameters.add(filter.query.words)}::text[]))` : "NULL::real";
  if (filter.cursor) conditions.push(afterCursorCondition(parameters, filter.cursor, rankSql));
  const limit = parameters.add(filter.limit);
  const text = `SELECT m.role::text AS role, page.*
  ${head}
  LEFT JOIN LATERAL (
    SELECT c.id, c.document_id AS "documentId", c.visibility::text AS visibility, c.author_id AS "authorId",
           (SELECT name FROM users WHERE id = c.author_id) AS "authorName", c.quote_exact AS "quoteExact", c.quote_prefix AS "quotePrefix",
           c.quote_suffix AS "quoteSuffix", c.position_start AS "positionStart", c.position_end AS "positionEnd",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.hidden_at AS "hiddenAt",
           c.hidden_reason AS "hiddenReason", (SELECT name FROM users WHERE id = c.hidden_by_id) AS "hiddenByName", c.status::text AS status,
           c.assignee_id AS "assigneeId", (SELECT name FROM users WHERE id = c.assignee_id) AS "assigneeName", c.due_at AS "dueAt",
           c.thread_resolved_at AS "threadResolvedAt", c.anchor_state::text AS "anchorState", c.original_quote AS "originalQuote",
           c.attention_dismissed_at AS "attentionDismissedAt", v.rating AS "verdictRating",
           v.first_published_at AS "verdictFirstPublishedAt", v.last_published_at AS "verdictLastPublishedAt",
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color))
                     FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id), '[]'::json) AS tags,
           (SELECT count(*)::int FROM comments cm WHERE cm.claim_id = c.id AND cm.deleted_at IS NULL) AS "commentCount",
           d.title AS "documentTitle", d.lang AS "documentLang", matched.rank
    FROM (
      SELECT c.id, ${rankSql} AS rank
      FROM claims c
      WHERE ${conditions.join("\n        AND ")}
      ORDER BY ${orderBySql[filter.order]}
      LIMIT ${limit}
    ) AS matched
    JOIN claims c ON c.id = matched.id
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN verdicts v ON v.claim_id = c.id
  ) AS page ON true
  ORDER BY ${pageOrderBySql[filter.order]}`;
  return { text, values: parameters.values };
}

/** How many claims match, by status: the actor's role (no row: not a member), and a row per status present. */
export function buildDeskCountsSql(filter: FilterSql): { text: string; values: unknown[] } {
  const parameters = new SqlParameters();
  const head = accessHead(parameters, filter);
  const conditions = filterConditions(parameters, filter);
  const text = `SELECT m.role::text AS role, counts.status, counts.count
  ${head}
  LEFT JOIN LATERAL (
    SELECT c.status::text AS status, count(*)::int AS count
    FROM claims c
    WHERE ${conditions.join("\n      AND ")}
    GROUP BY c.status
  ) AS counts ON true`;
  return { text, values: parameters.values };
}
