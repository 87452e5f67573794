/**
 * Claims and comments as the API sends them, for tests of browser-side code (caches, live updates). Defaults
 * describe an ordinary visible team claim or comment; tests override what they are about.
 */
import type { ClaimView } from "@/lib/claims/schema";
import type { CommentView } from "@/lib/threads/schema";

const defaultAuthor = { id: "00000000-0000-4000-8000-000000000002", name: "Alice Test" };

/** A claim view with id `id`; `target` is null (withheld) unless given. */
export function claimViewFor(id: string, overrides: Partial<ClaimView> = {}): ClaimView {
  return {
    id,
    documentId: "00000000-0000-4000-8000-0000000000d0",
    visibility: "team",
    author: defaultAuthor,
    target: null,
    tags: [],
    commentCount: 0,
    hidden: null,
    status: "open",
    assignee: null,
    dueAt: null,
    verdict: null,
    threadResolvedAt: null,
    state: "anchored",
    originalQuote: null,
    attentionDismissed: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    abilities: {
      canEdit: false,
      canDelete: false,
      canComment: true,
      canHide: false,
      canUnhide: false,
      canCheck: false,
      canAddEvidence: false,
      canProposeVerdict: false,
      canPublishVerdict: false,
      canResolveThread: false,
      canReattach: false,
    },
    ...overrides,
  };
}

/** A comment view with id `id` on claim `claimId`. */
export function commentViewFor(id: string, claimId: string, overrides: Partial<CommentView> = {}): CommentView {
  return {
    id,
    claimId,
    parentId: null,
    body: "Bron?",
    author: defaultAuthor,
    createdAt: "2026-01-01T00:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    hidden: null,
    abilities: { canEdit: true, canDelete: true, canReply: true, canHide: false, canUnhide: false },
    ...overrides,
  };
}
