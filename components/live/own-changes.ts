import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";

/** A change this page is making itself, named as its live event will name it. */
export type OwnChange = { type: LiveEventType; claimId: string; commentId?: string | null };

/** An expectation the event never met (the stream was down, the change failed unseen) is forgotten after this. */
const expectationLifetimeMs = 30_000;

function keyOf(change: OwnChange): string {
  return `${change.type}:${change.claimId}:${change.commentId ?? ""}`;
}

/**
 * The live events this page need not act on, because it made the change itself and put the server's answer
 * in its cache already. A mutation calls `expect` before it sends its request (for objects it names by id:
 * retagging, hiding, editing), and calls the returned function if the request fails. The live stream asks
 * `take` for each change: the first event by the current user that matches an expectation consumes it.
 *
 * Why consuming the first match is safe: events arrive in commit order, and the mutation's answer is read
 * after its own commit. A matching event that arrives before the answer (the page's own, or an identical change
 * from the same user's other tab committed just before) describes a state the answer includes; the answer
 * lands in the cache either way, and anything committed later has a later event of its own.
 * Creations are not expected here: their ids are unknown until the answer, and their events are recognised by
 * the new object already being in the cache (components/live/apply-live-events.ts). A creation's own event
 * often arrives before the answer (the stream is quicker than the response), so a creation is tracked from its
 * request until its answer is in the cache (`beginCreation`), and the stream waits for that
 * (`creationsSettled`) before it looks at a creation of the current user's.
 */
export class OwnChanges {
  private readonly pending = new Map<string, number[]>();
  private readonly creations = new Set<Promise<void>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A creation is under way; call the returned function once its answer is in the cache (or it failed). */
  beginCreation(): () => void {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.creations.add(settled);
    return () => {
      this.creations.delete(settled);
      settle();
    };
  }

  /** Resolves when every creation under way now has its answer in the cache or has failed. */
  creationsSettled(): Promise<void> {
    return Promise.all([...this.creations]).then(() => undefined);
  }

  /** True when `event` is a creation by `currentUserId`: the page may have made it, so wait for `creationsSettled`. */
  isOwnCreation(event: LiveEventView, currentUserId: string): boolean {
    return event.actorId === currentUserId && (event.type === "claim.created" || event.type === "comment.created");
  }

  /** Registers a change about to be sent; the returned function withdraws it (call it when the request fails). */
  expect(change: OwnChange): () => void {
    const key = keyOf(change);
    const expiresAt = this.now() + expectationLifetimeMs;
    this.pending.set(key, [...(this.pending.get(key) ?? []), expiresAt]);
    let isWithdrawn = false;
    return () => {
      if (isWithdrawn) return;
      isWithdrawn = true;
      this.removeOne(key, expiresAt);
    };
  }

  /** True, consuming the expectation, when `event` is a change by `currentUserId` that this page expected. */
  take(event: LiveEventView, currentUserId: string): boolean {
    if (event.actorId !== currentUserId || !event.claimId) return false;
    const key = keyOf({ type: event.type, claimId: event.claimId, commentId: event.commentId });
    const now = this.now();
    const live = (this.pending.get(key) ?? []).filter((expiresAt) => expiresAt > now);
    if (live.length === 0) {
      this.pending.delete(key);
      return false;
    }
    live.shift();
    if (live.length > 0) this.pending.set(key, live);
    else this.pending.delete(key);
    return true;
  }

  private removeOne(key: string, expiresAt: number): void {
    const list = this.pending.get(key);
    if (!list) return;
    const index = list.indexOf(expiresAt);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.pending.delete(key);
  }
}

/** This page's own changes (one per browser tab: module state lives as long as the page). */
export const ownChanges = new OwnChanges();
