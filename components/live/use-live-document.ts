"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { applyLiveEvents, refetchLiveDocument } from "@/components/live/apply-live-events";
import { liveMessageNames, parseLiveMessage, type LiveMessage } from "@/components/live/live-messages";
import { ownChanges } from "@/components/live/own-changes";
import { getReconnectDelay } from "@/components/live/reconnect-backoff";
import { ApiError, apiClient } from "@/lib/api/client";
import { liveTiming, type LiveEventView, type LivePresence } from "@/lib/realtime/schema";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "revoked";
export type LiveViewer = LivePresence["viewers"][number];
/**
 * Why the stream ended for good: access to the document was lost (the server's `revoked`, or a reconnect that
 * finds a 404), or the session ended (a 401). The page words it in the reader's language; the server's own
 * `reason` is English, for logs.
 */
export type LiveRevocation = "noAccess" | "sessionEnded";

type UseLiveDocumentOptions = {
  documentId: string;
  teamId: string;
  /** The signed-in user: their changes made from this page are in the cache already (components/live/own-changes.ts). */
  currentUserId: string;
  /** The team's `seq` when the page's data was read (getDocumentLiveSeq); the stream replays everything after it. */
  initialSeq: number;
  /** Called with each batch of changes once the query cache shows them. */
  onEvents?: (events: readonly LiveEventView[]) => void;
};

/** A change to apply, or `reset`: refetch everything (what came before it in the queue is covered by that). */
type QueuedItem = LiveEventView | "reset";

/**
 * Keeps a document's page live: opens its Server-Sent Events stream (docs/live.md), applies each change to the
 * query cache through the JSON API (components/live/apply-live-events.ts), and reports the connection's status
 * and who else is viewing.
 *
 * It reconnects by itself rather than leaving it to EventSource, so it controls the timing (exponential backoff
 * with full jitter, reset once a stream is `ready`), resumes with `?after=` the last `seq` it saw, treats 40 s of
 * silence as a dead connection, follows the browser's online/offline events, and never reopens a `revoked`
 * stream.
 */
