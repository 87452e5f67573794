"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { claimsQueryKey } from "@/components/claims/claims-cache";
import {
  describeLiveActivity,
  emptyLiveActivity,
  markClaimsSeen,
  markThreadOpened,
  recordLiveActivity,
  type LiveActivity,
} from "@/components/live/live-activity";
import type { ClaimView } from "@/lib/claims/schema";
import type { LiveEventView } from "@/lib/realtime/schema";

type UseLiveActivityOptions = {
  documentId: string;
  currentUserId: string;
  /** The claim whose thread is open now: comments there are seen as they arrive. */
  activeClaimId: string | null;
  /** Says a sentence in the page's polite live region. */
  announce: (message: string) => void;
};

/**
 * What others changed since the reader last looked (components/live/live-activity.ts), kept as React state:
 * `onLiveEvents` records each batch of live changes and announces it; the reader marks what they have seen.
 */
export function useLiveActivity({ documentId, currentUserId, activeClaimId, announce }: UseLiveActivityOptions) {
  const queryClient = useQueryClient();
  const t = useTranslations();
  const [activity, setActivity] = useState<LiveActivity>(emptyLiveActivity);
  // A change's handler must see the thread that is open when the change arrives, not when the handler was made.
  const activeClaimIdRef = useRef(activeClaimId);
  useEffect(() => {
    activeClaimIdRef.current = activeClaimId;
  });

  const onLiveEvents = useCallback(
    (events: readonly LiveEventView[]) => {
      setActivity((current) => recordLiveActivity(current, events, { currentUserId, openClaimId: activeClaimIdRef.current }));
      const claims = queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId)) ?? [];
      const message = describeLiveActivity(events, { currentUserId, claims, t });
      if (message) announce(message);
    },
    [queryClient, documentId, currentUserId, announce, t],
  );
  const onThreadOpened = useCallback((claimId: string) => setActivity((current) => markThreadOpened(current, claimId)), []);
  const onHighlightsSeen = useCallback((claimIds: string[]) => setActivity((current) => markClaimsSeen(current, claimIds)), []);

  return { activity, onLiveEvents, onThreadOpened, onHighlightsSeen };
}
