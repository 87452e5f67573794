import { withActor } from "@/lib/api/route";
import { respondWithServerSentEvents } from "@/lib/api/server-sent-events";
import { AppError } from "@/lib/errors";
import { liveCursorSchema } from "@/lib/realtime/schema";
import { maxQueuedLiveMessages, openDocumentStream } from "@/lib/realtime/service";

/** The last sequence number the client saw: `Last-Event-ID` (sent by EventSource on its own) or `?after=`. */
function readCursor(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  if (raw === null || raw === "") return null;
  const parsed = liveCursorSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", "errors.request.invalidEventCursor");
  return parsed.data;
}

// GET /api/documents/{id}/events — the document's live stream (Server-Sent Events; see docs/live.md)
export const GET = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const afterSeq = readCursor(request);
  return respondWithServerSentEvents(request.signal, { maxQueuedMessages: maxQueuedLiveMessages }, (sink) =>
    openDocumentStream(actor, params.documentId, afterSeq, sink),
  );
});
