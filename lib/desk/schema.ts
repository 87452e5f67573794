/**
 * The desk's query (`GET /api/teams/{id}/claims` and the page `/teams/{id}/desk`, which share it through the URL)
 * and what it answers. Pure; shared with the browser.
 */
import { z } from "zod";

import { checkStatuses, type CheckStatusName, type ClaimView } from "@/lib/claims/schema";
import { splitSearchWords } from "@/lib/desk/search";
import { idSchema, isId } from "@/lib/ids";
import { tagNameSchema } from "@/lib/tags/schema";
import { validationMessage } from "@/lib/validation/messages";

/** The orders a caller may ask for: due date (soonest first, none last, then newest), newest, oldest. */
export const deskSorts = ["due", "age", "oldest"] as const;
export type DeskSort = (typeof deskSorts)[number];
/** The order in effect: an explicit sort, else best match when searching, else newest first. */
export type DeskOrder = DeskSort | "rank";

export const deskPageSize = { default: 50, max: 100 } as const;

/** The query's parameters, by the names they have in the URL. */
export const deskParameterNames = ["q", "status", "verdict", "tag", "assignee", "author", "document", "sort", "limit", "after"] as const;
export type DeskParameterName = (typeof deskParameterNames)[number];

/** A parsed desk query: what `listDeskClaims` filters, orders and pages by. */
export type DeskQuery = {
  /** The search's words (lib/desk/search.ts); empty for no text search. */
  words: string[];
  /** Any of these statuses; empty for all. */
  statuses: CheckStatusName[];
  /** A rating key of the published verdict, "none" for claims without one, or null for all. */
  verdict: string | null;
  /** A tag's name (case-insensitive), or null. */
  tag: string | null;
  /** A member's id, "me", "none" (unassigned), or null. */
  assignee: string | null;
  /** A member's id, "me", or null. */
  author: string | null;
  documentId: string | null;
  /** The explicit sort, or null for the default (best match when searching, else newest first). */
  sort: DeskSort | null;
  limit: number;
  /** The previous page's `nextCursor`, or null for the first page. */
  after: string | null;
};

/** A claim on the desk: the claim as every claim endpoint returns it, with the document it is on. */
export type DeskClaimView = ClaimView & { document: { id: string; title: string; lang: string } };

/** One page of the desk. */
export type DeskPage = { items: DeskClaimView[]; nextCursor: string | null };

/** How many claims match a desk query, in all and by status (the board's columns). */
export type DeskCounts = { total: number; byStatus: Record<CheckStatusName, number> };

/** The order a query is answered in. */
export function getDeskOrder(query: Pick<DeskQuery, "sort" | "words">): DeskOrder {
  return query.sort ?? (query.words.length > 0 ? "rank" : "age");
}

const statusSchema = z.enum(checkStatuses, { error: validationMessage("validation.desk.status", { statuses: checkStatuses.join(", ") }) });

// The formats below admit only what a filter can be (letters, digits, `_`, `-` or a uuid), so no control
// character or lone surrogate can reach the database through them.
const verdictSchema = z.stringFormat("verdict_filter", /^[\p{L}\p{N}_-]{1,64}$/u, { error: validationMessage("validation.desk.verdict") });
const assigneeSchema = z.stringFormat("assignee_filter", (value) => value === "me" || value === "none" || isId(value), {
  error: validationMessage("validation.desk.assignee"),
});
const authorSchema = z.stringFormat("author_filter", (value) => value === "me" || isId(value), { error: validationMessage("validation.desk.author") });
const limitSchema = z
  .stringFormat("page_limit", /^\d{1,3}$/u, { error: validationMessage("validation.desk.limit", { maximum: deskPageSize.max }) })
  .transform(Number)
  .pipe(z.number().min(1, validationMessage("validation.desk.limit", { maximum: deskPageSize.max })).max(deskPageSize.max, validationMessage("validation.desk.limit", { maximum: deskPageSize.max })));
/** Cursors are base64url (lib/desk/cursor.ts checks what they hold). */
const cursorSchema = z.stringFormat("desk_cursor", /^[A-Za-z0-9_-]{1,512}$/u, { error: validationMessage("validation.desk.after") });

/** Every parameter but `q` (see `parseDeskQuery`), each given once, except `status`, which may repeat. */
const deskParametersSchema = z.object({
  status: z.array(statusSchema).default([]),
  verdict: verdictSchema.optional(),
  tag: tagNameSchema.optional(),
  assignee: assigneeSchema.optional(),
  author: authorSchema.optional(),
  document: idSchema.optional(),
  sort: z.enum(deskSorts, { error: validationMessage("validation.desk.sort", { sorts: deskSorts.join(", ") }) }).optional(),
  limit: limitSchema.optional(),
  after: cursorSchema.optional(),
});

/** Query parameters as a route handler (`URLSearchParams`) or a page (`searchParams`) receives them. */
export type DeskSearchParams = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function readValues(params: DeskSearchParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
}

/**
 * Parses the desk's query parameters. An empty value means "any" (a GET form sends every field), `status` may
 * be repeated or a comma list, unknown parameters are ignored (the page's `view`). Anything else malformed is a
 * ZodError whose issues name the parameter (a 422). Well-formed values that name nothing (a deleted tag, a
 * former member) simply match no claim.
 *
 * `q` is not validated as text: it never reaches the database as typed, only the words of letters and digits
 * `splitSearchWords` finds in it, so any text is a valid search (punctuation alone searches for nothing).
 */
export function parseDeskQuery(params: DeskSearchParams): DeskQuery {
  const input: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const name of deskParameterNames) {
    if (name === "q") continue;
    const values = readValues(params, name)
      .flatMap((value) => (name === "status" ? value.split(",") : [value]))
      .map((value) => value.trim())
      .filter((value) => value !== "");
    if (name === "status") input[name] = values;
    else if (values.length > 1) issues.push({ code: "custom", path: [name], message: validationMessage("validation.desk.once"), input: values });
    else if (values.length === 1) input[name] = values[0];
  }
  const parsed = deskParametersSchema.safeParse(input);
  // An issue names its parameter alone: "status", not "status.1".
  if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) })));
  if (issues.length > 0 || !parsed.success) throw new z.ZodError(issues);
  const { status, verdict, tag, assignee, author, document, sort, limit, after } = parsed.data;
  return {
    words: splitSearchWords(readValues(params, "q").join(" ")),
    statuses: [...new Set(status)],
    verdict: verdict ?? null,
    tag: tag ?? null,
    assignee: assignee ?? null,
    author: author ?? null,
    documentId: document ?? null,
    sort: sort ?? null,
    limit: limit ?? deskPageSize.default,
    after: after ?? null,
  };
}
