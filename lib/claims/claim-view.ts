import "server-only";

import { canSeeHiddenClaim, getClaimAbilities } from "@/lib/claims/policy";
import type { CheckStatusName, ClaimAnchorStateName, ClaimView } from "@/lib/claims/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckStatus, ClaimAnchorState, ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { describeHidden, isWithheld, type HiddenFacts } from "@/lib/moderation/policy";
import type { TagView } from "@/lib/tags/schema";

/** The database's check status → the API's name. */
export const checkStatusNames = {
  OPEN: "open",
  CHECKING: "checking",
  CHECKED: "checked",
  NOT_CHECKABLE: "not_checkable",
} as const satisfies Record<CheckStatus, CheckStatusName>;

/** The database's anchoring state → the API's name. */
export const claimAnchorStateNames = {
  ANCHORED: "anchored",
  CHANGED: "changed",
  ORPHANED: "orphaned",
} as const satisfies Record<ClaimAnchorState, ClaimAnchorStateName>;

/**
 * A claim as stored, whichever way it was read (a Prisma query, or the row a prepared statement returned): the
 * one input of `toClaimView`.
 */
export type ClaimRecord = HiddenFacts & {
  id: string;
  documentId: string;
  visibility: ClaimVisibility;
  author: { id: string; name: string };
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  createdAt: Date;
  updatedAt: Date;
  tags: TagView[];
  /** Comments that are not deleted. */
  commentCount: number;
  status: CheckStatus;
  assigneeId: string | null;
  assignee: { id: string; name: string } | null;
  dueAt: Date | null;
  threadResolvedAt: Date | null;
  /** The published verdict, when there is one. */
  verdict: { rating: string; firstPublishedAt: Date; lastPublishedAt: Date } | null;
  anchorState: ClaimAnchorState;
  originalQuote: string | null;
  attentionDismissedAt: Date | null;
};

/** What Prisma reads of a claim for `toClaimView`; `toClaimRecord` turns the row into a record. */
export const claimSelect = {
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
  status: true,
  assigneeId: true,
  assignee: { select: { id: true, name: true } },
  dueAt: true,
  threadResolvedAt: true,
  verdict: { select: { rating: true, firstPublishedAt: true, lastPublishedAt: true } },
  anchorState: true,
  originalQuote: true,
  attentionDismissedAt: true,
} satisfies Prisma.ClaimSelect;

export type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

/** A claim read with `claimSelect`, as a record. */
export function toClaimRecord(row: ClaimRow): ClaimRecord {
  const { tags, _count, ...rest } = row;
  return { ...rest, tags: tags.map(({ tag }) => tag), commentCount: _count.comments };
}

/**
 * The claim as `actorUserId` (with `role` in its team) may see it: how every claim the API returns is built. A
 * hidden claim's quote, selectors and tags are withheld here, on the server, from everyone who may not moderate
 * it: the placeholder is all they receive. Tags are sorted by name.
 */
export function toClaimView(record: ClaimRecord, role: Role, actorUserId: string): ClaimView {
  const reader = { userId: actorUserId, canModerate: canSeeHiddenClaim(role) };
  const isContentWithheld = isWithheld(record, reader);
  return {
    id: record.id,
    documentId: record.documentId,
    visibility: record.visibility === "PRIVATE" ? "private" : "team",
    author: record.author,
    target: isContentWithheld
      ? null
      : {
          source: record.documentId,
          selector: [
            { type: "TextQuoteSelector", exact: record.quoteExact, prefix: record.quotePrefix, suffix: record.quoteSuffix },
            { type: "TextPositionSelector", start: record.positionStart, end: record.positionEnd },
          ],
        },
    tags: isContentWithheld ? [] : [...record.tags].sort((a, b) => a.name.localeCompare(b.name)),
    commentCount: record.commentCount,
    hidden: describeHidden(record, reader),
    status: checkStatusNames[record.status],
    assignee: record.assignee,
    dueAt: record.dueAt?.toISOString() ?? null,
    verdict:
      isContentWithheld || !record.verdict
        ? null
        : {
            rating: record.verdict.rating,
            publishedAt: record.verdict.firstPublishedAt.toISOString(),
            updatedAt:
              record.verdict.lastPublishedAt.getTime() === record.verdict.firstPublishedAt.getTime()
                ? null
                : record.verdict.lastPublishedAt.toISOString(),
          },
    threadResolvedAt: record.threadResolvedAt?.toISOString() ?? null,
    state: claimAnchorStateNames[record.anchorState],
    originalQuote: isContentWithheld || record.anchorState !== "CHANGED" ? null : record.originalQuote,
    attentionDismissed: record.attentionDismissedAt !== null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    abilities: getClaimAbilities(role, actorUserId, record),
  };
}
