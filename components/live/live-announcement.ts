import { createTranslator } from "next-intl";

import type { ClaimView } from "@/lib/claims/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import type { LiveEventView } from "@/lib/realtime/schema";

/**
 * What the page's polite live region says about what others did, a burst at a time: changes are collected until
 * the stream has been quiet for `quietMs` (or `maxWaitMs` after the first, so a steady stream is still heard),
 * then said in one go: "2 new claims from Bob Test." rather than a sentence per change. Pure; the timer is
 * components/live/use-live-announcer.ts's.
 */
export const announcementTiming = { quietMs: 1_000, maxWaitMs: 4_000 } as const;

export type PendingAnnouncement = {
  /** When the burst's first change arrived (ms); null while nothing is pending. */
  since: number | null;
  /** Claims others created, in order of arrival. */
  createdClaimIds: readonly string[];
  /** Comments others posted, with who posted them (null: not known). */
  comments: readonly { claimId: string; actorId: string | null }[];
  /** Claims others deleted. */
  deletedClaimIds: readonly string[];
};

export const nothingPending: PendingAnnouncement = { since: null, createdClaimIds: [], comments: [], deletedClaimIds: [] };

/** Adds a batch of live changes to what is pending; the reader's own changes (from any tab) are not announced. */
export function addLiveEvents(
  pending: PendingAnnouncement,
  events: readonly LiveEventView[],
  { currentUserId, now }: { currentUserId: string; now: number },
): PendingAnnouncement {
  const byOthers = events.filter((event) => event.actorId !== currentUserId && event.claimId !== null);
  const created = byOthers.filter((event) => event.type === "claim.created").map((event) => event.claimId!);
  const comments = byOthers.filter((event) => event.type === "comment.created").map((event) => ({ claimId: event.claimId!, actorId: event.actorId }));
  const deleted = byOthers.filter((event) => event.type === "claim.deleted").map((event) => event.claimId!);
  if (created.length + comments.length + deleted.length === 0) return pending;
  return {
    since: pending.since ?? now,
    createdClaimIds: [...new Set([...pending.createdClaimIds, ...created])],
    comments: [...pending.comments, ...comments],
    deletedClaimIds: [...new Set([...pending.deletedClaimIds, ...deleted])],
  };
}

/** How long to wait before saying what is pending, counted from a change that arrived `now`; null: nothing pending. */
export function getAnnouncementDelay(pending: PendingAnnouncement, now: number): number | null {
  if (pending.since === null) return null;
  return Math.max(0, Math.min(announcementTiming.quietMs, pending.since + announcementTiming.maxWaitMs - now));
}

export type AnnouncementContext = {
  locale: Locale;
  messages: Messages;
  /** The claims list once the changes were applied: a claim this reader may not see is not in it, and not announced. */
  claims: readonly ClaimView[];
  /** Who a user is, as far as the page knows (authors of claims and comments, people viewing); undefined: not known. */
  nameOf: (userId: string) => string | undefined;
};

/** Shortens a quote for a spoken announcement. */
function shortenQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One polite announcement for what is pending, or null when there is nothing worth saying. A claim created and
 * deleted within the burst is not mentioned at all, nor are comments on it.
 */
export function describeAnnouncement(pending: PendingAnnouncement, { locale, messages, claims, nameOf }: AnnouncementContext): string | null {
  const t = createTranslator({ locale, messages, namespace: "reader.live" });
  const listFormat = new Intl.ListFormat(locale, { type: "conjunction" });
  const unique = (names: string[]) => [...new Set(names)];
  const deleted = new Set(pending.deletedClaimIds);
  const created = pending.createdClaimIds
    .filter((claimId) => !deleted.has(claimId))
    .map((claimId) => claims.find((claim) => claim.id === claimId))
    .filter((claim) => claim !== undefined);
  const comments = pending.comments.filter((comment) => !deleted.has(comment.claimId));
  const deletedCount = pending.deletedClaimIds.filter((claimId) => !pending.createdClaimIds.includes(claimId)).length;

  const sentences: string[] = [];
  if (created.length === 1) {
    const [claim] = created;
    const quote = claim!.target?.selector[0].exact;
    sentences.push(quote ? t("claimQuoted", { name: claim!.author.name, quote: shortenQuote(quote) }) : t("claimUnquoted", { name: claim!.author.name }));
  } else if (created.length > 1) {
    sentences.push(t("claims", { count: created.length, names: listFormat.format(unique(created.map((claim) => claim.author.name))) }));
  }
  if (comments.length > 0) {
    const names = comments.map((comment) => (comment.actorId === null ? undefined : nameOf(comment.actorId)));
    sentences.push(
      names.every((name) => name !== undefined)
        ? t("comments", { count: comments.length, names: listFormat.format(unique(names)) })
        : t("commentsUnattributed", { count: comments.length }),
    );
  }
  if (deletedCount > 0) sentences.push(t("deleted", { count: deletedCount }));
  return sentences.length > 0 ? sentences.join(" ") : null;
}
