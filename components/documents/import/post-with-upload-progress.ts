/**
 * A POST to Margin's API with XMLHttpRequest rather than fetch: only XHR reports how much of an upload has gone,
 * and a 5 MB file on a slow line deserves a progress bar. Used for a new document (post-document.ts) and for a new
 * version from a file (components/editor/replace-from-file.tsx). Failures arrive as the API client's `ApiError`,
 * carrying the server's message and field errors.
 */
import { ApiError } from "@/lib/api/client";

export type UploadProgress = { loaded: number; total: number };

export type UploadOptions = { onUploadProgress?: (progress: UploadProgress) => void; signal?: AbortSignal };

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
 * Posts `body` (multipart `FormData`, or a value sent as JSON) to `path` and resolves with the answer read by
 * `readAnswer` (which throws when the answer is not what was expected). `onUploadProgress` hears how much of the
 * body has been sent; `signal` aborts.
 */
export function postWithUploadProgress<Answer>(
  path: string,
  body: FormData | object,
  readAnswer: (answer: unknown) => Answer,
  { onUploadProgress, signal }: UploadOptions = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
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
        resolve(readAnswer(JSON.parse(request.responseText) as unknown));
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
