import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { roleCan, type TeamAction } from "@/lib/teams/policy";

/**
 * The actor's role in a team. Not a member, a missing team and a malformed id are the same 404, so nobody learns
 * which teams exist.
 */
export async function getRoleInTeam(actor: Actor, teamId: string, db: Prisma.TransactionClient = getDb()): Promise<Role> {
  if (!isId(teamId)) throw notFound("Team not found");
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId: actor.userId } },
    select: { role: true },
  });
  if (!membership) throw notFound("Team not found");
  return membership.role;
}

/** The actor's role in a team, if it grants `action`: 404 for non-members, 403 for members whose role does not. */
export async function requireTeamAction(
  actor: Actor,
  teamId: string,
  action: TeamAction,
  message: string,
  db: Prisma.TransactionClient = getDb(),
): Promise<Role> {
  const role = await getRoleInTeam(actor, teamId, db);
  if (!roleCan(role, action)) throw new AppError("forbidden", message);
  return role;
}
