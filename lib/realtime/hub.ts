import "server-only";

import pg from "pg";

import { getDatabaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { unsafeCheckStreamGrants, type StreamGrant } from "@/lib/access/stream-grants";
import {
  liveEventChannel,
  unsafeGetLiveHeads,
  unsafePruneLiveEvents,
  unsafeReadLiveEvents,
  type LiveEventRecord,
} from "@/lib/realtime/event-log";
import { canReceiveLiveEvent } from "@/lib/realtime/policy";
import {
  presenceChannel,
  unsafeAddViewer,
  unsafeDeleteStaleViewers,
  unsafeListViewers,
  unsafeRemoveViewer,
  unsafeTouchViewers,
} from "@/lib/realtime/presence";
import { liveTiming, type LiveEventView } from "@/lib/realtime/schema";

/** Where a stream's messages go (an SSE response body). `write` returns false when the client is not keeping up. */
export type StreamSink = {
  write(event: string, data: string, id?: number): boolean;
  end(): void;
};

/** One open stream of one document, held by this instance. */
type Stream = StreamGrant & {
  role: Role;
  /** The last sequence number this stream has been given (sent, or skipped as not for this receiver). */
  lastSeq: number;
  /** True while the stream replays the log from the database; live delivery waits until it is done. */
  isCatchingUp: boolean;
  isClosed: boolean;
  sink: StreamSink;
};

/** An event as read from the log, with its wire form serialised once for every stream that receives it. */
type FeedEvent = LiveEventRecord & { wire: string };

/** One team's events as this instance has read them. */
type TeamFeed = {
  teamId: string;
  /** The highest sequence number read from the log; every event up to it is in the log and committed. */
  cursor: number;
  /** The most recent events, oldest first, so that most reconnects replay from memory. */
  recent: FeedEvent[];
  streams: Set<Stream>;
  isFetching: boolean;
  isFetchRequested: boolean;
};

/** Events replayed from memory; a stream further behind reads from the database. */
const recentEventsKept = 1_000;
/** Events read from the log per query. */
const readPageSize = 500;
/** A stream further behind than this gets `reset` (refetch everything) instead of a replay. */
const maxReplayedEvents = 5_000;
/** A client whose unread backlog passes this many messages is dropped; it reconnects and replays from the log. */
const maxQueuedMessages = 2_000;
/** Open streams one user may hold on one instance (tabs of live documents). */
const maxStreamsPerUser = 30;
/** Presence is re-broadcast this often, so that viewers of an instance that died drop out. */
const presenceResyncEveryTicks = 5;
/** Old events are pruned about once an hour (of ticks with open streams). */
const pruneEveryTicks = 1_800;

function toWire(event: LiveEventRecord): string {
  const view: LiveEventView = {
    seq: event.seq,
    type: event.type,
    documentId: event.documentId,
    claimId: event.claimId,
    commentId: event.commentId,
    tagId: event.tagId,
    actorId: event.actorId,
    at: event.at,
  };
  return JSON.stringify(view);
}

function logFailure(what: string, error: unknown): void {
  console.error(`[live] ${what}`, error);
}

/**
 * This instance's side of live collaboration. It LISTENs on PostgreSQL for `margin_live` and `margin_presence`
 * notifications (ids only), reads new events from the log once per team, and fans them out to the open streams
 * that may receive them. Every few seconds it re-checks each stream's session and membership (closing revoked
 * ones), refreshes presence and compares each team's head with its cursor, which also covers notifications lost
 * while the LISTEN connection was down. Several instances on one database each do the same, independently.
 */
class LiveHub {
  private readonly feeds = new Map<string, TeamFeed>();
  private readonly streamsByDocument = new Map<string, Set<Stream>>();
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private listenerFailures = 0;
  private ticker: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private tickCount = 0;
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly streamsPerUser = new Map<string, number>();
  private isShutdownRegistered = false;
  private isShuttingDown = false;

  /** How many streams this instance holds (for health and tests). */
  get streamCount(): number {
    let count = 0;
    for (const streams of this.streamsByDocument.values()) count += streams.size;
    return count;
  }

  /**
   * Opens a stream for an already authorised grant: replays what it missed after `afterSeq` (or starts at the
   * current head when null), then delivers live. Resolves once the stream is registered.
   */
  async open(grant: StreamGrant, role: Role, afterSeq: number | null, sink: StreamSink): Promise<{ close: () => void }> {
    if (this.isShuttingDown) throw new AppError("unavailable", "The server is restarting; try again in a moment");
    if ((this.streamsPerUser.get(grant.userId) ?? 0) >= maxStreamsPerUser) {
      // One person has no use for more tabs than this; an unbounded number would let one account exhaust memory.
      throw new AppError("rate_limited", `At most ${maxStreamsPerUser} live documents can be open at once; close some tabs`);
    }
    await this.ensureListening();
    let feed = await this.getFeed(grant.teamId);
    // The team's last stream may have closed (dropping its feed) while we awaited: take the current one.
    while (this.feeds.get(grant.teamId) !== feed) feed = await this.getFeed(grant.teamId);
    const stream: Stream = {
      ...grant,
      role,
      lastSeq: afterSeq ?? feed.cursor,
      isCatchingUp: true,
      isClosed: false,
      sink,
    };
    feed.streams.add(stream);
    this.streamsPerUser.set(grant.userId, (this.streamsPerUser.get(grant.userId) ?? 0) + 1);
    let documentStreams = this.streamsByDocument.get(grant.documentId);
    if (!documentStreams) this.streamsByDocument.set(grant.documentId, (documentStreams = new Set()));
    documentStreams.add(stream);
    this.startTimers();
    const close = () => this.close(stream);
    try {
      await unsafeAddViewer(grant.connectionId, grant.documentId, grant.userId);
      await this.catchUp(feed, stream);
    } catch (error) {
      close();
      throw error;
    }
    return { close };
  }

  private close(stream: Stream): void {
    if (stream.isClosed) return;
    stream.isClosed = true;
    const userStreams = (this.streamsPerUser.get(stream.userId) ?? 1) - 1;
    if (userStreams > 0) this.streamsPerUser.set(stream.userId, userStreams);
    else this.streamsPerUser.delete(stream.userId);
    const feed = this.feeds.get(stream.teamId);
    feed?.streams.delete(stream);
    if (feed && feed.streams.size === 0) this.feeds.delete(stream.teamId);
    const documentStreams = this.streamsByDocument.get(stream.documentId);
    documentStreams?.delete(stream);
    if (documentStreams?.size === 0) this.streamsByDocument.delete(stream.documentId);
    try {
      stream.sink.end();
    } catch {
      // The response is already gone: nothing left to end.
    }
    unsafeRemoveViewer(stream.connectionId).catch((error: unknown) => logFailure("removing a viewer failed", error));
    if (this.streamCount === 0) this.stopTimers();
  }

  private send(stream: Stream, event: string, data: string, id?: number): void {
    if (stream.isClosed) return;
    if (!stream.sink.write(event, data, id) && !stream.isCatchingUp) {
      // A client that cannot keep up is dropped rather than buffered without bound; it reconnects and replays.
      // Not during a replay: it is queued before the client can read any of it, and bounded by maxReplayedEvents.
      this.close(stream);
    }
  }

  private revoke(stream: Stream, reason: string): void {
    this.send(stream, "revoked", JSON.stringify({ reason }));
    this.close(stream);
  }

  private async getFeed(teamId: string): Promise<TeamFeed> {
    const existing = this.feeds.get(teamId);
    if (existing) return existing;
    // Read after LISTEN is up: any event committed later wakes us, so none falls between the two.
    const head = (await unsafeGetLiveHeads([teamId])).get(teamId) ?? 0;
    const raced = this.feeds.get(teamId);
    if (raced) return raced;
    const feed: TeamFeed = { teamId, cursor: head, recent: [], streams: new Set(), isFetching: false, isFetchRequested: false };
    this.feeds.set(teamId, feed);
    return feed;
  }

  /** Replays what `stream` missed, from memory or the log, then marks it live and says so (`ready`). */
  private async catchUp(feed: TeamFeed, stream: Stream): Promise<void> {
    stream.isCatchingUp = true;
    if (stream.lastSeq > feed.cursor) {
      // Ahead of what this instance has read: the client may have seen it on another instance, or the page read
      // the head while a notification was still on its way. Only a cursor beyond the log's head is from the
      // future (say, the database was reset) and starts over.
      const head = (await unsafeGetLiveHeads([feed.teamId])).get(feed.teamId) ?? 0;
      if (stream.isClosed) return;
      if (stream.lastSeq > head) {
        stream.lastSeq = feed.cursor;
        this.send(stream, "reset", JSON.stringify({ seq: feed.cursor }));
      } else {
        this.fetchFeed(feed);
      }
    } else if (feed.cursor - stream.lastSeq > maxReplayedEvents) {
      // Too far behind to replay: say so at once rather than after sending thousands of events.
      stream.lastSeq = feed.cursor;
      this.send(stream, "reset", JSON.stringify({ seq: feed.cursor }));
    }
    let replayed = 0;
    while (!stream.isClosed && stream.lastSeq < feed.cursor) {
      const oldestInMemory = feed.recent[0]?.seq ?? Infinity;
      if (stream.lastSeq >= oldestInMemory - 1) {
        this.deliverFromMemory(feed, stream);
        break;
      }
      if (replayed >= maxReplayedEvents) {
        stream.lastSeq = feed.cursor;
        this.send(stream, "reset", JSON.stringify({ seq: feed.cursor }));
        break;
      }
      const events = await unsafeReadLiveEvents(feed.teamId, stream.lastSeq, readPageSize);
      if (events.length === 0) break;
      if (events[0]!.seq > stream.lastSeq + 1) {
        // A team's numbers have no gaps, so a gap means the log was pruned past this cursor: start over.
        stream.lastSeq = feed.cursor;
        this.send(stream, "reset", JSON.stringify({ seq: feed.cursor }));
        break;
      }
      for (const event of events) this.deliver(stream, { ...event, wire: toWire(event) });
      replayed += events.length;
    }
    if (stream.isClosed) return;
    this.deliverFromMemory(feed, stream);
    this.send(stream, "ready", JSON.stringify({ seq: stream.lastSeq, connectionId: stream.connectionId }));
    stream.isCatchingUp = false;
    // Presence broadcast during a long replay skipped this stream (it was catching up): send it again.
    this.schedulePresence(stream.documentId);
  }

  private deliver(stream: Stream, event: FeedEvent): void {
    if (event.seq <= stream.lastSeq) return;
    stream.lastSeq = event.seq;
    const isForDocument = event.documentId === null || event.documentId === stream.documentId;
    if (isForDocument && canReceiveLiveEvent(event, stream)) this.send(stream, "change", event.wire, event.seq);
  }

  private deliverFromMemory(feed: TeamFeed, stream: Stream): void {
    for (const event of feed.recent) {
      if (stream.isClosed) return;
      this.deliver(stream, event);
    }
  }

  /** Reads a team's new events once for all its streams. Single-flight: a request during a read reads again after. */
  private fetchFeed(feed: TeamFeed): void {
    if (feed.isFetching) {
      feed.isFetchRequested = true;
      return;
    }
    feed.isFetching = true;
    void (async () => {
      try {
        do {
          feed.isFetchRequested = false;
          const events = await unsafeReadLiveEvents(feed.teamId, feed.cursor, readPageSize);
          if (events.length === 0) continue;
          const fresh = events.map((event) => ({ ...event, wire: toWire(event) }));
          feed.recent.push(...fresh);
          if (feed.recent.length > recentEventsKept) feed.recent.splice(0, feed.recent.length - recentEventsKept);
          feed.cursor = fresh[fresh.length - 1]!.seq;
          for (const stream of feed.streams) {
            if (stream.isCatchingUp) continue;
            if (stream.lastSeq < (feed.recent[0]?.seq ?? 0) - 1) {
              // Fell out of memory (a burst larger than the buffer): replay from the log.
              void this.catchUp(feed, stream).catch((error: unknown) => logFailure("replaying events failed", error));
              continue;
            }
            for (const event of fresh) this.deliver(stream, event);
          }
          if (events.length === readPageSize) feed.isFetchRequested = true;
        } while (feed.isFetchRequested);
      } catch (error) {
        logFailure(`reading events of team ${feed.teamId} failed`, error);
      } finally {
        feed.isFetching = false;
      }
    })();
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel === liveEventChannel && message.payload) {
      const [teamId, seqText] = message.payload.split(":");
      const feed = teamId ? this.feeds.get(teamId) : undefined;
      if (feed && Number(seqText) > feed.cursor) this.fetchFeed(feed);
    } else if (message.channel === presenceChannel && message.payload) {
      this.schedulePresence(message.payload);
    }
  }

  /** Sends a document's viewers to its streams here; several changes within 50 ms make one broadcast. */
  private schedulePresence(documentId: string): void {
    if (!this.streamsByDocument.has(documentId) || this.presenceTimers.has(documentId)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(documentId);
      void this.broadcastPresence(documentId);
    }, 50);
    timer.unref();
    this.presenceTimers.set(documentId, timer);
  }

  private async broadcastPresence(documentId: string): Promise<void> {
    try {
      const viewers = await unsafeListViewers(documentId);
      const data = JSON.stringify({ viewers });
      for (const stream of this.streamsByDocument.get(documentId) ?? []) {
        if (!stream.isCatchingUp) this.send(stream, "presence", data);
      }
    } catch (error) {
      logFailure("reading viewers failed", error);
    }
  }

  /** LISTENs on a dedicated connection (never a pooled one), reconnecting with backoff and jitter when it drops. */
  private ensureListening(): Promise<void> {
    if (this.listening) return this.listening;
    this.listening = (async () => {
      const client = new pg.Client({ connectionString: getDatabaseUrl() });
      client.on("notification", (message) => this.onNotification(message));
      client.on("error", (error) => logFailure("the LISTEN connection failed", error));
      client.on("end", () => {
        if (this.listener !== client) return;
        this.listener = null;
        this.listening = null;
        this.scheduleRelisten();
      });
      await client.connect();
      await client.query(`LISTEN ${liveEventChannel}; LISTEN ${presenceChannel}`);
      this.listener = client;
      this.listenerFailures = 0;
    })().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private scheduleRelisten(): void {
    if (this.streamCount === 0 || this.isShuttingDown) return;
    this.listenerFailures += 1;
    const ceiling = Math.min(10_000, 250 * 2 ** this.listenerFailures);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    setTimeout(() => {
      this.ensureListening()
        .then(() => {
          // Notifications sent while we were away are lost: read every feed, re-send presence.
          for (const feed of this.feeds.values()) this.fetchFeed(feed);
          for (const documentId of this.streamsByDocument.keys()) this.schedulePresence(documentId);
        })
        .catch((error: unknown) => {
          logFailure("re-LISTEN failed", error);
          this.scheduleRelisten();
        });
    }, delay).unref();
  }

  private registerShutdown(): void {
    if (this.isShutdownRegistered) return;
    this.isShutdownRegistered = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => void this.shutDown().catch((error: unknown) => logFailure("shutting down failed", error)));
    }
  }

  private startTimers(): void {
    this.registerShutdown();
    if (!this.ticker) {
      this.ticker = setInterval(() => void this.tick(), liveTiming.accessCheckMs);
      this.ticker.unref();
    }
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        const data = JSON.stringify({ at: new Date().toISOString() });
        for (const streams of [...this.streamsByDocument.values()]) for (const stream of [...streams]) this.send(stream, "heartbeat", data);
      }, liveTiming.heartbeatMs);
      this.heartbeat.unref();
    }
  }

  private stopTimers(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.ticker = null;
    this.heartbeat = null;
  }

  /**
   * Ends every stream held here, stops the timers and closes the LISTEN connection. Runs on SIGTERM/SIGINT:
   * Next's graceful shutdown waits for open responses, and a live stream never ends by itself; clients reconnect
   * (to another instance behind a load balancer, or to this one once it is back) and replay what they missed from
   * the log. Tests call it too, whose process would otherwise keep the connection open.
   */
  async shutDown(): Promise<void> {
    this.isShuttingDown = true;
    for (const streams of [...this.streamsByDocument.values()]) for (const stream of [...streams]) this.close(stream);
    this.stopTimers();
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
    this.presenceTimers.clear();
    const listening = this.listening;
    this.listening = null;
    await listening?.catch(() => {});
    const listener = this.listener;
    // Cleared first, so that its `end` does not schedule a reconnect.
    this.listener = null;
    await listener?.end();
  }

  /**
   * Every `accessCheckMs`: closes streams whose session ended or whose user left the team (and updates roles),
   * refreshes presence, and reads any team whose head moved without a notification reaching us.
   */
  private async tick(): Promise<void> {
    const streams = [...this.streamsByDocument.values()].flatMap((set) => [...set]);
    if (streams.length === 0) return;
    this.tickCount += 1;
    try {
      const roles = await unsafeCheckStreamGrants(streams);
      for (const stream of streams) {
        const role = roles.get(stream.connectionId);
        if (stream.isClosed) continue;
        if (!role) this.revoke(stream, "You no longer have access to this document.");
        else stream.role = role;
      }
      const open = streams.filter((stream) => !stream.isClosed);
      await unsafeTouchViewers(open.map((stream) => stream.connectionId));
      const heads = await unsafeGetLiveHeads([...this.feeds.keys()]);
      for (const [teamId, head] of heads) {
        const feed = this.feeds.get(teamId);
        if (feed && head > feed.cursor) this.fetchFeed(feed);
      }
      if (this.tickCount % presenceResyncEveryTicks === 0) {
        for (const documentId of this.streamsByDocument.keys()) this.schedulePresence(documentId);
        await unsafeDeleteStaleViewers();
      }
      if (this.tickCount % pruneEveryTicks === 0) await unsafePruneLiveEvents();
    } catch (error) {
      logFailure("the periodic access check failed", error);
    }
  }
}

const globalForLive = globalThis as unknown as { marginLiveHub?: LiveHub };

/** The one hub of this process (also across development hot reloads). */
export function getLiveHub(): LiveHub {
  globalForLive.marginLiveHub ??= new LiveHub();
  return globalForLive.marginLiveHub;
}

/** Shuts this process's hub down (see `shutDown`); the next stream starts a fresh one. */
export async function shutDownLiveHub(): Promise<void> {
  const hub = globalForLive.marginLiveHub;
  delete globalForLive.marginLiveHub;
  await hub?.shutDown();
}

export const liveStreamLimits = { maxQueuedMessages, maxStreamsPerUser } as const;
