import "server-only";

import { actorMembershipSelect, inMemberTeamWhere, memberTeamWhere, roleIn } from "@/lib/access/rules";
import { assertRoleCan, getTeamAccess, requireTeamAction } from "@/lib/access/team-access";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getTeamEventAudience } from "@/lib/realtime/policy";
import {
  tagLimits,
  tagNameKey,
  type CreateTagInput,
  type TagUsageView,
  type TagView,
  type TeamTagsView,
  type UpdateTagInput,
} from "@/lib/tags/schema";
import { roleCan } from "@/lib/teams/policy";

/** The tags of a team the actor belongs to, in the order they were added; a foreign team is a 404. */
export async function listTagsForTeam(actor: Actor, teamId: string): Promise<TagView[]> {
  await getTeamAccess(actor, teamId);
  return getDb().tag.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true },
  });
}

const tagUsageSelect = { id: true, name: true, color: true, _count: { select: { claims: true } } } satisfies Prisma.TagSelect;

function toTagUsageView(row: Prisma.TagGetPayload<{ select: typeof tagUsageSelect }>): TagUsageView {
  return { id: row.id, name: row.name, color: row.color, claimCount: row._count.claims };
}

/**
 * A team's tags for its tag page: each with how many claims carry it (every claim, private ones included,
 * because that is what deleting the tag touches), the team's name, and whether the actor may manage them.
 * Any member reads it; a foreign or unknown team is a 404.
 */
export async function listTagsWithUsage(actor: Actor, teamId: string): Promise<TeamTagsView> {
  if (!isId(teamId)) throw notFound("errors.teams.notFound");
  const team = await getDb().team.findFirst({
    where: { id: teamId, ...memberTeamWhere(actor) },
    select: {
      id: true,
      name: true,
      ...actorMembershipSelect(actor),
      tags: { orderBy: [{ createdAt: "asc" }, { name: "asc" }], select: tagUsageSelect },
    },
  });
  const role = roleIn(team);
  if (!team || !role) throw notFound("errors.teams.notFound");
  return {
    team: { id: team.id, name: team.name },
    items: team.tags.map(toTagUsageView),
    abilities: { canManage: roleCan(role, "tag.manage") },
  };
}

/** Tag changes are team-wide: every open document of the team re-reads its tags and claims (lib/realtime). */
function appendTagEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  teamId: string,
  type: "tag.created" | "tag.updated" | "tag.deleted",
  tagId: string,
): Promise<number> {
  return unsafeAppendLiveEvent(tx, { teamId, documentId: null, type, tagId, actorId: actor.userId, audience: getTeamEventAudience() });
}

const cannotManageTags = "errors.tags.cannotManage";

/**
 * Serialises tag writes per team for the rest of the transaction, so that two requests cannot both pass the
 * case-insensitive name check (the database's unique index only catches exact duplicates).
 */
