import { AppError } from "@/lib/errors";
import type { ClaimVisibility } from "@/lib/generated/prisma/enums";
import type { ClaimVisibilityName } from "@/lib/claims/schema";
import { tagNameKey, type TagView } from "@/lib/tags/schema";

/**
 * The team's tags that `names` refer to (case-insensitively, duplicates once), or a 422 naming the unknown ones.
 * Claims name their tags; the database links them by id.
 */
export function resolveTags(teamTags: readonly TagView[], names: readonly string[]): TagView[] {
  const byName = new Map(teamTags.map((tag) => [tagNameKey(tag.name), tag]));
  const unknown = names.filter((name) => !byName.has(tagNameKey(name)));
  if (unknown.length > 0) {
    const names = unknown.join(", ");
    throw new AppError("validation_failed", { key: "errors.claims.unknownTags", values: { count: unknown.length, names } }, {
      fields: { tags: { key: "errors.claims.notTeamTags", values: { names } } },
    });
  }
  return [...new Map(names.map((name) => [tagNameKey(name), byName.get(tagNameKey(name))!])).values()];
}

/** The API's visibility name as stored. */
export function toDatabaseVisibility(visibility: ClaimVisibilityName): ClaimVisibility {
  return visibility === "private" ? "PRIVATE" : "TEAM";
}
