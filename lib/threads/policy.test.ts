import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/generated/prisma/enums";
import { getCommentAbilities } from "@/lib/threads/policy";
import type { CommentAbilities } from "@/lib/threads/schema";

const actor = "00000000-0000-4000-8000-00000000000a";
const someoneElse = "00000000-0000-4000-8000-00000000000b";
const deletedAt = new Date("2024-01-02T03:04:05Z");

type Case = { role: Role; author: "actor" | "other"; deleted: boolean; abilities: CommentAbilities };

const ability = (canEdit: boolean, canDelete: boolean, canReply: boolean): CommentAbilities => ({ canEdit, canDelete, canReply });

describe("getCommentAbilities", () => {
  it.each<Case>([
    { role: "OWNER", author: "actor", deleted: false, abilities: ability(true, true, true) },
    { role: "OWNER", author: "other", deleted: false, abilities: ability(false, true, true) },
    { role: "MODERATOR", author: "actor", deleted: false, abilities: ability(true, true, true) },
    { role: "MODERATOR", author: "other", deleted: false, abilities: ability(false, true, true) },
    { role: "MEMBER", author: "actor", deleted: false, abilities: ability(true, true, true) },
    { role: "MEMBER", author: "other", deleted: false, abilities: ability(false, false, true) },
    { role: "VIEWER", author: "actor", deleted: false, abilities: ability(false, false, false) },
    { role: "VIEWER", author: "other", deleted: false, abilities: ability(false, false, false) },
    // A deleted comment is final: nobody edits or deletes it again; replying to its thread still works.
    { role: "OWNER", author: "actor", deleted: true, abilities: ability(false, false, true) },
    { role: "OWNER", author: "other", deleted: true, abilities: ability(false, false, true) },
    { role: "MODERATOR", author: "actor", deleted: true, abilities: ability(false, false, true) },
    { role: "MODERATOR", author: "other", deleted: true, abilities: ability(false, false, true) },
    { role: "MEMBER", author: "actor", deleted: true, abilities: ability(false, false, true) },
    { role: "MEMBER", author: "other", deleted: true, abilities: ability(false, false, true) },
    { role: "VIEWER", author: "actor", deleted: true, abilities: ability(false, false, false) },
    { role: "VIEWER", author: "other", deleted: true, abilities: ability(false, false, false) },
  ])("$role on a comment by $author (deleted: $deleted)", ({ role, author, deleted, abilities }) => {
    const comment = { authorId: author === "actor" ? actor : someoneElse, deletedAt: deleted ? deletedAt : null };
    expect(getCommentAbilities(role, actor, comment)).toEqual(abilities);
  });
});
