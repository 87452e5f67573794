import "server-only";

import { actorMembershipSelect, memberTeamWhere, roleIn } from "@/lib/access/rules";
import { getTeamAccess, requireTeamAction } from "@/lib/access/team-access";
import { auditRoleName, unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { defaultTags } from "@/lib/tags/colors";
import { roleCan } from "@/lib/teams/policy";
import type { MemberView, TeamAbilities, TeamSummary, TeamView } from "@/lib/teams/schema";

function getTeamAbilities(role: Role): TeamAbilities {
  return {
    canAddDocuments: roleCan(role, "document.create"),
    canInvite: roleCan(role, "team.invite"),
    canManageMembers: roleCan(role, "team.manageMembers"),
    canRename: roleCan(role, "team.rename"),
    canDelete: roleCan(role, "team.delete"),
    canTransferOwnership: roleCan(role, "team.transferOwnership"),
    canReadAuditLog: roleCan(role, "audit.read"),
    canManageTags: roleCan(role, "tag.manage"),
    canCreateClaims: roleCan(role, "claim.create"),
  };
}

/** The teams the actor belongs to, by name, with their role and sizes. */
export async function listTeamsForActor(actor: Actor): Promise<TeamSummary[]> {
  const teams = await getDb().team.findMany({
    where: memberTeamWhere(actor),
    select: {
      id: true,
      name: true,
      ...actorMembershipSelect(actor),
      _count: { select: { memberships: true, documents: true } },
    },
    orderBy: { name: "asc" },
  });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    // Present: the filter kept only teams with the actor's membership.
    role: roleIn(team)!,
    memberCount: team._count.memberships,
    documentCount: team._count.documents,
  }));
}

/** One team the actor belongs to, with what they may do in it; 404 otherwise. */
export async function getTeamForActor(actor: Actor, teamId: string): Promise<TeamView> {
  const { role } = await getTeamAccess(actor, teamId);
  const team = await getDb().team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true, createdAt: true } });
  return { id: team.id, name: team.name, role, createdAt: team.createdAt.toISOString(), abilities: getTeamAbilities(role) };
}

/** Creates a team with the actor as its owner and the default tags. */
export async function createTeam(actor: Actor, input: { name: string }): Promise<TeamView> {
  const team = await getDb().$transaction(async (tx) => {
    const created = await tx.team.create({
      data: {
        name: input.name,
        memberships: { create: { userId: actor.userId, role: "OWNER" } },
      },
      select: { id: true, name: true, createdAt: true },
    });
    // One by one, so their creation order (the order they are listed in) is defined.
    for (const tag of defaultTags) await tx.tag.create({ data: { teamId: created.id, name: tag.name, color: tag.color } });
    await unsafeRecordAuditEvent(tx, {
      teamId: created.id,
      actorId: actor.userId,
      action: "team.created",
      targetType: "team",
      targetId: created.id,
      details: { teamName: created.name },
    });
    return created;
  });
  return { id: team.id, name: team.name, role: "OWNER", createdAt: team.createdAt.toISOString(), abilities: getTeamAbilities("OWNER") };
}

/** Renames a team (owner). */
export async function renameTeam(actor: Actor, teamId: string, input: { name: string }): Promise<TeamView> {
  await getDb().$transaction(async (tx) => {
    await requireTeamAction(actor, teamId, "team.rename", "errors.teams.onlyOwnerCanRename", tx);
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    if (before.name === input.name) return;
    await tx.team.update({ where: { id: teamId }, data: { name: input.name } });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "team.renamed",
      targetType: "team",
      targetId: teamId,
      details: { from: before.name, to: input.name },
    });
  });
  return getTeamForActor(actor, teamId);
}

/**
 * Deletes a team and everything in it (documents, claims, threads, tags, invites). The owner must type the
 * team's name to confirm. The audit event survives with teamId null, as the record of the deletion.
 */
export async function deleteTeam(actor: Actor, teamId: string, input: { confirmName: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await requireTeamAction(actor, teamId, "team.delete", "errors.teams.onlyOwnerCanDelete", tx);
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    if (input.confirmName.trim() !== team.name) {
      throw new AppError("validation_failed", "errors.teams.confirmNameMismatch", {
        fields: { confirmName: "errors.teams.notTheTeamName" },
      });
    }
    await unsafeRecordAuditEvent(tx, {
      teamId: null,
      actorId: actor.userId,
      action: "team.deleted",
      targetType: "team",
      targetId: teamId,
      details: { teamName: team.name },
    });
    await tx.team.delete({ where: { id: teamId } });
  });
}

