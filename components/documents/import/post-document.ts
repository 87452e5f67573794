/**
 * Sends a new document to `POST /api/teams/{id}/documents` (docs/api.md) with XMLHttpRequest rather than
 * fetch: only XHR reports how much of an upload has gone, and a 5 MB file on a slow line deserves a progress bar.
 * Failures arrive as the API client's `ApiError`, carrying the server's message and field errors.
 */
import { ApiError } from "@/lib/api/client";

/** The JSON form of the request: pasted text or HTML, and the details given. */
export type PastedDocumentRequest = {
  title?: string;
  format: "text" | "html";
  content: string;
  byline?: string;
  sourceUrl?: string;
  publishedAt?: string;
};

export type UploadProgress = { loaded: number; total: number };

type ErrorPayload = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

/** The server's error answer as an ApiError (as lib/api/client.ts makes them for fetch). */
function toApiError(request: XMLHttpRequest): ApiError {
  let payload: ErrorPayload | null = null;
  try {
    payload = JSON.parse(request.responseText) as ErrorPayload;
  } catch {
    // Not JSON (a proxy's page, say): the status alone says what happened.
  }
  const error = payload?.error;
  if (request.status === 401) return new ApiError(401, error?.code ?? "unauthenticated", { key: "errors.client.sessionEnded" });
  return new ApiError(
    request.status,
    error?.code ?? "http_error",
    error?.message ?? { key: "errors.client.requestFailed", values: { status: request.status } },
    error?.details,
  );
}

/**
 * Posts the document (multipart `FormData` with a `file`, or the JSON request) and resolves with the new
 * document's id. `onUploadProgress` hears how much of the body has been sent; `signal` aborts.
 */
export function postDocument(
  teamId: string,
  body: FormData | PastedDocumentRequest,
  { onUploadProgress, signal }: { onUploadProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/teams/${encodeURIComponent(teamId)}/documents`);
    request.setRequestHeader("Accept", "application/json");
    // FormData sets its own multipart Content-Type, with the boundary.
    if (!(body instanceof FormData)) request.setRequestHeader("Content-Type", "application/json");
    if (onUploadProgress) {
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) onUploadProgress({ loaded: event.loaded, total: event.total });
      });
    }
    request.addEventListener("load", () => {
      if (request.status < 200 || request.status >= 300) return reject(toApiError(request));
      try {
        const created = JSON.parse(request.responseText) as { id?: unknown };
        if (typeof created.id !== "string") throw new Error("no id in the answer");
        resolve({ id: created.id });
      } catch (cause) {
        reject(new ApiError(request.status, "http_error", { key: "errors.client.requestFailed", values: { status: request.status } }, { cause: String(cause) }));
      }
    });
    const failed = () => reject(new ApiError(0, "network", { key: "errors.client.network" }));
    request.addEventListener("error", failed);
    request.addEventListener("timeout", failed);
    request.addEventListener("abort", () => reject(new DOMException("The upload was cancelled", "AbortError")));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(body instanceof FormData ? body : JSON.stringify(body));
  });
}