export function useLiveDocument({ documentId, teamId, currentUserId, initialSeq, onEvents }: UseLiveDocumentOptions) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [viewers, setViewers] = useState<readonly LiveViewer[]>([]);
  const [revocation, setRevocation] = useState<LiveRevocation | null>(null);
  // The page's seq counts only for the first connection: later renders carry a newer one, but the cache may not
  // have applied everything up to it, so the stream's own cursor wins.
  const [startSeq] = useState(initialSeq);
  const onEventsRef = useRef(onEvents);
  useEffect(() => {
    onEventsRef.current = onEvents;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastSeq = startSeq;
    let attempt = 0;
    let hasOpened = false;
    let isStopped = false;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    const queue: QueuedItem[] = [];
    let isDraining = false;
    const context = { queryClient, documentId, teamId, fetchClaim: apiClient.getClaim };

    // Batches are applied one after another, so a slow read of an early change never lands after a later one.
    async function drain() {
      if (isDraining) return;
      isDraining = true;
      try {
        while (queue.length > 0 && !isStopped) {
          const items = queue.splice(0);
          const resetAt = items.lastIndexOf("reset");
          const events = items.slice(resetAt + 1) as LiveEventView[];
          try {
            if (resetAt >= 0) await refetchLiveDocument(context);
            // This page's own creation may still be on its way back: with its answer in the cache, its event needs no read.
            if (events.some((event) => ownChanges.isOwnCreation(event, currentUserId))) await ownChanges.creationsSettled();
            if (events.length > 0) await applyLiveEvents(events, context);
          } catch (error) {
            console.error("[live] applying changes failed; refetching the document's claims", error);
            void refetchLiveDocument(context);
          }
          if (events.length > 0 && !isStopped) onEventsRef.current?.(events);
        }
      } finally {
        isDraining = false;
      }
    }

    function enqueue(item: QueuedItem) {
      queue.push(item);
      void drain();
    }

    function closeSource() {
      clearTimeout(silenceTimer);
      source?.close();
      source = null;
    }

    function stop(reason: LiveRevocation) {
      isStopped = true;
      clearTimeout(reconnectTimer);
      closeSource();
      setViewers([]);
      setRevocation(reason);
      setStatus("revoked");
    }

    // Heartbeats come every 15 s; hearing nothing for 40 s means the connection died without telling us.
    function armSilenceTimer() {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => {
        console.warn("[live] no message for 40 s; reconnecting");
        closeSource();
        scheduleReconnect();
      }, liveTiming.clientSilenceMs);
    }

    function handleMessage(message: LiveMessage) {
      switch (message.name) {
        case "change":
          if (message.event.seq <= lastSeq) return;
          lastSeq = message.event.seq;
          // This page's own change: its answer is in the cache already; reading it again would be the third time.
          if (ownChanges.take(message.event, currentUserId)) return;
          enqueue(message.event);
          return;
        case "ready":
          lastSeq = Math.max(lastSeq, message.seq);
          attempt = 0;
          setStatus("live");
          return;
        case "presence":
          setViewers(message.viewers);
          return;
        case "heartbeat":
          return;
        case "reset":
          lastSeq = message.seq;
          enqueue("reset");
          return;
        case "revoked":
          stop("noAccess");
          return;
      }
    }

    function connect() {
      clearTimeout(reconnectTimer);
      closeSource();
      if (isStopped) return;
      if (!navigator.onLine) {
        setStatus("offline");
        return;
      }
      hasOpened = false;
      const eventSource = new EventSource(`/api/documents/${encodeURIComponent(documentId)}/events?after=${lastSeq}`);
      source = eventSource;
      armSilenceTimer();
      eventSource.addEventListener("open", () => {
        hasOpened = true;
        armSilenceTimer();
      });
      for (const name of liveMessageNames) {
        eventSource.addEventListener(name, (event: MessageEvent<string>) => {
          if (source !== eventSource) return;
          armSilenceTimer();
          const message = parseLiveMessage(name, event.data);
          if (message) handleMessage(message);
          else console.error(`[live] dropped a malformed "${name}" message`, event.data);
        });
      }
      eventSource.addEventListener("error", () => {
        if (source !== eventSource) return;
        // Closing stops EventSource's own retry (which would not use our backoff nor our cursor).
        closeSource();
        scheduleReconnect();
      });
    }

    function scheduleReconnect() {
      if (isStopped) return;
      clearTimeout(reconnectTimer);
      if (!navigator.onLine) {
        setStatus("offline");
        return;
      }
      setStatus("reconnecting");
      const wasRefused = !hasOpened;
      const delay = getReconnectDelay(attempt);
      attempt += 1;
      reconnectTimer = setTimeout(() => {
        if (!wasRefused) {
          connect();
          return;
        }
        // EventSource hides the status of a refused connection: ask the JSON API whether we may still read the
        // document, so a lost session or membership ends the stream instead of retrying forever.
        apiClient.getDocument(documentId).then(
          () => connect(),
          (error: unknown) => {
            if (isStopped) return;
            if (error instanceof ApiError && error.status === 401) stop("sessionEnded");
            else if (error instanceof ApiError && error.status === 404) stop("noAccess");
            else connect();
          },
        );
      }, delay);
    }

    function onOffline() {
      if (isStopped) return;
      clearTimeout(reconnectTimer);
      closeSource();
      setViewers([]);
      setStatus("offline");
    }

    function onOnline() {
      if (isStopped) return;
      attempt = 0;
      setStatus("reconnecting");
      connect();
    }

    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    connect();
    return () => {
      isStopped = true;
      clearTimeout(reconnectTimer);
      closeSource();
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
    };
  }, [documentId, teamId, currentUserId, startSeq, queryClient]);

  return { status, viewers, revocation };
}
