import { describe, expect, it } from "vitest";

import { canReadClaim, roleIn } from "@/lib/access/rules";
import type { ClaimVisibility } from "@/lib/generated/prisma/enums";

const actor = { userId: "00000000-0000-4000-8000-00000000000a" };
const someoneElse = "00000000-0000-4000-8000-00000000000b";

describe("canReadClaim", () => {
  it.each<{ visibility: ClaimVisibility; authorId: string; readable: boolean }>([
    { visibility: "TEAM", authorId: actor.userId, readable: true },
    { visibility: "TEAM", authorId: someoneElse, readable: true },
    { visibility: "PRIVATE", authorId: actor.userId, readable: true },
    { visibility: "PRIVATE", authorId: someoneElse, readable: false },
  ])("$visibility claim by $authorId → $readable", ({ visibility, authorId, readable }) => {
    expect(canReadClaim(actor, { visibility, authorId })).toBe(readable);
  });
});

describe("roleIn", () => {
  it.each([
    { team: { memberships: [{ role: "MODERATOR" as const }] }, role: "MODERATOR" },
    { team: { memberships: [] }, role: null },
    { team: null, role: null },
    { team: undefined, role: null },
  ])("$team → $role", ({ team, role }) => {
    expect(roleIn(team)).toBe(role);
  });
});
