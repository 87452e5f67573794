/**
 * Sends a new document to `POST /api/teams/{id}/documents` (docs/api.md), with the upload's progress
 * (post-with-upload-progress.ts).
 */
import { postWithUploadProgress, type UploadOptions } from "@/components/documents/import/post-with-upload-progress";

/** The JSON form of the request: pasted text or HTML, and the details given. */
export type PastedDocumentRequest = {
  title?: string;
  format: "text" | "html";
  content: string;
  byline?: string;
  sourceUrl?: string;
  publishedAt?: string;
};

/** The new document's id from the answer. */
function readCreatedId(answer: unknown): { id: string } {
  const id = (answer as { id?: unknown } | null)?.id;
  if (typeof id !== "string") throw new Error("no id in the answer");
  return { id };
}

/**
 * Posts the document (multipart `FormData` with a `file`, or the JSON request) and resolves with the new
 * document's id. `onUploadProgress` hears how much of the body has been sent; `signal` aborts.
 */
export function postDocument(teamId: string, body: FormData | PastedDocumentRequest, options: UploadOptions = {}): Promise<{ id: string }> {
  return postWithUploadProgress(`/api/teams/${encodeURIComponent(teamId)}/documents`, body, readCreatedId, options);
}
