/**
 * Pure rules for bringing a stream up to date with its team's feed (lib/realtime/team-feed.ts): replay what it
 * missed, from memory or from the log, or tell it to start over (`reset`: refetch everything) when a replay is
 * impossible or too long.
 */

/** A stream further behind than this gets `reset` instead of a replay. */
export const maxReplayedEvents = 5_000;

/**
 * How a stream that was given everything up to `lastSeq` starts catching up with a feed that has read the log up
 * to `cursor`:
 * - `check-head`: it is ahead of what this instance has read. The client may have seen it on another instance,
 *   or the page read the head while a notification was still on its way; only a cursor beyond the log's head is
 *   from the future (say, the database was reset) and starts over, so the caller reads the head to decide.
 * - `reset`: too far behind to replay: say so at once rather than after sending thousands of events.
 * - `replay`: send what it missed (nothing, when it is level).
 */
export function chooseReplayStart(lastSeq: number, cursor: number): "check-head" | "reset" | "replay" {
  if (lastSeq > cursor) return "check-head";
  if (cursor - lastSeq > maxReplayedEvents) return "reset";
  return "replay";
}

/** True when every event after `lastSeq` is still in memory, whose oldest event is `oldestSeqInMemory` (none: undefined). */
export function canReplayFromMemory(lastSeq: number, oldestSeqInMemory: number | undefined): boolean {
  return lastSeq >= (oldestSeqInMemory ?? Infinity) - 1;
}

/**
 * True when a page of the log read after `lastSeq` starts past the next number: a team's numbers have no gaps,
 * so the log was pruned past this cursor and the stream must start over.
 */
export function isLogPrunedPast(lastSeq: number, firstSeqRead: number): boolean {
  return firstSeqRead > lastSeq + 1;
}
