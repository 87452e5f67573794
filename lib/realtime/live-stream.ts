import "server-only";

import type { Role } from "@/lib/generated/prisma/enums";
import type { StreamGrant } from "@/lib/access/stream-grants";

/**
 * Where a stream's messages go; the route answers with them as Server-Sent Events (lib/api/server-sent-events.ts),
 * so nothing in lib/realtime knows the text format. `write` returns false when the client is not keeping up.
 */
export type StreamSink = {
  write(event: string, data: string, id?: number): boolean;
  end(): void;
};

/** One open stream of one document, held by this instance: the hub, the team feeds and presence share it. */
export type LiveStream = StreamGrant & {
  role: Role;
  /** The last sequence number this stream has been given (sent, or skipped as not for this receiver). */
  lastSeq: number;
  /** True while the stream replays the log from the database; live delivery waits until it is done. */
  isCatchingUp: boolean;
  isClosed: boolean;
  sink: StreamSink;
};

/** Sends one message to a stream (nothing once it is closed); the hub closes a stream that falls behind. */
export type SendToStream = (stream: LiveStream, event: string, data: string, id?: number) => void;

/** Every part of the hub logs its failures (the cause included) under one prefix. */
export function logLiveFailure(what: string, error: unknown): void {
  console.error(`[live] ${what}`, error);
}