/** The members of a team, owner first then by name. Emails only for those who manage members or invite. */
export async function listMembers(actor: Actor, teamId: string): Promise<MemberView[]> {
  const { role } = await getTeamAccess(actor, teamId);
  const showEmails = roleCan(role, "team.invite") || roleCan(role, "team.manageMembers");
  const memberships = await getDb().membership.findMany({
    where: { teamId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const rank = { OWNER: 0, MODERATOR: 1, MEMBER: 2, VIEWER: 3 } as const;
  return memberships
    .map((membership) => ({
      userId: membership.user.id,
      name: membership.user.name,
      email: showEmails ? membership.user.email : null,
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
      isYou: membership.user.id === actor.userId,
    }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
}

async function getOtherMember(tx: Prisma.TransactionClient, teamId: string, userId: string) {
  if (!isId(userId)) throw notFound("errors.teams.memberNotFound");
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!membership) throw notFound("errors.teams.memberNotFound");
  return membership;
}

/**
 * Changes a member's role (owner). The owner's own role only changes by transferring ownership, and OWNER is
 * never assigned here. Takes effect on the member's next request (roles are read per request).
 */
export async function changeMemberRole(actor: Actor, teamId: string, userId: string, input: { role: "MODERATOR" | "MEMBER" | "VIEWER" }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await requireTeamAction(actor, teamId, "team.manageMembers", "errors.teams.onlyOwnerCanChangeRoles", tx);
    if (userId === actor.userId) throw new AppError("forbidden", "errors.teams.giveUpOwnershipByTransfer");
    const member = await getOtherMember(tx, teamId, userId);
    if (member.role === "OWNER") throw new AppError("forbidden", "errors.teams.ownerRoleOnlyByTransfer");
    if (member.role === input.role) return;
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: input.role } });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "member.role_changed",
      targetType: "member",
      targetId: userId,
      details: { userName: member.user.name, from: auditRoleName(member.role), to: auditRoleName(input.role) },
    });
  });
}

/** Removes a member (owner). They lose access on their very next request. Their claims and comments stay. */
export async function removeMember(actor: Actor, teamId: string, userId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await requireTeamAction(actor, teamId, "team.manageMembers", "errors.teams.onlyOwnerCanRemoveMembers", tx);
    if (userId === actor.userId) throw new AppError("forbidden", "errors.teams.leaveByTransferFirst");
    const member = await getOtherMember(tx, teamId, userId);
    if (member.role === "OWNER") throw new AppError("forbidden", "errors.teams.ownerCannotBeRemoved");
    await tx.membership.delete({ where: { teamId_userId: { teamId, userId } } });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "member.removed",
      targetType: "member",
      targetId: userId,
      details: { userName: member.user.name, role: auditRoleName(member.role) },
    });
  });
}

/** Leaves a team. The owner must transfer ownership first, so a team always has one. */
export async function leaveTeam(actor: Actor, teamId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { role } = await getTeamAccess(actor, teamId, tx);
    if (role === "OWNER") throw new AppError("conflict", "errors.teams.transferBeforeLeaving");
    await tx.membership.delete({ where: { teamId_userId: { teamId, userId: actor.userId } } });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "member.left",
      targetType: "member",
      targetId: actor.userId,
      details: { userName: actor.name, role: auditRoleName(role) },
    });
  });
}

/** Makes another member the owner; the previous owner becomes a moderator. */
export async function transferOwnership(actor: Actor, teamId: string, userId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await requireTeamAction(actor, teamId, "team.transferOwnership", "errors.teams.onlyOwnerCanTransfer", tx);
    if (userId === actor.userId) throw new AppError("validation_failed", "errors.teams.chooseAnotherMember");
    const member = await getOtherMember(tx, teamId, userId);
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: "OWNER" } });
    await tx.membership.update({ where: { teamId_userId: { teamId, userId: actor.userId } }, data: { role: "MODERATOR" } });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "team.ownership_transferred",
      targetType: "member",
      targetId: userId,
      details: { userName: member.user.name, previousRole: auditRoleName(member.role) },
    });
  });
}
