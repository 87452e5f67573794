import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/** The team `npm start` seeds; in demo mode (MARGIN_DEMO=1) new accounts join it as members. */
export const demoTeamName = "Demo newsroom";

/**
 * Adds a user to the demo team as a MEMBER. `unsafe`: it authorises nothing, because it is only called while
 * creating that very user's account in demo mode (lib/auth/users.ts).
 */
export async function unsafeJoinDemoTeam(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const team = await tx.team.findFirst({ where: { name: demoTeamName }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!team) return;
  await tx.membership.create({ data: { teamId: team.id, userId, role: "MEMBER" } });
}
