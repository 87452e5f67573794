import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/generated/prisma/enums";
import { canSeeHiddenComment, getCommentAbilities } from "@/lib/threads/policy";
import type { CommentAbilities } from "@/lib/threads/schema";

const actor = "00000000-0000-4000-8000-00000000000a";
const someoneElse = "00000000-0000-4000-8000-00000000000b";
const deletedAt = new Date("2024-01-02T03:04:05Z");
const hiddenAt = new Date("2024-01-02T03:04:06Z");

type Flags = [canEdit: boolean, canDelete: boolean, canReply: boolean, canHide: boolean, canUnhide: boolean];
type Case = { role: Role; author: "actor" | "other"; state: "visible" | "hidden" | "deleted" | "hidden, then deleted"; abilities: Flags };

const ability = ([canEdit, canDelete, canReply, canHide, canUnhide]: Flags): CommentAbilities => ({ canEdit, canDelete, canReply, canHide, canUnhide });

describe("getCommentAbilities", () => {
  it.each<Case>([
    { role: "OWNER", author: "actor", state: "visible", abilities: [true, true, true, true, false] },
    { role: "OWNER", author: "other", state: "visible", abilities: [false, true, true, true, false] },
    { role: "MODERATOR", author: "actor", state: "visible", abilities: [true, true, true, true, false] },
    { role: "MODERATOR", author: "other", state: "visible", abilities: [false, true, true, true, false] },
    { role: "MEMBER", author: "actor", state: "visible", abilities: [true, true, true, false, false] },
    { role: "MEMBER", author: "other", state: "visible", abilities: [false, false, true, false, false] },
    { role: "VIEWER", author: "actor", state: "visible", abilities: [false, false, false, false, false] },
    { role: "VIEWER", author: "other", state: "visible", abilities: [false, false, false, false, false] },
    // Hidden: frozen. Moderators and owners unhide, delete and reply; its author may only delete it.
    { role: "OWNER", author: "actor", state: "hidden", abilities: [false, true, true, false, true] },
    { role: "OWNER", author: "other", state: "hidden", abilities: [false, true, true, false, true] },
    { role: "MODERATOR", author: "actor", state: "hidden", abilities: [false, true, true, false, true] },
    { role: "MODERATOR", author: "other", state: "hidden", abilities: [false, true, true, false, true] },
    { role: "MEMBER", author: "actor", state: "hidden", abilities: [false, true, false, false, false] },
    { role: "MEMBER", author: "other", state: "hidden", abilities: [false, false, false, false, false] },
    { role: "VIEWER", author: "actor", state: "hidden", abilities: [false, false, false, false, false] },
    { role: "VIEWER", author: "other", state: "hidden", abilities: [false, false, false, false, false] },
    // A deleted comment is final: nobody edits, deletes, hides or unhides it; replying to its thread still works.
    { role: "OWNER", author: "actor", state: "deleted", abilities: [false, false, true, false, false] },
    { role: "OWNER", author: "other", state: "deleted", abilities: [false, false, true, false, false] },
    { role: "MODERATOR", author: "actor", state: "deleted", abilities: [false, false, true, false, false] },
    { role: "MODERATOR", author: "other", state: "hidden, then deleted", abilities: [false, false, true, false, false] },
    { role: "MEMBER", author: "actor", state: "deleted", abilities: [false, false, true, false, false] },
    { role: "MEMBER", author: "other", state: "hidden, then deleted", abilities: [false, false, true, false, false] },
    { role: "VIEWER", author: "actor", state: "deleted", abilities: [false, false, false, false, false] },
    { role: "VIEWER", author: "other", state: "deleted", abilities: [false, false, false, false, false] },
  ])("$role on a comment by $author ($state)", ({ role, author, state, abilities }) => {
    const comment = {
      authorId: author === "actor" ? actor : someoneElse,
      deletedAt: state.includes("deleted") ? deletedAt : null,
      hiddenAt: state.includes("hidden") ? hiddenAt : null,
    };
    expect(getCommentAbilities(role, actor, comment)).toEqual(ability(abilities));
  });
});

describe("canSeeHiddenComment", () => {
  it.each<{ role: Role; expected: boolean }>([
    { role: "OWNER", expected: true },
    { role: "MODERATOR", expected: true },
    { role: "MEMBER", expected: false },
    { role: "VIEWER", expected: false },
  ])("$role → $expected", ({ role, expected }) => {
    expect(canSeeHiddenComment(role)).toBe(expected);
  });
});
