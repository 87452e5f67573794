/**
 * The browser's typed client for Margin's JSON API (docs/api.md). Errors arrive as `ApiError` carrying the
 * server's `{ error: { code, message } }`, so the UI can show the server's message (in the page's language: the
 * browser sends the same cookie and Accept-Language as for the page).
 */
import type { ClaimHistoryView } from "@/lib/checks/schema";
import type { ClaimView, CreateClaimRequest, UpdateClaimRequest } from "@/lib/claims/schema";
import type { UpdateDocumentRequest } from "@/lib/documents/schema";
import type { DeskPage } from "@/lib/desk/schema";
import type { DocumentDetail } from "@/lib/documents/service";
import type { CreateEvidenceRequest, EvidenceView, UpdateEvidenceRequest } from "@/lib/evidence/schema";
import { renderEnglish, renderMessage, type LocalizedMessage, type Translate } from "@/lib/i18n/localized-message";
import type { NotificationView } from "@/lib/notifications/schema";
import type { PublicationState, PublicationView } from "@/lib/publications/schema";
import type { CreateTagRequest, TagUsageView, TeamTagsView, UpdateTagRequest } from "@/lib/tags/schema";
import type { MemberView } from "@/lib/teams/schema";
import type { CommentView, CreateCommentRequest, SetThreadResolvedInput, ThreadResolutionView, UpdateCommentRequest } from "@/lib/threads/schema";
import type { CreatedVersion, CreateVersionRequest } from "@/lib/versions/schema";
import type { ClaimVerdictView, ProposeVerdictRequest, TeamRatingScaleView, UpdateRatingScaleRequest } from "@/lib/verdicts/schema";
import type { ReattachClaimRequest } from "@/lib/versions/schema";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: Record<string, unknown>;
  /** A message the client made itself (no answer, or a session that ended), to be worded in the page's language. */
  readonly localizedMessage?: LocalizedMessage;

  constructor(status: number, code: string, message: string | LocalizedMessage, details?: Record<string, unknown>) {
    super(typeof message === "string" ? message : renderEnglish(message));
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    if (typeof message !== "string") this.localizedMessage = message;
  }
}

/**
 * What to tell a person about a failed request, with `translate` from `useTranslations()`: the server's message
 * (already in the page's language), or the client's own in that language.
 */
export function describeApiError(error: ApiError, translate: Translate): string {
  return error.localizedMessage ? renderMessage(error.localizedMessage, translate) : error.message;
}

type ErrorPayload = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (cause) {
    throw new ApiError(0, "network", { key: "errors.client.network" }, { cause: String(cause) });
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload as ErrorPayload | null)?.error;
    const message: string | LocalizedMessage =
      response.status === 401
        ? { key: "errors.client.sessionEnded" }
        : (error?.message ?? { key: "errors.client.requestFailed", values: { status: response.status } });
    throw new ApiError(response.status, error?.code ?? "http_error", message, error?.details);
  }
  return payload as T;
}