async function lockTeamTags(tx: Prisma.TransactionClient, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`margin.tags:${teamId}`}, 0))`;
}

/** Throws a 409 naming the clash when another tag of the team has the same name, ignoring case. */
async function assertNameFree(tx: Prisma.TransactionClient, teamId: string, name: string, exceptTagId?: string): Promise<void> {
  const existing = await tx.tag.findMany({ where: { teamId }, select: { id: true, name: true } });
  const clash = existing.find((tag) => tag.id !== exceptTagId && tagNameKey(tag.name) === tagNameKey(name));
  if (clash) {
    const values = { name: clash.name };
    throw new AppError("conflict", { key: "errors.tags.nameTaken", values }, { fields: { name: { key: "errors.tags.nameExists", values } } });
  }
}

/**
 * Creates a tag in a team (moderators and owners) and records `tag.created`, in one transaction. Names are
 * unique per team ignoring case (409 otherwise); a team has at most 100 tags (422). Non-members get 404;
 * members and viewers 403.
 */
export async function createTag(actor: Actor, teamId: string, input: CreateTagInput): Promise<TagUsageView> {
  await requireTeamAction(actor, teamId, "tag.manage", cannotManageTags);
  return getDb().$transaction(async (tx) => {
    await lockTeamTags(tx, teamId);
    await assertNameFree(tx, teamId, input.name);
    if ((await tx.tag.count({ where: { teamId } })) >= tagLimits.perTeamMax) {
      throw new AppError("validation_failed", { key: "errors.tags.teamLimit", values: { maximum: tagLimits.perTeamMax } });
    }
    const tag = await tx.tag.create({ data: { teamId, name: input.name, color: input.color }, select: tagUsageSelect });
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "tag.created",
      targetType: "tag",
      targetId: tag.id,
      details: { name: tag.name, color: tag.color },
    });
    await appendTagEvent(tx, actor, teamId, "tag.created", tag.id);
    return toTagUsageView(tag);
  });
}

type TagAccess = { teamId: string; name: string; color: string; role: Role };

async function getTagAccess(actor: Actor, tagId: string): Promise<TagAccess> {
  if (!isId(tagId)) throw notFound("errors.tags.notFound");
  const tag = await getDb().tag.findFirst({
    where: { id: tagId, ...inMemberTeamWhere(actor) },
    select: { teamId: true, name: true, color: true, team: { select: actorMembershipSelect(actor) } },
  });
  const role = roleIn(tag?.team);
  if (!tag || !role) throw notFound("errors.tags.notFound");
  return { teamId: tag.teamId, name: tag.name, color: tag.color, role };
}

/**
 * Renames and/or recolours a tag (moderators and owners) and records `tag.updated` with the old and new values,
 * in one transaction. Claims keep it: they link to the tag, not its name. A case-only rename of itself is
 * allowed; clashing with another tag is a 409. Non-members get 404; members and viewers 403.
 */
export async function updateTag(actor: Actor, tagId: string, input: UpdateTagInput): Promise<TagUsageView> {
  const access = await getTagAccess(actor, tagId);
  assertRoleCan(access.role, "tag.manage", cannotManageTags);
  return getDb().$transaction(async (tx) => {
    await lockTeamTags(tx, access.teamId);
    if (input.name !== undefined) await assertNameFree(tx, access.teamId, input.name, tagId);
    const tag = await tx.tag.update({
      where: { id: tagId },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.color !== undefined ? { color: input.color } : {}) },
      select: tagUsageSelect,
    });
    await unsafeRecordAuditEvent(tx, {
      teamId: access.teamId,
      actorId: actor.userId,
      action: "tag.updated",
      targetType: "tag",
      targetId: tagId,
      details: { name: tag.name, previousName: access.name, color: tag.color, previousColor: access.color },
    });
    await appendTagEvent(tx, actor, access.teamId, "tag.updated", tagId);
    return toTagUsageView(tag);
  });
}

/**
 * Deletes a tag (moderators and owners): it comes off every claim that had it (claim_tags cascade) and
 * `tag.deleted` is recorded with its name and how many claims carried it, in one transaction.
 * Non-members get 404; members and viewers 403.
 */
export async function deleteTag(actor: Actor, tagId: string): Promise<void> {
  const access = await getTagAccess(actor, tagId);
  assertRoleCan(access.role, "tag.manage", cannotManageTags);
  await getDb().$transaction(async (tx) => {
    const claimCount = await tx.claimTag.count({ where: { tagId } });
    await tx.tag.delete({ where: { id: tagId } });
    await unsafeRecordAuditEvent(tx, {
      teamId: access.teamId,
      actorId: actor.userId,
      action: "tag.deleted",
      targetType: "tag",
      targetId: tagId,
      details: { name: access.name, color: access.color, claimCount },
    });
    await appendTagEvent(tx, actor, access.teamId, "tag.deleted", tagId);
  });
}
