import "server-only";

import { requireTeamAction } from "@/lib/access/team-access";
import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";
import { describeAuditEvent } from "@/lib/audit/actions";
import { parseAuditCursor } from "@/lib/audit/schema";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { renderEnglish } from "@/lib/i18n/localized-message";

/**
 * A role as audit details have always stored it: its English name ("Member"), from the `roles` messages. The
 * audit page words it in the reader's language (components/teams/audit-event-sentence.tsx reads either form).
 */
export function auditRoleName(role: Role): string {
  return renderEnglish({ key: `roles.${role}` });
}

export type AuditEventInput = {
  teamId: string | null;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/**
 * Writes one audit event inside the caller's transaction, so the record and the change it describes commit or
 * roll back together. `unsafe`: it authorises nothing; only services that already authorised the change call it.
 */
export async function unsafeRecordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
    },
  });
}

export type AuditEventView = {
  id: string;
  action: AuditAction;
  actor: { id: string; name: string } | null;
  targetType: string;
  targetId: string | null;
  summary: string;
  details: Record<string, unknown>;
  createdAt: string;
};

/**
 * A page of a team's audit log, newest first; only the owner reads it (others: 403; non-members: 404).
 * Pass the previous page's `nextBefore` as `before` for the next page.
 */
export async function listAuditEvents(
  actor: Actor,
  teamId: string,
  options: { before?: string; limit?: number } = {},
): Promise<{ items: AuditEventView[]; nextBefore: string | null }> {
  await requireTeamAction(actor, teamId, "audit.read", "errors.teams.onlyOwnerCanReadAuditLog");
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const cursor = parseAuditCursor(options.before);
  const rows = await getDb().auditEvent.findMany({
    where: {
      teamId,
      // Keyset paging on (createdAt, id): events in the same millisecond are neither skipped nor repeated.
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      details: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => {
      const details = (row.details ?? {}) as Record<string, unknown>;
      const action = row.action as AuditAction;
      return {
        id: row.id,
        action,
        actor: row.actor,
        targetType: row.targetType,
        targetId: row.targetId,
        summary: describeAuditEvent(action, details),
        details,
        createdAt: row.createdAt.toISOString(),
      };
    }),
    nextBefore: rows.length > limit && page.length > 0 ? `${page.at(-1)!.createdAt.toISOString()}_${page.at(-1)!.id}` : null,
  };
}
