import "server-only";

import { readBodyBytes } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import type { MessageInput } from "@/lib/i18n/localized-message";

/** Whether a request's Content-Type is `multipart/form-data` (an upload). */
export function isMultipartRequest(request: Request): boolean {
  return /^multipart\/form-data\s*(?:;|$)/iu.test(request.headers.get("content-type") ?? "");
}

/**
 * Reads a `multipart/form-data` body into FormData, refusing it (413, with `tooLarge` as the message, so it can
 * name the caller's limit) once it is larger than `maxBodyBytes`, declared or as sent: nothing larger is buffered.
 * 400 with `malformed` when the body is not the form its Content-Type says.
 */
export async function readMultipartBody(
  request: Request,
  { maxBodyBytes, tooLarge, malformed }: { maxBodyBytes: number; tooLarge: MessageInput; malformed: MessageInput },
): Promise<FormData> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBodyBytes) throw new AppError("payload_too_large", tooLarge);
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") throw new AppError("payload_too_large", tooLarge);
    throw error;
  }
  try {
    // The platform's own multipart parser (undici), over the bytes already bounded above.
    // readBodyBytes allocates a fresh ArrayBuffer: the cast only narrows its type.
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("bad_request", malformed);
  }
}
