import { describe, expect, it } from "vitest";

import { canReadEvidence, getEvidenceAbilities } from "@/lib/evidence/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const actor = "00000000-0000-4000-8000-00000000000a";
const someoneElse = "00000000-0000-4000-8000-00000000000b";
const hiddenAt = new Date("2024-01-02T03:04:06Z");
const visibleClaim = { hiddenAt: null };
const hiddenClaim = { hiddenAt };

type Case = { role: Role; author: "actor" | "other" | "deleted account"; claim: "visible" | "hidden"; canEdit: boolean; canDelete: boolean };

const authorIds = { actor, other: someoneElse, "deleted account": null };

describe("getEvidenceAbilities", () => {
  it.each<Case>([
    { role: "OWNER", author: "actor", claim: "visible", canEdit: true, canDelete: true },
    { role: "OWNER", author: "other", claim: "visible", canEdit: true, canDelete: true },
    { role: "OWNER", author: "deleted account", claim: "visible", canEdit: true, canDelete: true },
    { role: "MODERATOR", author: "actor", claim: "visible", canEdit: true, canDelete: true },
    { role: "MODERATOR", author: "other", claim: "visible", canEdit: true, canDelete: true },
    { role: "MEMBER", author: "actor", claim: "visible", canEdit: true, canDelete: true },
    { role: "MEMBER", author: "other", claim: "visible", canEdit: false, canDelete: false },
    { role: "MEMBER", author: "deleted account", claim: "visible", canEdit: false, canDelete: false },
    // A member demoted to viewer reads their own evidence, no more.
    { role: "VIEWER", author: "actor", claim: "visible", canEdit: false, canDelete: false },
    { role: "VIEWER", author: "other", claim: "visible", canEdit: false, canDelete: false },
    // A hidden claim's evidence is frozen; those who may change it may still delete it.
    { role: "OWNER", author: "other", claim: "hidden", canEdit: false, canDelete: true },
    { role: "MODERATOR", author: "actor", claim: "hidden", canEdit: false, canDelete: true },
    { role: "MEMBER", author: "actor", claim: "hidden", canEdit: false, canDelete: true },
    { role: "MEMBER", author: "other", claim: "hidden", canEdit: false, canDelete: false },
  ])("a $role, evidence by $author, $claim claim → edit $canEdit, delete $canDelete", ({ role, author, claim, canEdit, canDelete }) => {
    const abilities = getEvidenceAbilities(role, actor, { authorId: authorIds[author] }, claim === "hidden" ? hiddenClaim : visibleClaim);
    expect(abilities).toEqual({ canEdit, canDelete });
  });
});

describe("canReadEvidence", () => {
  it.each<{ role: Role; hidden: boolean; expected: boolean }>([
    { role: "OWNER", hidden: false, expected: true },
    { role: "MODERATOR", hidden: false, expected: true },
    { role: "MEMBER", hidden: false, expected: true },
    { role: "VIEWER", hidden: false, expected: true },
    { role: "OWNER", hidden: true, expected: true },
    { role: "MODERATOR", hidden: true, expected: true },
    { role: "MEMBER", hidden: true, expected: false },
    { role: "VIEWER", hidden: true, expected: false },
  ])("a $role, hidden claim: $hidden → $expected", ({ role, hidden, expected }) => {
    expect(canReadEvidence(role, hidden ? hiddenClaim : visibleClaim)).toBe(expected);
  });
});
