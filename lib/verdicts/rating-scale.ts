import "server-only";

import { getTeamAccess, requireTeamAction } from "@/lib/access/team-access";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { roleCan } from "@/lib/teams/policy";
import { toRatingScale, type RatingScaleView } from "@/lib/verdicts/scale";
import type { TeamRatingScaleView, UpdateRatingScaleInput } from "@/lib/verdicts/schema";

/**
 * The rating scale of team `teamId` (its rows, or the default). Reads without authorising: callers have
 * already checked that the actor may see the team (lib/access), or publish what it rates.
 */
export async function readRatingScale(teamId: string, db: Prisma.TransactionClient = getDb()): Promise<RatingScaleView> {
  const rows = await db.rating.findMany({
    where: { teamId },
    select: { key: true, label: true, color: true, position: true, scored: true },
  });
  return toRatingScale(rows);
}

/** A team's rating scale, for any of its members (404 for anyone else), and whether the actor may edit it. */
export async function getTeamRatingScale(actor: Actor, teamId: string): Promise<TeamRatingScaleView> {
  const { role } = await getTeamAccess(actor, teamId);
  return { ...(await readRatingScale(teamId)), abilities: { canManage: roleCan(role, "rating.manage") } };
}

/**
 * Sets the labels and colours of a team's rating scale (owners only: moderators, members and viewers 403;
 * non-members 404). The ratings must be the scale's own keys in its order (422 naming `ratings` otherwise):
 * a rating's place is its number in ClaimReview, and published verdicts name their rating by key, so neither
 * may change under them. The rows are replaced in one transaction with the audit record.
 */
export async function updateRatingScale(actor: Actor, teamId: string, input: UpdateRatingScaleInput): Promise<TeamRatingScaleView> {
  await requireTeamAction(actor, teamId, "rating.manage", "errors.ratings.cannotManage");
  await getDb().$transaction(async (tx) => {
    // Two owners' edits (an owner in two tabs) apply one after the other, each against the scale it replaces.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`margin.ratings:${teamId}`}, 0))`;
    const current = await readRatingScale(teamId, tx);
    const keys = current.ratings.map((rating) => rating.key);
    const given = input.ratings.map((rating) => rating.key);
    if (given.length !== keys.length || given.some((key, index) => key !== keys[index])) {
      const message = { key: "errors.ratings.keysMustMatch", values: { keys: keys.join(", ") } } as const;
      throw new AppError("validation_failed", message, { fields: { ratings: message } });
    }
    await tx.rating.deleteMany({ where: { teamId } });
    await tx.rating.createMany({
      data: input.ratings.map((rating, position) => ({
        teamId,
        key: rating.key,
        label: rating.label,
        color: rating.color,
        position,
        scored: current.ratings[position]?.scored ?? true,
      })),
    });
    await unsafeRecordAuditEvent(tx, { teamId, actorId: actor.userId, action: "ratings.updated", targetType: "team", targetId: teamId });
  });
  return getTeamRatingScale(actor, teamId);
}
