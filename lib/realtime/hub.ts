import "server-only";

import type pg from "pg";

import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { unsafeCheckStreamGrants, type StreamGrant } from "@/lib/access/stream-grants";
import { liveEventChannel, unsafeGetLiveHeads, unsafePruneLiveEvents } from "@/lib/realtime/event-log";
import { NotificationListener } from "@/lib/realtime/listener";
import { logLiveFailure, type LiveStream, type SendToStream, type StreamSink } from "@/lib/realtime/live-stream";
import { presenceChannel, unsafeAddViewer, unsafeDeleteStaleViewers, unsafeRemoveViewer, unsafeTouchViewers } from "@/lib/realtime/presence";
import { PresenceBroadcaster } from "@/lib/realtime/presence-broadcaster";
import { liveTiming } from "@/lib/realtime/schema";
import { TeamFeed } from "@/lib/realtime/team-feed";

export type { StreamSink } from "@/lib/realtime/live-stream";

/** A client whose unread backlog passes this many messages is dropped; it reconnects and replays from the log. */
const maxQueuedMessages = 2_000;
/** Open streams one user may hold on one instance (tabs of live documents). */
const maxStreamsPerUser = 30;
/** Presence is re-broadcast this often, so that viewers of an instance that died drop out. */
const presenceResyncEveryTicks = 5;
/** Old events are pruned about once an hour (of ticks with open streams). */
const pruneEveryTicks = 1_800;

/**
 * This instance's side of live collaboration. It LISTENs on PostgreSQL for `margin_live` and `margin_presence`
 * notifications (ids only; lib/realtime/listener.ts), reads new events from the log once per team
 * (lib/realtime/team-feed.ts), and fans them out to the open streams that may receive them. Every few seconds it
 * re-checks each stream's session and membership (closing revoked ones), refreshes presence
 * (lib/realtime/presence-broadcaster.ts) and compares each team's head with its cursor, which also covers
 * notifications lost while the LISTEN connection was down. Several instances on one database each do the same,
 * independently.
 */
class LiveHub {
  private readonly feeds = new Map<string, TeamFeed>();
  private readonly streamsByDocument = new Map<string, Set<LiveStream>>();
  private readonly streamsPerUser = new Map<string, number>();
  private ticker: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private tickCount = 0;
  private isShutdownRegistered = false;
  private isShuttingDown = false;

  /** Sends a message to a stream, dropping a client that cannot keep up. */
  private readonly send: SendToStream = (stream, event, data, id) => {
    if (stream.isClosed) return;
    if (!stream.sink.write(event, data, id) && !stream.isCatchingUp) {
      // A client that cannot keep up is dropped rather than buffered without bound; it reconnects and replays.
      // Not during a replay: it is queued before the client can read any of it, and bounded by maxReplayedEvents.
      this.close(stream);
    }
  };

  private readonly presence = new PresenceBroadcaster(this.streamsByDocument, this.send);

  private readonly notifications = new NotificationListener([liveEventChannel, presenceChannel], {
    onNotification: (message) => this.onNotification(message),
    onReconnected: () => {
      // Notifications sent while we were away are lost: read every feed, re-send presence.
      for (const feed of this.feeds.values()) feed.fetch();
      for (const documentId of this.streamsByDocument.keys()) this.presence.schedule(documentId);
    },
    shouldReconnect: () => this.streamCount > 0 && !this.isShuttingDown,
  });

  /** How many streams this instance holds (for health and tests). */
  get streamCount(): number {
    let count = 0;
    for (const streams of this.streamsByDocument.values()) count += streams.size;
    return count;
  }

  /** The LISTEN connection while it is up (tests cut it to see the hub reconnect). */
  get listener(): pg.Client | null {
    return this.notifications.connection;
  }

  /**
   * Opens a stream for an already authorised grant: replays what it missed after `afterSeq` (or starts at the
   * current head when null), then delivers live. Resolves once the stream is registered.
   */
  async open(grant: StreamGrant, role: Role, afterSeq: number | null, sink: StreamSink): Promise<{ close: () => void }> {
    if (this.isShuttingDown) throw new AppError("unavailable", "errors.live.restarting");
    if ((this.streamsPerUser.get(grant.userId) ?? 0) >= maxStreamsPerUser) {
      // One person has no use for more tabs than this; an unbounded number would let one account exhaust memory.
      throw new AppError("rate_limited", { key: "errors.live.tooManyStreams", values: { maximum: maxStreamsPerUser } });
    }
    await this.notifications.start();
    let feed = await this.getFeed(grant.teamId);
    // The team's last stream may have closed (dropping its feed) while we awaited: take the current one.
    while (this.feeds.get(grant.teamId) !== feed) feed = await this.getFeed(grant.teamId);
    const stream: LiveStream = {
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
      await feed.catchUp(stream);
    } catch (error) {
      close();
      throw error;
    }
    return { close };
  }

  private close(stream: LiveStream): void {
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
    unsafeRemoveViewer(stream.connectionId).catch((error: unknown) => logLiveFailure("removing a viewer failed", error));
    if (this.streamCount === 0) this.stopTimers();
  }

  private revoke(stream: LiveStream, reason: string): void {
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
    const feed = new TeamFeed(teamId, head, {
      send: this.send,
      // Presence broadcast during a long replay skipped this stream (it was catching up): send it again.
      onLive: (stream) => this.presence.schedule(stream.documentId),
    });
    this.feeds.set(teamId, feed);
    return feed;
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel === liveEventChannel && message.payload) {
      const [teamId, seqText] = message.payload.split(":");
      const feed = teamId ? this.feeds.get(teamId) : undefined;
      feed?.fetchIfBehind(Number(seqText));
    } else if (message.channel === presenceChannel && message.payload) {
      this.presence.schedule(message.payload);
    }
  }

  private registerShutdown(): void {
    if (this.isShutdownRegistered) return;
    this.isShutdownRegistered = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => void this.shutDown().catch((error: unknown) => logLiveFailure("shutting down failed", error)));
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
    this.presence.cancelAll();
    await this.notifications.stop();
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
      for (const [teamId, head] of heads) this.feeds.get(teamId)?.fetchIfBehind(head);
      if (this.tickCount % presenceResyncEveryTicks === 0) {
        for (const documentId of this.streamsByDocument.keys()) this.presence.schedule(documentId);
        await unsafeDeleteStaleViewers();
      }
      if (this.tickCount % pruneEveryTicks === 0) await unsafePruneLiveEvents();
    } catch (error) {
      logLiveFailure("the periodic access check failed", error);
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
