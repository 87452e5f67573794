/**
 * The browser's typed client for Margin's JSON API (docs/api.md). Errors arrive as `ApiError` carrying the
 * server's `{ error: { code, message } }`, so the UI can show the server's message.
 */
import type { ClaimView, CreateClaimRequest, UpdateClaimRequest } from "@/lib/claims/schema";
import type { UpdateDocumentRequest } from "@/lib/documents/schema";
import type { DocumentDetail } from "@/lib/documents/service";
import type { NotificationView } from "@/lib/notifications/schema";
import type { CreateTagRequest, TagUsageView, TeamTagsView, UpdateTagRequest } from "@/lib/tags/schema";
import type { CommentView, CreateCommentRequest, UpdateCommentRequest } from "@/lib/threads/schema";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
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
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.", { cause: String(cause) });
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload as ErrorPayload | null)?.error;
    const message = response.status === 401 ? "Your session has ended. Sign in again." : (error?.message ?? `Request failed (${response.status})`);
    throw new ApiError(response.status, error?.code ?? "http_error", message, error?.details);
  }
  return payload as T;
}

export const apiClient = {
  getDocument: (documentId: string) => requestJson<DocumentDetail>(`/api/documents/${encodeURIComponent(documentId)}`),
  updateDocument: (documentId: string, body: UpdateDocumentRequest) =>
    requestJson<{ id: string; lang: string }>(`/api/documents/${encodeURIComponent(documentId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  listClaims: (documentId: string) =>
    requestJson<{ items: ClaimView[] }>(`/api/documents/${encodeURIComponent(documentId)}/claims`).then((page) => page.items),
  createClaim: (documentId: string, body: CreateClaimRequest) =>
    requestJson<ClaimView>(`/api/documents/${encodeURIComponent(documentId)}/claims`, { method: "POST", body: JSON.stringify(body) }),
  getClaim: (claimId: string) => requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}`),
  updateClaim: (claimId: string, body: UpdateClaimRequest) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteClaim: (claimId: string) => requestJson<void>(`/api/claims/${encodeURIComponent(claimId)}`, { method: "DELETE" }),
  listComments: (claimId: string) =>
    requestJson<{ items: CommentView[] }>(`/api/claims/${encodeURIComponent(claimId)}/comments`).then((page) => page.items),
  createComment: (claimId: string, body: CreateCommentRequest) =>
    requestJson<CommentView>(`/api/claims/${encodeURIComponent(claimId)}/comments`, { method: "POST", body: JSON.stringify(body) }),
  updateComment: (commentId: string, body: UpdateCommentRequest) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteComment: (commentId: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}`, { method: "DELETE" }),
  hideClaim: (claimId: string, reason: string) =>
    requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/hide`, { method: "POST", body: JSON.stringify({ reason }) }),
  unhideClaim: (claimId: string) => requestJson<ClaimView>(`/api/claims/${encodeURIComponent(claimId)}/hide`, { method: "DELETE" }),
  hideComment: (commentId: string, reason: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: "POST", body: JSON.stringify({ reason }) }),
  unhideComment: (commentId: string) =>
    requestJson<CommentView>(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: "DELETE" }),
  listNotifications: () => requestJson<{ items: NotificationView[]; unreadCount: number }>("/api/notifications"),
  markNotificationsRead: () => requestJson<void>("/api/notifications/read", { method: "POST" }),
  listTeamTags: (teamId: string) => requestJson<TeamTagsView>(`/api/teams/${encodeURIComponent(teamId)}/tags`),
  createTag: (teamId: string, body: CreateTagRequest) =>
    requestJson<TagUsageView>(`/api/teams/${encodeURIComponent(teamId)}/tags`, { method: "POST", body: JSON.stringify(body) }),
  updateTag: (tagId: string, body: UpdateTagRequest) =>
    requestJson<TagUsageView>(`/api/tags/${encodeURIComponent(tagId)}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteTag: (tagId: string) => requestJson<void>(`/api/tags/${encodeURIComponent(tagId)}`, { method: "DELETE" }),
};
