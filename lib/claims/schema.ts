import { z } from "zod";

import type { HiddenView } from "@/lib/moderation/schema";
import { tagNamesSchema, type TagView } from "@/lib/tags/schema";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

const contextMax = 256;
/** Positions are stored in PostgreSQL `integer` columns; beyond this they could never be stored (nor be in a text). */
const positionMax = 2_147_483_647;

/**
 * A quote's length is not capped here: the anchoring library caps every claim once, whether given by its quote
 * or only by a position, in its unit (Unicode code points, as docs/api.md says) and with its error code
 * (`too_long`, lib/anchoring/verify.ts). The request body's size (lib/api/route.ts) bounds what arrives.
 */
export const textQuoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: userText({ label: "validation.labels.quote", multiline: true }).min(1, validationMessage("validation.claims.quoteEmpty")),
  prefix: userText({ label: "validation.labels.quotePrefix", multiline: true }).max(contextMax).optional(),
  suffix: userText({ label: "validation.labels.quoteSuffix", multiline: true }).max(contextMax).optional(),
});

export const textPositionSelectorSchema = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.int().min(0).max(positionMax),
  end: z.int().min(0).max(positionMax),
});

const selectorSchema = z.discriminatedUnion("type", [textQuoteSelectorSchema, textPositionSelectorSchema]);

/** A W3C Web Annotation target with one TextQuoteSelector and/or one TextPositionSelector. */
export const claimTargetSchema = z
  .object({
    source: userText({ label: "validation.labels.targetSource" }).max(2048).optional(),
    selector: z.array(selectorSchema).min(1, validationMessage("validation.claims.selectorRequired")).max(2),
  })
  .transform(({ selector }, context) => {
    const quotes = selector.filter((item) => item.type === "TextQuoteSelector");
    const positions = selector.filter((item) => item.type === "TextPositionSelector");
    if (quotes.length > 1 || positions.length > 1) {
      context.addIssue({ code: "custom", message: validationMessage("validation.claims.oneSelectorPerType"), path: ["selector"] });
      return z.NEVER;
    }
    return { quote: quotes[0], position: positions[0] };
  });

export const claimVisibilitySchema = z.enum(["team", "private"]);

/** Where a claim's fact-check stands (lib/checks): open → checking → checked, or not_checkable. */
export const checkStatuses = ["open", "checking", "checked", "not_checkable"] as const;
export const checkStatusSchema = z.enum(checkStatuses);
export type CheckStatusName = z.infer<typeof checkStatusSchema>;

/** `POST /api/documents/{id}/claims`. */
export const createClaimInputSchema = z.object({
  target: claimTargetSchema,
  tags: tagNamesSchema.default([]),
  visibility: claimVisibilitySchema.default("team"),
});

/** A check status as a request names it; anything else is a 422 naming the field. */
const requestedStatusSchema = z.enum(checkStatuses, {
  error: validationMessage("validation.checks.unknownStatus", { label: { key: "validation.labels.status" }, statuses: checkStatuses.join(", ") }),
});

/** Who should check a claim: a user's id (lib/checks/service.ts checks they are a member who may), null for nobody. */
const assigneeIdSchema = z.uuid({ error: validationMessage("validation.checks.assigneeNotMember", { label: { key: "validation.labels.assigneeId" } }) });

const dueAtMessage = validationMessage("validation.checks.dueAtInvalid", { label: { key: "validation.labels.dueAt" } });

/**
 * When a check is due: an ISO 8601 date (`2026-12-10`, that day at 00:00 UTC) or date and time with its offset
 * (`2026-12-10T17:00:00+01:00`), as a Date.
 */
export const dueAtSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: dueAtMessage })
  .transform((value) => new Date(value))
  // Years PostgreSQL or JavaScript could not store or read back the same way: a due date is of this era.
  .refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, dueAtMessage);

/**
 * `PATCH /api/claims/{id}`: its tags and visibility (its author), and its check: status, assignee and due date
 * (whoever may check it; `null` clears the assignee or due date). A request may mix both, and then needs both rights.
 */
