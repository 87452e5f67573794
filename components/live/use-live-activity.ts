"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { emptyLiveActivity, markClaimsSeen, markThreadOpened, recordLiveActivity, type LiveActivity } from "@/components/live/live-activity";
import type { LiveEventView } from "@/lib/realtime/schema";

type UseLiveActivityOptions = {
  currentUserId: string;
  /** The claim whose thread is open now: comments there are seen as they arrive. */
  activeClaimId: string | null;
};

/**
 * What others changed since the reader last looked (components/live/live-activity.ts), kept as React state:
 * `onLiveEvents` records each batch of live changes; the reader marks what they have seen. What is announced is
 * components/live/use-live-announcer.ts's business.
 */
export function useLiveActivity({ currentUserId, activeClaimId }: UseLiveActivityOptions) {
  const [activity, setActivity] = useState<LiveActivity>(emptyLiveActivity);
  // A change's handler must see the thread that is open when the change arrives, not when the handler was made.
  const activeClaimIdRef = useRef(activeClaimId);
  useEffect(() => {
    activeClaimIdRef.current = activeClaimId;
  });

  const onLiveEvents = useCallback(
    (events: readonly LiveEventView[]) => {
      setActivity((current) => recordLiveActivity(current, events, { currentUserId, openClaimId: activeClaimIdRef.current }));
    },
    [currentUserId],
  );
  const onThreadOpened = useCallback((claimId: string) => setActivity((current) => markThreadOpened(current, claimId)), []);
  const onHighlightsSeen = useCallback((claimIds: string[]) => setActivity((current) => markClaimsSeen(current, claimIds)), []);

  return { activity, onLiveEvents, onThreadOpened, onHighlightsSeen };
}
