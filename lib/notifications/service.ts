import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationContent, NotificationView } from "@/lib/notifications/schema";

/**
 * Queues a notification for a user inside the caller's transaction. `unsafe`: authorises nothing; services call
 * it for changes they already authorised (e.g. a moderator hiding someone's comment).
 */
export async function unsafeNotify(
  tx: Prisma.TransactionClient,
  notification: { userId: string; teamId: string | null } & NotificationContent,
): Promise<void> {
  await tx.notification.create({
    data: { userId: notification.userId, teamId: notification.teamId, kind: notification.kind, payload: notification.payload },
  });
}

/** The actor's own notifications, newest first (at most 50), with the number unread. */
export async function listNotifications(actor: Actor): Promise<{ items: NotificationView[]; unreadCount: number }> {
  const db = getDb();
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.userId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, kind: true, payload: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      // Written by unsafeNotify only, as a kind with its payload.
      ...({ kind: row.kind, payload: row.payload } as NotificationContent),
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    unreadCount,
  };
}

/** Marks all of the actor's notifications read. */
export async function markAllNotificationsRead(actor: Actor): Promise<void> {
  await getDb().notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}

/** How many of the actor's notifications are unread: for a server-rendered header's first paint of the bell. */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { userId: actor.userId, readAt: null } });
}
