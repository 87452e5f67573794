import "server-only";

import { actorMembershipSelect, roleIn } from "@/lib/access/rules";
import { findRoleInTeam, requireTeamAction } from "@/lib/access/team-access";
import { auditRoleName, unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { consumeJoinCodeAttempt } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { formatInviteCode, generateInviteCode, normalizeInviteCode } from "@/lib/invites/code";
import type { CreateInviteInput, InvitePreview, InviteStatus, InviteView } from "@/lib/invites/schema";
import { getInvitableRoles } from "@/lib/teams/policy";

type InvitableRole = "MODERATOR" | "MEMBER" | "VIEWER";

const invalidInvitation = "errors.invites.notValid";

function getInviteStatus(invite: { revokedAt: Date | null; expiresAt: Date; maxUses: number | null; useCount: number }, now = new Date()): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.useCount >= invite.maxUses) return "used_up";
  return "active";
}

/** Creates an invitation (owners and moderators); the role must be one the creator may hand out. */
export async function createInvite(actor: Actor, teamId: string, input: CreateInviteInput): Promise<InviteView> {
  return getDb().$transaction(async (tx) => {
    const { role } = await requireTeamAction(actor, teamId, "team.invite", "errors.invites.cannotInvite", tx);
    if (!getInvitableRoles(role).includes(input.role)) {
      throw new AppError("forbidden", { key: "errors.invites.cannotInviteRole", values: { role: { key: `roles.${input.role}`, lowercase: true } } });
    }
    const expiresAt = new Date(Date.now() + input.expiresInHours * 3600 * 1000);
    const invite = await tx.invite.create({
      data: { teamId, createdById: actor.userId, role: input.role, code: generateInviteCode(), expiresAt, maxUses: input.maxUses ?? null },
      select: inviteSelect,
    });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "invite.created",
      targetType: "invite",
      targetId: invite.id,
      details: { role: auditRoleName(input.role), expiresAt: expiresAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" },
    });
    return toInviteView(invite, role);
  });
}

const inviteSelect = {
  id: true,
  code: true,
  role: true,
  expiresAt: true,
  revokedAt: true,
  maxUses: true,
  useCount: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.InviteSelect;

function toInviteView(invite: Prisma.InviteGetPayload<{ select: typeof inviteSelect }>, viewerRole: Role): InviteView {
  const role = invite.role as InvitableRole;
  const status = getInviteStatus(invite);
  return {
    id: invite.id,
    code: formatInviteCode(invite.code),
    path: `/join/${formatInviteCode(invite.code)}`,
    role,
    status,
    expiresAt: invite.expiresAt.toISOString(),
    maxUses: invite.maxUses,
    useCount: invite.useCount,
    createdBy: invite.createdBy,
    createdAt: invite.createdAt.toISOString(),
    canRevoke: status === "active" && getInvitableRoles(viewerRole).includes(role),
  };
}

/** A team's invitations, newest first: active ones and the 20 most recent others (owners and moderators). */
export async function listInvitesForTeam(actor: Actor, teamId: string): Promise<InviteView[]> {
  const { role } = await requireTeamAction(actor, teamId, "team.invite", "errors.invites.cannotSeeInvitations");
  const invites = await getDb().invite.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: inviteSelect,
  });
  const views = invites.map((invite) => toInviteView(invite, role));
  return [...views.filter((view) => view.status === "active"), ...views.filter((view) => view.status !== "active").slice(0, 20)];
}

/** Revokes an invitation; it stops working at once. Owners and moderators (for roles they may invite). */
export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  if (!isId(inviteId)) throw notFound("errors.invites.notFound");
  await getDb().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: inviteId }, select: { teamId: true, role: true, revokedAt: true } });
    if (!invite) throw notFound("errors.invites.notFound");
    // Non-members get the same 404 as for a missing invitation.
    const { role } = await requireTeamAction(actor, invite.teamId, "team.invite", "errors.invites.cannotRevokeInvitations", tx).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") throw notFound("errors.invites.notFound");
      throw error;
    });
    if (!getInvitableRoles(role).includes(invite.role)) throw new AppError("forbidden", "errors.invites.cannotRevokeThis");
    if (invite.revokedAt) return;
    await tx.invite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    await unsafeRecordAuditEvent(tx, {
      teamId: invite.teamId,
      actorId: actor.userId,
      action: "invite.revoked",
      targetType: "invite",
      targetId: inviteId,
      details: { role: auditRoleName(invite.role) },
    });
  });
}

/**
 * What an invitation code leads to, for the join page. Any invalid, expired, revoked or used-up code is the same
 * 404, so codes cannot be probed for teams.
 */
export async function getInvitePreview(actor: Actor, rawCode: string): Promise<InvitePreview> {
  // Every look-up counts against the actor's budget, so codes cannot be guessed by brute force.
  await consumeJoinCodeAttempt(actor.userId);
  const code = normalizeInviteCode(rawCode);
  if (!code) throw notFound(invalidInvitation);
  const invite = await getDb().invite.findUnique({
    where: { code },
    select: {
      role: true,
      expiresAt: true,
      revokedAt: true,
      maxUses: true,
      useCount: true,
      teamId: true,
      team: { select: { name: true, ...actorMembershipSelect(actor) } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invite || getInviteStatus(invite) !== "active") throw notFound(invalidInvitation);
  return {
    teamId: invite.teamId,
    teamName: invite.team.name,
    role: invite.role as InvitableRole,
    invitedBy: invite.createdBy.name,
    expiresAt: invite.expiresAt.toISOString(),
    isAlreadyMember: roleIn(invite.team) !== null,
  };
}

/**
 * Joins the team an invitation is for. Using the invitation and creating the membership happen in one
 * transaction; the use is counted atomically, so a limited invitation cannot be over-used by a race. Someone
 * who is already a member stays as they are (and uses nothing).
 */
export async function acceptInvite(actor: Actor, rawCode: string): Promise<{ teamId: string; role: Role; alreadyMember: boolean }> {
  await consumeJoinCodeAttempt(actor.userId);
  const code = normalizeInviteCode(rawCode);
  if (!code) throw notFound(invalidInvitation);
  return getDb().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { code }, select: { id: true, teamId: true } });
    if (!invite) throw notFound(invalidInvitation);
    const existingRole = await findRoleInTeam(actor, invite.teamId, tx);
    if (existingRole) return { teamId: invite.teamId, role: existingRole, alreadyMember: true };
    const used = await tx.$queryRaw<{ role: Role }[]>`
      UPDATE invites SET use_count = use_count + 1
      WHERE id = ${invite.id}::uuid AND revoked_at IS NULL AND expires_at > now()
        AND (max_uses IS NULL OR use_count < max_uses)
      RETURNING role::text AS role`;
    const role = used[0]?.role;
    if (!role) throw notFound(invalidInvitation);
    await tx.membership.create({ data: { teamId: invite.teamId, userId: actor.userId, role } });
    await unsafeRecordAuditEvent(tx, {
      teamId: invite.teamId,
      actorId: actor.userId,
      action: "member.joined",
      targetType: "member",
      targetId: actor.userId,
      details: { userName: actor.name, role: auditRoleName(role), inviteId: invite.id },
    });
    return { teamId: invite.teamId, role, alreadyMember: false };
  });
}
