import { describe, expect, it } from "vitest";

import type { ClaimAbilities } from "@/lib/claims/schema";
import { canReadClaim, getClaimAbilities, type ClaimFacts } from "@/lib/claims/policy";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";

const actor = "00000000-0000-4000-8000-00000000000a";
const someoneElse = "00000000-0000-4000-8000-00000000000b";

describe("canReadClaim", () => {
  it.each<{ visibility: ClaimVisibility; authorId: string; readable: boolean }>([
    { visibility: "TEAM", authorId: actor, readable: true },
    { visibility: "TEAM", authorId: someoneElse, readable: true },
    { visibility: "PRIVATE", authorId: actor, readable: true },
    { visibility: "PRIVATE", authorId: someoneElse, readable: false },
  ])("$visibility claim by $authorId → $readable", ({ visibility, authorId, readable }) => {
    expect(canReadClaim(actor, { visibility, authorId })).toBe(readable);
  });
});

describe("getClaimAbilities", () => {
  const none: ClaimAbilities = { canEdit: false, canDelete: false, canComment: false };
  it.each<{ role: Role; author: "actor" | "other"; abilities: ClaimAbilities }>([
    { role: "OWNER", author: "actor", abilities: { canEdit: true, canDelete: true, canComment: true } },
    // Nobody edits another's claim, not even the owner; owners and moderators may delete it.
    { role: "OWNER", author: "other", abilities: { canEdit: false, canDelete: true, canComment: true } },
    { role: "MODERATOR", author: "actor", abilities: { canEdit: true, canDelete: true, canComment: true } },
    { role: "MODERATOR", author: "other", abilities: { canEdit: false, canDelete: true, canComment: true } },
    { role: "MEMBER", author: "actor", abilities: { canEdit: true, canDelete: true, canComment: true } },
    { role: "MEMBER", author: "other", abilities: { canEdit: false, canDelete: false, canComment: true } },
    // A member demoted to viewer keeps no power over their old claims.
    { role: "VIEWER", author: "actor", abilities: none },
    { role: "VIEWER", author: "other", abilities: none },
  ])("$role on a claim by $author", ({ role, author, abilities }) => {
    for (const visibility of ["TEAM", "PRIVATE"] as const) {
      const claim: ClaimFacts = { authorId: author === "actor" ? actor : someoneElse, visibility };
      expect(getClaimAbilities(role, actor, claim)).toEqual(abilities);
    }
  });
});
