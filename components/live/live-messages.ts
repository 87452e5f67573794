import {
  liveEventSchema,
  livePresenceSchema,
  liveReadySchema,
  liveResetSchema,
  liveRevokedSchema,
  type LiveEventView,
  type LivePresence,
} from "@/lib/realtime/schema";

/** The stream's message names (docs/live.md); `heartbeat` carries nothing the client uses. */
export const liveMessageNames = ["change", "ready", "presence", "heartbeat", "reset", "revoked"] as const;
export type LiveMessageName = (typeof liveMessageNames)[number];

/** One message of the live stream, validated. */
export type LiveMessage =
  | { name: "change"; event: LiveEventView }
  | { name: "ready"; seq: number }
  | { name: "presence"; viewers: LivePresence["viewers"] }
  | { name: "heartbeat" }
  | { name: "reset"; seq: number }
  | { name: "revoked"; reason: string };

/**
 * Parses one Server-Sent Event of the live stream with the server's own zod schemas (lib/realtime/schema.ts).
 * Returns null for anything malformed, so that one bad message is dropped (and logged by the caller) instead of
 * breaking the stream; the next reconnect replays from the last good `seq`.
 */
export function parseLiveMessage(name: LiveMessageName, data: string): LiveMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null; // Not JSON: dropped as malformed, like a message that fails its schema.
  }
  switch (name) {
    case "change": {
      const parsed = liveEventSchema.safeParse(json);
      return parsed.success ? { name, event: parsed.data } : null;
    }
    case "ready": {
      const parsed = liveReadySchema.safeParse(json);
      return parsed.success ? { name, seq: parsed.data.seq } : null;
    }
    case "presence": {
      const parsed = livePresenceSchema.safeParse(json);
      return parsed.success ? { name, viewers: parsed.data.viewers } : null;
    }
    case "heartbeat":
      return { name };
    case "reset": {
      const parsed = liveResetSchema.safeParse(json);
      return parsed.success ? { name, seq: parsed.data.seq } : null;
    }
    case "revoked": {
      const parsed = liveRevokedSchema.safeParse(json);
      return parsed.success ? { name, reason: parsed.data.reason } : null;
    }
  }
}