export const apiClient = {
  getDocument: (documentId: string) => requestJson<DocumentDetail>(`/api/documents/${encodeURIComponent(documentId)}`),
  updateDocument: (documentId: string, body: UpdateDocumentRequest) =>
    requestJson<{ id: string; lang: string }>(`/api/documents/${encodeURIComponent(documentId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  /** Saves a new version of a document's text; 409 when `baseVersion` is no longer the latest (docs/api.md). */
  createVersion: (documentId: string, body: CreateVersionRequest) =>
    requestJson<CreatedVersion>(`/api/documents/${encodeURIComponent(documentId)}/versions`, { method: "POST", body: JSON.stringify(body) }),
  listClaims: (documentId: string) =>
    requestJson<{ items: ClaimView[] }>(`/api/documents/${encodeURIComponent(documentId)}/claims`).then((page) => page.items),
  createClaim: (documentId: string, body: CreateClaimRequest) =>
    requestJson<ClaimView>(`/api/documents/${encodeURIComponent(documentId)}/claims`, { method: "POST", body: JSON.stringify(body) }),
  getClaim: (claimId: string) => requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}`),
  updateClaim: (claimId: string, body: UpdateClaimRequest) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteClaim: (claimId: string) => requestJson<void>(`/api/claims/${encodeURIComponent(claimId)}`, { method: "DELETE" }),
  /** A claim's history: its check, verdicts, evidence and thread, oldest first. */
  listClaimHistory: (claimId: string) =>
    requestJson<{ items: ClaimHistoryView[] }>(`/api/claims/${encodeURIComponent(claimId)}/history`).then((page) => page.items),
  listTeamMembers: (teamId: string) =>
    requestJson<{ items: MemberView[] }>(`/api/teams/${encodeURIComponent(teamId)}/members`).then((page) => page.items),
  listComments: (claimId: string) =>
    requestJson<{ items: CommentView[] }>(`/api/claims/${encodeURIComponent(claimId)}/comments`).then((page) => page.items),
  createComment: (claimId: string, body: CreateCommentRequest) =>
    requestJson<CommentView>(`/api/claims/${encodeURIComponent(claimId)}/comments`, { method: "POST", body: JSON.stringify(body) }),
  updateComment: (commentId: string, body: UpdateCommentRequest) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteComment: (commentId: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}`, { method: "DELETE" }),
  listEvidence: (claimId: string) =>
    requestJson<{ items: EvidenceView[] }>(`/api/claims/${encodeURIComponent(claimId)}/evidence`).then((page) => page.items),
  createEvidence: (claimId: string, body: CreateEvidenceRequest) =>
    requestJson<EvidenceView>(`/api/claims/${encodeURIComponent(claimId)}/evidence`, { method: "POST", body: JSON.stringify(body) }),
  updateEvidence: (evidenceId: string, body: UpdateEvidenceRequest) =>
    requestJson<EvidenceView>(`/api/evidence/${encodeURIComponent(evidenceId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteEvidence: (evidenceId: string) => requestJson<void>(`/api/evidence/${encodeURIComponent(evidenceId)}`, { method: "DELETE" }),
  getThreadResolution: (claimId: string) => requestJson<ThreadResolutionView>(`/api/claims/${encodeURIComponent(claimId)}/thread`),
  setThreadResolved: (claimId: string, body: SetThreadResolvedInput) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/thread`, { method: "PUT", body: JSON.stringify(body) }),
  hideClaim: (claimId: string, reason: string) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/hide`, { method: "POST", body: JSON.stringify({ reason }) }),
  unhideClaim: (claimId: string) => requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/hide`, { method: "DELETE" }),
  /** Points a changed or orphaned claim at other text of the latest version (422 when the text no longer matches). */
  reattachClaim: (claimId: string, body: ReattachClaimRequest) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/reattach`, { method: "POST", body: JSON.stringify(body) }),
  /** Takes a changed or orphaned claim off "Needs attention" (409 when it needs none). */
  dismissClaimAttention: (claimId: string) => requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/dismiss`, { method: "POST" }),
  hideComment: (commentId: string, reason: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: "POST", body: JSON.stringify({ reason }) }),
  unhideComment: (commentId: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: "DELETE" }),
  listNotifications: () => requestJson<{ items: NotificationView[]; unreadCount: number }>("/api/notifications"),
  markNotificationsRead: () => requestJson<void>("/api/notifications/read", { method: "POST" }),
  /** The desk: `search` is the query string ("?q=…&after=…", lib/desk/url.ts `toDeskSearch`). */
  listDeskClaims: (teamId: string, search: string) => requestJson<DeskPage>(`/api/teams/${encodeURIComponent(teamId)}/claims${search}`),
  listTeamTags: (teamId: string) => requestJson<TeamTagsView>(`/api/teams/${encodeURIComponent(teamId)}/tags`),
  createTag: (teamId: string, body: CreateTagRequest) =>
    requestJson<TagUsageView>(`/api/teams/${encodeURIComponent(teamId)}/tags`, { method: "POST", body: JSON.stringify(body) }),
  updateTag: (tagId: string, body: UpdateTagRequest) =>
    requestJson<TagUsageView>(`/api/tags/${encodeURIComponent(tagId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteTag: (tagId: string) => requestJson<void>(`/api/tags/${encodeURIComponent(tagId)}`, { method: "DELETE" }),
  // Verdicts and the team's rating scale (lib/verdicts).
  getVerdict: (claimId: string) => requestJson<ClaimVerdictView>(`/api/claims/${encodeURIComponent(claimId)}/verdict`),
  proposeVerdict: (claimId: string, body: ProposeVerdictRequest) =>
    requestJson<ClaimVerdictView>(`/api/claims/${encodeURIComponent(claimId)}/verdict`, { method: "PUT", body: JSON.stringify(body) }),
  publishVerdict: (claimId: string) =>
    requestJson<ClaimVerdictView>(`/api/claims/${encodeURIComponent(claimId)}/verdict/publish`, { method: "POST" }),
  getRatingScale: (teamId: string) => requestJson<TeamRatingScaleView>(`/api/teams/${encodeURIComponent(teamId)}/ratings`),
  updateRatingScale: (teamId: string, body: UpdateRatingScaleRequest) =>
    requestJson<TeamRatingScaleView>(`/api/teams/${encodeURIComponent(teamId)}/ratings`, { method: "PUT", body: JSON.stringify(body) }),
  getPublication: (documentId: string) => requestJson<PublicationState>(`/api/documents/${encodeURIComponent(documentId)}/publication`),
  publishDocument: (documentId: string) =>
    requestJson<PublicationView>(`/api/documents/${encodeURIComponent(documentId)}/publication`, { method: "POST" }),
  unpublishDocument: (documentId: string) =>
    requestJson<void>(`/api/documents/${encodeURIComponent(documentId)}/publication`, { method: "DELETE" }),
};
