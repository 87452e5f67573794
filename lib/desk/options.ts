import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { listDocumentsForTeam } from "@/lib/documents/service";
import { listTagsForTeam } from "@/lib/tags/service";
import type { TagView } from "@/lib/tags/schema";
import { listMembers } from "@/lib/teams/service";
import { readRatingScale } from "@/lib/verdicts/rating-scale";
import type { RatingView } from "@/lib/verdicts/scale";

/** What the desk's filters offer: the team's documents, tags, members and rating scale. */
export type DeskFilterOptions = {
  documents: { id: string; title: string }[];
  tags: TagView[];
  members: { id: string; name: string }[];
  ratings: RatingView[];
};

/**
 * The choices of the desk's filter bar, for a member of the team (404 otherwise: each list is read through its
 * own service, which checks membership). The rating scale is read once membership is known.
 */
export async function getDeskFilterOptions(actor: Actor, teamId: string): Promise<DeskFilterOptions> {
  const [documents, tags, members] = await Promise.all([
    listDocumentsForTeam(actor, teamId),
    listTagsForTeam(actor, teamId),
    listMembers(actor, teamId),
  ]);
  const scale = await readRatingScale(teamId);
  return {
    documents: documents.map(({ id, title }) => ({ id, title })),
    tags,
    members: members.map(({ userId, name }) => ({ id: userId, name })),
    ratings: scale.ratings,
  };
}
