"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useMessages } from "next-intl";
import { useCallback, useEffect, useRef } from "react";

import { claimsQueryKey, threadQueryKey } from "@/components/claims/claims-cache";
import { addLiveEvents, describeAnnouncement, getAnnouncementDelay, nothingPending } from "@/components/live/live-announcement";
import type { LiveViewer } from "@/components/live/use-live-document";
import type { ClaimView } from "@/lib/claims/schema";
import type { LiveEventView } from "@/lib/realtime/schema";
import type { CommentView } from "@/lib/threads/schema";

type UseLiveAnnouncerOptions = {
  documentId: string;
  currentUserId: string;
  /** Says a sentence in the workspace's polite live region. */
  announce: (message: string) => void;
};

/**
 * Announces what others do, politely and a burst at a time (components/live/live-announcement.ts): give it each
 * batch of live changes once the cache shows them (`onLiveEvents`), and who is viewing (`rememberViewers`), so a
 * comment can be put to a name even when its thread is not open.
 */
export function useLiveAnnouncer({ documentId, currentUserId, announce }: UseLiveAnnouncerOptions) {
  const queryClient = useQueryClient();
  const locale = useLocale();
  const messages = useMessages();
  // The timer's callback must speak the language and use the region of the moment it fires.
  const latest = useRef({ locale, messages, announce, viewers: [] as readonly LiveViewer[] });
  useEffect(() => {
    latest.current = { ...latest.current, locale, messages, announce };
  });
  const pending = useRef(nothingPending);
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    const burst = pending.current;
    pending.current = nothingPending;
    const claims = queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId)) ?? [];
    const names = new Map<string, string>();
    for (const claim of claims) names.set(claim.author.id, claim.author.name);
    for (const viewer of latest.current.viewers) names.set(viewer.userId, viewer.name);
    for (const { claimId } of burst.comments) {
      for (const comment of queryClient.getQueryData<CommentView[]>(threadQueryKey(claimId)) ?? []) names.set(comment.author.id, comment.author.name);
    }
    const { locale: currentLocale, messages: currentMessages } = latest.current;
    const message = describeAnnouncement(burst, { locale: currentLocale, messages: currentMessages, claims, nameOf: (userId) => names.get(userId) });
    if (message) latest.current.announce(message);
  }, [queryClient, documentId]);

  const onLiveEvents = useCallback(
    (events: readonly LiveEventView[]) => {
      const now = Date.now();
      pending.current = addLiveEvents(pending.current, events, { currentUserId, now });
      const delay = getAnnouncementDelay(pending.current, now);
      if (delay === null) return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delay);
    },
    [currentUserId, flush],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const rememberViewers = useCallback((viewers: readonly LiveViewer[]) => {
    latest.current.viewers = viewers;
  }, []);

  return { onLiveEvents, rememberViewers };
}
