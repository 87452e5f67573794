import { describe, expect, it } from "vitest";

import type { ClaimAbilities } from "@/lib/claims/schema";
import { canSeeHiddenClaim, getClaimAbilities, type ClaimFacts } from "@/lib/claims/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const actor = "00000000-0000-4000-8000-00000000000a";
const someoneElse = "00000000-0000-4000-8000-00000000000b";

type Abilities = [canEdit: boolean, canDelete: boolean, canComment: boolean, canHide: boolean, canUnhide: boolean];
const abilities = ([canEdit, canDelete, canComment, canHide, canUnhide]: Abilities): Partial<ClaimAbilities> => ({
  canEdit,
  canDelete,
  canComment,
  canHide,
  canUnhide,
});

describe("getClaimAbilities", () => {
  it.each<{ role: Role; author: "actor" | "other"; visible: Abilities; hidden: Abilities }>([
    // Nobody edits another's claim, not even the owner; owners and moderators may delete, hide and unhide it.
    // A hidden claim is frozen (no retagging); only moderators and owners still discuss it.
    { role: "OWNER", author: "actor", visible: [true, true, true, true, false], hidden: [false, true, true, false, true] },
    { role: "OWNER", author: "other", visible: [false, true, true, true, false], hidden: [false, true, true, false, true] },
    { role: "MODERATOR", author: "actor", visible: [true, true, true, true, false], hidden: [false, true, true, false, true] },
    { role: "MODERATOR", author: "other", visible: [false, true, true, true, false], hidden: [false, true, true, false, true] },
    // Its author may still delete a hidden claim; nobody else below moderator acts on it.
    { role: "MEMBER", author: "actor", visible: [true, true, true, false, false], hidden: [false, true, false, false, false] },
    { role: "MEMBER", author: "other", visible: [false, false, true, false, false], hidden: [false, false, false, false, false] },
    // A member demoted to viewer keeps no power over their old claims.
    { role: "VIEWER", author: "actor", visible: [false, false, false, false, false], hidden: [false, false, false, false, false] },
    { role: "VIEWER", author: "other", visible: [false, false, false, false, false], hidden: [false, false, false, false, false] },
  ])("$role on a claim by $author", ({ role, author, visible, hidden }) => {
    for (const visibility of ["TEAM", "PRIVATE"] as const) {
      const facts: ClaimFacts = { authorId: author === "actor" ? actor : someoneElse, visibility, hiddenAt: null };
      expect(getClaimAbilities(role, actor, facts)).toMatchObject(abilities(visible));
      expect(getClaimAbilities(role, actor, { ...facts, hiddenAt: new Date("2026-01-01T00:00:00Z") })).toMatchObject(abilities(hidden));
    }
  });
});

describe("getClaimAbilities: the fact-check", () => {
  const assignee = "00000000-0000-4000-8000-00000000000c";
  type CheckAbilities = Pick<ClaimAbilities, "canCheck" | "canAddEvidence" | "canProposeVerdict" | "canPublishVerdict" | "canResolveThread">;
  const check = ([canCheck, canAddEvidence, canProposeVerdict, canPublishVerdict, canResolveThread]: boolean[]): CheckAbilities => ({
    canCheck: canCheck!,
    canAddEvidence: canAddEvidence!,
    canProposeVerdict: canProposeVerdict!,
    canPublishVerdict: canPublishVerdict!,
    canResolveThread: canResolveThread!,
  });
  it.each<{ role: Role; relation: "author" | "assignee" | "other"; expected: boolean[] }>([
    // Editors (moderators, owners) move any claim's check and publish; members their own or assigned ones.
    { role: "OWNER", relation: "other", expected: [true, true, true, true, true] },
    { role: "MODERATOR", relation: "other", expected: [true, true, true, true, true] },
    { role: "MEMBER", relation: "author", expected: [true, true, true, false, true] },
    { role: "MEMBER", relation: "assignee", expected: [true, true, true, false, true] },
    { role: "MEMBER", relation: "other", expected: [false, true, true, false, false] },
    { role: "VIEWER", relation: "author", expected: [false, false, false, false, false] },
  ])("$role on a claim of which the actor is $relation", ({ role, relation, expected }) => {
    const facts: ClaimFacts = {
      authorId: relation === "author" ? actor : someoneElse,
      assigneeId: relation === "assignee" ? actor : assignee,
      visibility: "TEAM",
      hiddenAt: null,
    };
    expect(getClaimAbilities(role, actor, facts)).toMatchObject(check(expected));
  });

  it("a hidden claim's check is frozen; editors may still resolve its thread", () => {
    const facts: ClaimFacts = { authorId: actor, visibility: "TEAM", hiddenAt: new Date("2026-01-01T00:00:00Z") };
    expect(getClaimAbilities("MODERATOR", actor, facts)).toMatchObject(check([false, false, false, false, true]));
    expect(getClaimAbilities("MEMBER", actor, facts)).toMatchObject(check([false, false, false, false, false]));
  });
});

describe("canReattach (Needs attention: re-attach or dismiss a claim the text moved from)", () => {
  it.each<{ role: Role; author: "actor" | "other"; expected: boolean }>([
    { role: "OWNER", author: "other", expected: true },
    { role: "MODERATOR", author: "other", expected: true },
    { role: "MEMBER", author: "actor", expected: true },
    { role: "MEMBER", author: "other", expected: false },
    { role: "VIEWER", author: "actor", expected: false },
  ])("$role on a claim by $author → $expected, and nobody while it is hidden", ({ role, author, expected }) => {
    const facts: ClaimFacts = { authorId: author === "actor" ? actor : someoneElse, visibility: "TEAM", hiddenAt: null };
    expect(getClaimAbilities(role, actor, facts).canReattach).toBe(expected);
    expect(getClaimAbilities(role, actor, { ...facts, hiddenAt: new Date("2026-01-01T00:00:00Z") }).canReattach).toBe(false);
  });
});

describe("canSeeHiddenClaim", () => {
  it.each<{ role: Role; expected: boolean }>([
    { role: "OWNER", expected: true },
    { role: "MODERATOR", expected: true },
    { role: "MEMBER", expected: false },
    { role: "VIEWER", expected: false },
  ])("$role → $expected", ({ role, expected }) => {
    expect(canSeeHiddenClaim(role)).toBe(expected);
  });
});
