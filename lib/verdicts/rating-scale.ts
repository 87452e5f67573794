import "server-only";

import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toRatingScale, type RatingScaleView } from "@/lib/verdicts/scale";

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
