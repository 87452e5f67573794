"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useState } from "react";

import { notificationsQueryKey } from "@/components/notifications/notifications-query";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { apiClient } from "@/lib/api/client";
import type { NotificationView } from "@/lib/notifications/schema";

type NotificationPage = { items: NotificationView[]; unreadCount: number };

/** Where a notification leads: the document, with the claim open. */
function notificationHref(notification: NotificationView): string {
  const { documentId, claimId } = notification.payload;
  return `/documents/${encodeURIComponent(documentId)}?claim=${encodeURIComponent(claimId)}`;
}

/**
 * The signed-in user's notifications: a "Notifications" button with the unread count, opening a popover that
 * lists them (newest first) and marks them all read. Self-contained: it fetches its own data and refreshes
 * every minute, when the tab regains focus, and when a document's live stream brings `notification.created`
 * (components/live/apply-live-events.ts invalidates its query). `initialUnreadCount` (optional) avoids a zero flashing before
 * the first fetch when the server already knows the count.
 */
export function NotificationBell({ initialUnreadCount }: { initialUnreadCount?: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  // Unread when the popover opened: they stay marked "new" while it is open, though the server has them read.
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const notifications = useQuery({
    queryKey: notificationsQueryKey,
    queryFn: apiClient.listNotifications,
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: apiClient.markNotificationsRead,
    onSuccess: () => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationPage>(notificationsQueryKey, (page) =>
        page ? { items: page.items.map((item) => ({ ...item, readAt: item.readAt ?? now })), unreadCount: 0 } : page,
      );
    },
  });

  const unreadCount = notifications.data?.unreadCount ?? initialUnreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  /** One line a person can read: who mentioned them where, or who hid which of their texts, where, and why. */
  function describe(notification: NotificationView): string {
    if (notification.kind === "comment.mentioned") {
      const { commenterName, documentTitle, excerpt } = notification.payload;
      return t("commentMentioned", { commenter: commenterName, document: documentTitle, excerpt });
    }
    if (notification.kind === "claims.needAttention") {
      const { editorName, documentTitle, version, changed, orphaned } = notification.payload;
      return t("claimsNeedAttention", { editor: editorName, document: documentTitle, version, changed, orphaned });
    }
    const { payload } = notification;
    const values = { moderator: payload.moderatorName, excerpt: payload.excerpt, document: payload.documentTitle, reason: payload.reason };
    return notification.kind === "claim.hidden" ? t("claimHidden", values) : t("commentHidden", values);
  }

  async function open() {
    const { data } = await notifications.refetch();
    const unread = (data?.items ?? []).filter((item) => item.readAt === null);
    setFreshIds(new Set(unread.map((item) => item.id)));
    if ((data?.unreadCount ?? 0) > 0) markRead.mutate();
  }

  return (
    <Popover.Root
      open={isOpen}
      onOpenChange={(next) => {
        setIsOpen(next);
        if (next) void open();
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={unreadCount > 0 ? t("triggerUnread", { count: unreadCount }) : t("title")}
          className="relative inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
            <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Z" strokeLinejoin="round" />
            <path d="M8 15.5a2 2 0 0 0 4 0" strokeLinecap="round" />
          </svg>
          {unreadCount > 0 ? (
            <span aria-hidden className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-semibold text-white">
              {unreadCount > 99 ? `${format.number(99)}+` : format.number(unreadCount)}
            </span>
          ) : null}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          aria-label={t("title")}
          className="z-50 w-[min(92vw,24rem)] rounded-lg border border-stone-200 bg-white p-3 shadow-xl focus-visible:outline-none"
        >
          <h2 className="mb-2 text-sm font-semibold text-stone-900">{t("title")}</h2>
          {notifications.isPending ? (
            <Spinner label={t("loading")} />
          ) : notifications.isError ? (
            <Alert>{t("loadFailed", { message: notifications.error.message })}</Alert>
          ) : items.length === 0 ? (
            <p className="text-sm text-stone-500">{t("empty")}</p>
          ) : (
            <ul className="-mx-1 flex max-h-96 flex-col overflow-y-auto" aria-label={t("listLabel")}>
              {items.map((item) => {
                const isFresh = freshIds.has(item.id) || item.readAt === null;
                return (
                  <li key={item.id}>
                    <Link
                      href={notificationHref(item)}
                      onClick={() => setIsOpen(false)}
                      className={cn(
                        "flex flex-col gap-0.5 rounded-md px-2 py-2 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-sky-600",
                        isFresh ? "text-stone-900" : "text-stone-600",
                      )}
                    >
                      <span className="break-words">
                        {isFresh ? (
                          <span className="mr-1.5 inline-block size-2 rounded-full bg-red-700 align-middle" aria-label={t("new")} role="img" />
                        ) : null}
                        {describe(item)}
                      </span>
                      <span className="text-xs text-stone-500">
                        <RelativeTime iso={item.createdAt} />
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          {markRead.isError ? <Alert className="mt-2">{t("markReadFailed", { message: markRead.error.message })}</Alert> : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
