import "server-only";

import { unsafeGetLiveHeads, unsafeReadLiveEvents, type LiveEventRecord } from "@/lib/realtime/event-log";
import { logLiveFailure, type LiveStream, type SendToStream } from "@/lib/realtime/live-stream";
import { canReceiveLiveEvent } from "@/lib/realtime/policy";
import { canReplayFromMemory, chooseReplayStart, isLogPrunedPast, maxReplayedEvents } from "@/lib/realtime/replay";
import type { LiveEventView } from "@/lib/realtime/schema";

/** Events replayed from memory; a stream further behind reads from the database. */
const recentEventsKept = 1_000;
/** Events read from the log per query. */
const readPageSize = 500;

/** An event as read from the log, with its wire form serialised once for every stream that receives it. */
type FeedEvent = LiveEventRecord & { wire: string };

function toFeedEvent(event: LiveEventRecord): FeedEvent {
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
  return { ...event, wire: JSON.stringify(view) };
}

/** What a feed needs from the hub that owns it. */
export type TeamFeedHooks = {
  send: SendToStream;
  /** A stream finished catching up and now receives live events. */
  onLive(stream: LiveStream): void;
};

/**
 * One team's events as this instance has read them, and the team's open streams here. The log is read once per
 * team, whatever the number of streams; each stream gets each event at most once and in order, whether it comes
 * from memory, the log or a notification, filtered for its receiver (lib/realtime/policy.ts).
 */
export class TeamFeed {
  /** The team's open streams on this instance. */
  readonly streams = new Set<LiveStream>();
  /** The highest sequence number read from the log; every event up to it is in the log and committed. */
  private lastReadSeq: number;
  /** The most recent events, oldest first, so that most reconnects replay from memory. */
  private readonly recent: FeedEvent[] = [];
  private isFetching = false;
  private isFetchRequested = false;

  /** `head`: the team's last sequence number, read after LISTEN is up (so no later event can go unnoticed). */
  constructor(
    readonly teamId: string,
    head: number,
    private readonly hooks: TeamFeedHooks,
  ) {
    this.lastReadSeq = head;
  }

  /** The highest sequence number read from the log. */
  get cursor(): number {
    return this.lastReadSeq;
  }

  /** Reads the log when `head` (from a notification or the periodic check) is beyond what this feed has read. */
  fetchIfBehind(head: number): void {
    if (head > this.lastReadSeq) this.fetch();
  }

  /** Reads the team's new events once for all its streams. Single-flight: a request during a read reads again after. */
  fetch(): void {
    if (this.isFetching) {
      this.isFetchRequested = true;
      return;
    }
    this.isFetching = true;
    void (async () => {
      try {
        do {
          this.isFetchRequested = false;
          const events = await unsafeReadLiveEvents(this.teamId, this.lastReadSeq, readPageSize);
          if (events.length === 0) continue;
          const fresh = events.map(toFeedEvent);
          this.recent.push(...fresh);
          if (this.recent.length > recentEventsKept) this.recent.splice(0, this.recent.length - recentEventsKept);
          this.lastReadSeq = fresh[fresh.length - 1]!.seq;
          for (const stream of this.streams) {
            if (stream.isCatchingUp) continue;
            if (!canReplayFromMemory(stream.lastSeq, this.recent[0]?.seq)) {
              // Fell out of memory (a burst larger than the buffer): replay from the log.
              void this.catchUp(stream).catch((error: unknown) => logLiveFailure("replaying events failed", error));
              continue;
            }
            for (const event of fresh) this.deliver(stream, event);
          }
          if (events.length === readPageSize) this.isFetchRequested = true;
        } while (this.isFetchRequested);
      } catch (error) {
        logLiveFailure(`reading events of team ${this.teamId} failed`, error);
      } finally {
        this.isFetching = false;
      }
    })();
  }

  /** Replays what `stream` missed, from memory or the log, then marks it live and says so (`ready`). */
  async catchUp(stream: LiveStream): Promise<void> {
    stream.isCatchingUp = true;
    const start = chooseReplayStart(stream.lastSeq, this.lastReadSeq);
    if (start === "check-head") {
      // Ahead of what this instance has read: start over only if it is beyond the log's head, else read the log.
      const head = (await unsafeGetLiveHeads([this.teamId])).get(this.teamId) ?? 0;
      if (stream.isClosed) return;
      if (stream.lastSeq > head) this.reset(stream);
      else this.fetch();
    } else if (start === "reset") {
      this.reset(stream);
    }
    let replayed = 0;
    while (!stream.isClosed && stream.lastSeq < this.lastReadSeq) {
      if (canReplayFromMemory(stream.lastSeq, this.recent[0]?.seq)) {
        this.deliverFromMemory(stream);
        break;
      }
      if (replayed >= maxReplayedEvents) {
        this.reset(stream);
        break;
      }
      const events = await unsafeReadLiveEvents(this.teamId, stream.lastSeq, readPageSize);
      if (events.length === 0) break;
      if (isLogPrunedPast(stream.lastSeq, events[0]!.seq)) {
        this.reset(stream);
        break;
      }
      for (const event of events) this.deliver(stream, toFeedEvent(event));
      replayed += events.length;
    }
    if (stream.isClosed) return;
    this.deliverFromMemory(stream);
    this.hooks.send(stream, "ready", JSON.stringify({ seq: stream.lastSeq, connectionId: stream.connectionId }));
    stream.isCatchingUp = false;
    this.hooks.onLive(stream);
  }

  /** Skips `stream` to the feed's cursor and tells it to refetch everything. */
  private reset(stream: LiveStream): void {
    stream.lastSeq = this.lastReadSeq;
    this.hooks.send(stream, "reset", JSON.stringify({ seq: this.lastReadSeq }));
  }

  private deliver(stream: LiveStream, event: FeedEvent): void {
    if (event.seq <= stream.lastSeq) return;
    stream.lastSeq = event.seq;
    const isForDocument = event.documentId === null || event.documentId === stream.documentId;
    if (isForDocument && canReceiveLiveEvent(event, stream)) this.hooks.send(stream, "change", event.wire, event.seq);
  }

  private deliverFromMemory(stream: LiveStream): void {
    for (const event of this.recent) {
      if (stream.isClosed) return;
      this.deliver(stream, event);
    }
  }
}