export const updateClaimInputSchema = z
  .object({
    tags: tagNamesSchema.optional(),
    visibility: claimVisibilitySchema.optional(),
    status: requestedStatusSchema.optional(),
    assigneeId: assigneeIdSchema.nullable().optional(),
    dueAt: dueAtSchema.nullable().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), validationMessage("validation.nothingToUpdate"));

/** What a service receives for a new claim: the request, parsed (defaults filled in, selectors sorted out). */
export type CreateClaimInput = z.infer<typeof createClaimInputSchema>;
/** What a client sends to create a claim (the browser's API client is typed by this, not by a copy). */
export type CreateClaimRequest = z.input<typeof createClaimInputSchema>;
export type UpdateClaimInput = z.infer<typeof updateClaimInputSchema>;
/** What a client sends to change a claim. */
export type UpdateClaimRequest = z.input<typeof updateClaimInputSchema>;
export type ClaimVisibilityName = z.infer<typeof claimVisibilitySchema>;

/** What the acting user may do with a claim, so the UI shows only buttons that will work. */
export type ClaimAbilities = {
  canEdit: boolean;
  canDelete: boolean;
  canComment: boolean;
  /** Moderators and owners, on a claim that is not hidden. */
  canHide: boolean;
  /** Moderators and owners, on a hidden claim. */
  canUnhide: boolean;
  /** Change its check status, assignee and due date: its author or assignee (members), any (moderators, owners). */
  canCheck: boolean;
  /** Add evidence to it. */
  canAddEvidence: boolean;
  /** Propose a verdict (members and up). */
  canProposeVerdict: boolean;
  /** Publish the proposed verdict (moderators and owners: the desk's editors). */
  canPublishVerdict: boolean;
  /** Resolve or reopen its thread: its author or assignee (members), any (moderators, owners). */
  canResolveThread: boolean;
  /** Re-attach it to other text, or dismiss it from "Needs attention": its author (members), any (moderators, owners). */
  canReattach: boolean;
};

/** A claim's published verdict, in short (the rating's label and colour come from the team's scale). */
export type ClaimVerdictSummary = {
  /** A key of the team's rating scale, e.g. "mostly_false". */
  rating: string;
  /** When first published (ISO 8601). */
  publishedAt: string;
  /** When last corrected, or null when it was never changed after publication. */
  updatedAt: string | null;
};

export const claimAnchorStates = ["anchored", "changed", "orphaned"] as const;
export type ClaimAnchorStateName = (typeof claimAnchorStates)[number];

/** A claim's W3C Web Annotation target: the quote with its context, and its position in the document text. */
export type ClaimTarget = {
  source: string;
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    { type: "TextPositionSelector"; start: number; end: number },
  ];
};

/**
 * How a claim travels to clients (the UI and the JSON API): W3C-shaped target, ISO dates. A claim hidden by a
 * moderator keeps its place in lists, but for readers who may not moderate it the server withholds its content:
 * `target` is null and `tags` empty, and `hidden` says when (and, to its author, why).
 */
export type ClaimView = {
  id: string;
  documentId: string;
  visibility: ClaimVisibilityName;
  author: { id: string; name: string };
  /** Null when the claim is hidden and the caller may not moderate it. */
  target: ClaimTarget | null;
  tags: TagView[];
  commentCount: number;
  /** Null unless a moderator hid the claim. */
  hidden: HiddenView | null;
  /** The fact-check: where it stands, who does it, by when (ISO 8601 or null). */
  status: CheckStatusName;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  /** The published verdict, or null (none yet, or withheld with the claim's content). */
  verdict: ClaimVerdictSummary | null;
  /** When its thread was resolved (it shows collapsed), or null while open. */
  threadResolvedAt: string | null;
  /**
   * How it sits on the document's latest version (lib/versions): `anchored` (on its quote, maybe moved),
   * `changed` (on text that differs from the quote it had: `originalQuote`), `orphaned` (not found: `target`
   * keeps where it last was, on an older version; it is not drawn).
   */
  state: ClaimAnchorStateName;
  /** For a `changed` claim, the quote it had before the text changed; otherwise null. Withheld when `target` is. */
  originalQuote: string | null;
  /** A member dismissed it from "Needs attention" (it stays changed or orphaned). */
  attentionDismissed: boolean;
  createdAt: string;
  updatedAt: string;
  abilities: ClaimAbilities;
};
