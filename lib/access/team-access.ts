import "server-only";

import { memberJoinSql, type AccessSubject } from "@/lib/access/rules";
import { getDb, getPool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MessageInput } from "@/lib/i18n/localized-message";
import { isId } from "@/lib/ids";
import { roleCan, type TeamAction } from "@/lib/teams/policy";

/** What the actor may reach in a team: which team, and their role in it. */
export type TeamAccess = { teamId: string; role: Role };

/** What the actor may reach of a document: the document, its team, and their role in that team. */
export type DocumentAccess = TeamAccess & { documentId: string };

/**
 * The actor's role in a team, or null when they are not a member (or the id is malformed). For the few callers
 * that must tell "not a member" from an error themselves (joining a team); everything else uses `getTeamAccess`.
 */
export async function findRoleInTeam(actor: AccessSubject, teamId: string, db: Prisma.TransactionClient = getDb()): Promise<Role | null> {
  if (!isId(teamId)) return null;
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId: actor.userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/**
 * The actor's access to a team. Not a member, a missing team and a malformed id are the same 404, so nobody
 * learns which teams exist. Pass a transaction to read the membership inside it.
 */
export async function getTeamAccess(actor: AccessSubject, teamId: string, db: Prisma.TransactionClient = getDb()): Promise<TeamAccess> {
  const role = await findRoleInTeam(actor, teamId, db);
  if (!role) throw notFound("errors.teams.notFound");
  return { teamId, role };
}

/** Throws a 403 with `message` unless `role` grants `action`. */
export function assertRoleCan(role: Role, action: TeamAction, message: MessageInput): void {
  if (!roleCan(role, action)) throw new AppError("forbidden", message);
}

/** The actor's access to a team, if their role grants `action`: 404 for non-members, 403 for members whose role does not. */
export async function requireTeamAction(
  actor: AccessSubject,
  teamId: string,
  action: TeamAction,
  message: MessageInput,
  db: Prisma.TransactionClient = getDb(),
): Promise<TeamAccess> {
  const access = await getTeamAccess(actor, teamId, db);
  assertRoleCan(access.role, action, message);
  return access;
}

/**
 * The actor's access to a document: its team and their role there; the same 404 as a missing id for anyone who is
 * not a member of its team. One indexed statement, prepared on the pool: it runs on the hot paths (listing
 * claims, the live stream, the page's live cursor).
 */
export async function getDocumentAccess(actor: AccessSubject, documentId: string): Promise<DocumentAccess> {
  if (!isId(documentId)) throw notFound("errors.documents.notFound");
  const { rows } = await getPool().query<{ teamId: string; role: Role }>({
    name: "access-document",
    text: `SELECT d.team_id AS "teamId", m.role::text AS role
           FROM documents d ${memberJoinSql("d.team_id", "$2")}
           WHERE d.id = $1`,
    values: [documentId, actor.userId],
  });
  const row = rows[0];
  if (!row) throw notFound("errors.documents.notFound");
  return { documentId, teamId: row.teamId, role: row.role };
}
