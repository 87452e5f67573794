import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import type { TagView } from "@/lib/tags/schema";

/** The tags of a team the actor belongs to, in the order they were added; a foreign team is a 404. */
export async function listTagsForTeam(actor: Actor, teamId: string): Promise<TagView[]> {
  if (!isId(teamId)) throw notFound("Team not found");
  const tags = await getDb().tag.findMany({
    where: { teamId, team: { memberships: { some: { userId: actor.userId } } } },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true },
  });
  if (tags.length === 0) {
    // Distinguish "no tags" from "not a member" without leaking which teams exist.
    const isMember = await getDb().membership.count({ where: { teamId, userId: actor.userId } });
    if (!isMember) throw notFound("Team not found");
  }
  return tags;
}
