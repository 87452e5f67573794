import { useFormatter, useTranslations } from "next-intl";

import type { AuditEventView } from "@/lib/audit/service";
import type { TeamRoleName } from "@/lib/teams/schema";

const teamRoles: readonly TeamRoleName[] = ["OWNER", "MODERATOR", "MEMBER", "VIEWER"];
const dateTimeStyle = { dateStyle: "medium", timeStyle: "short" } as const;

/** The role a detail names: stored as the value ("MEMBER") or, in older events, as its English label ("Member"). */
function toRole(value: unknown): TeamRoleName | null {
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  return teamRoles.find((role) => role === upper) ?? null;
}

/** A stored time: ISO 8601, or "2025-01-31 14:05 UTC" as invitation events store it. */
function toDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC$/u, "$1T$2Z"));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * One audit event as a sentence in the interface language ("Alice changed Bob's role from Member to Moderator"):
 * a message per event type, with the actor, the names and roles from the event's details as arguments, and its
 * times through the formatter. Names are arguments, never markup: React renders them as text.
 */
export function AuditEventSentence({ event }: { event: Pick<AuditEventView, "action" | "actor" | "details"> }) {
  const t = useTranslations("audit");
  const roleName = useTranslations("roles");
  const format = useFormatter();
  const { details } = event;
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : t("unknown"));
  const role = (key: string) => {
    const value = toRole(details[key]);
    return value ? roleName(value) : text(key);
  };
  const time = (key: string) => {
    const date = toDate(details[key]);
    return date ? format.dateTime(date, dateTimeStyle) : text(key);
  };
  const isRoleChange = event.action === "member.role_changed";
  return t.rich(`events.${event.action}`, {
    b: (chunks) => <span className="font-medium text-stone-900">{chunks}</span>,
    actor: event.actor?.name ?? t("deletedUser"),
    teamName: text("teamName"),
    userName: text("userName"),
    authorName: text("authorName"),
    name: text("name"),
    reason: text("reason"),
    from: isRoleChange ? role("from") : text("from"),
    to: isRoleChange ? role("to") : text("to"),
    role: role("role"),
    expiresAt: time("expiresAt"),
    withInvite: details.inviteId ? "yes" : "no",
  });
}

/** When an audit event happened, in the interface language and the server's time zone. */
export function AuditEventTime({ createdAt }: { createdAt: string }) {
  const format = useFormatter();
  return <time dateTime={createdAt}>{format.dateTime(new Date(createdAt), dateTimeStyle)}</time>;
}
