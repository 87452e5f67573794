/**
 * The live stream's wire format and timings, shared by the server, which writes the messages
 * (lib/realtime/team-feed.ts: `change`, `ready`, `reset`; lib/realtime/presence-broadcaster.ts: `presence`;
 * lib/realtime/hub.ts: `heartbeat`, `revoked`) and the browser, which parses them
 * (components/live/live-messages.ts, for components/live/use-live-document.ts). See docs/live.md.
 */
import { z } from "zod";

/**
 * Every change a viewer of a document sees live. Tag changes are team-wide: every document of the team shows them.
 * A claim's check (status, assignee, due date) and thread resolution travel as `claim.updated`; evidence and
 * verdicts carry the claim's id; `notification.created` reaches one user (a mention). `document.versioned`: a new
 * version of the document's text was saved and its claims re-anchored (reload the article and its claims).
 */
export const liveEventTypes = [
  "claim.created",
  "claim.updated",
  "claim.deleted",
  "claim.hidden",
  "claim.unhidden",
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "comment.hidden",
  "comment.unhidden",
  "evidence.created",
  "evidence.updated",
  "evidence.deleted",
  "verdict.proposed",
  "verdict.published",
  "notification.created",
  "document.versioned",
  "tag.created",
  "tag.updated",
  "tag.deleted",
] as const;

export const liveEventTypeSchema = z.enum(liveEventTypes);
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

/**
 * One change as it travels to a viewer (`event: change`, `id: <seq>`): ids and the kind of change, never
 * content. The client fetches what changed through the authorised JSON API, so it can never learn more than
 * that API gives it. `seq` orders a team's changes; reconnecting with the last `seq` seen replays the rest.
 */
export const liveEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  type: liveEventTypeSchema,
  documentId: z.uuid().nullable(),
  claimId: z.uuid().nullable(),
  commentId: z.uuid().nullable(),
  tagId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  /** When the change was written (the database's clock, ISO 8601 with microseconds). */
  at: z.string(),
});
export type LiveEventView = z.infer<typeof liveEventSchema>;

/** `event: ready`: the stream is live; everything up to `seq` has been sent. */
export const liveReadySchema = z.object({ seq: z.number().int().nonnegative(), connectionId: z.string() });

/** `event: presence`: who is viewing the document now, one entry per person (however many tabs). */
export const livePresenceSchema = z.object({
  viewers: z.array(z.object({ userId: z.uuid(), name: z.string() })),
});
export type LivePresence = z.infer<typeof livePresenceSchema>;

/** `event: reset`: too much was missed to replay; refetch everything, then carry on from `seq`. */
export const liveResetSchema = z.object({ seq: z.number().int().nonnegative() });

/** `event: revoked`: the viewer lost access (removed from the team, signed out); the stream ends for good. */
export const liveRevokedSchema = z.object({ reason: z.string() });

/** `?after=` or `Last-Event-ID`: the last `seq` the client has seen. */
export const liveCursorSchema = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const liveTiming = {
  /** A heartbeat this often keeps proxies from closing an idle stream and tells the client it is alive. */
  heartbeatMs: 15_000,
  /** The client treats the stream as dead after this long without a message, and reconnects. */
  clientSilenceMs: 40_000,
  /** How often each instance re-checks every open stream's session and membership (revocation within 5 s). */
  accessCheckMs: 2_000,
  /** Presence rows older than this belong to a stream whose instance died; they are ignored. */
  presenceExpiryMs: 30_000,
} as const;
