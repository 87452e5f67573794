import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/generated/prisma/enums";
import {
  canReceiveLiveEvent,
  getClaimChangeAudience,
  getClaimEventAudience,
  getCommentEventAudience,
  getNotificationEventAudience,
  getTeamEventAudience,
  type LiveAudience,
} from "@/lib/realtime/policy";

const author = "00000000-0000-4000-8000-00000000000a";
const other = "00000000-0000-4000-8000-00000000000b";
const roles: Role[] = ["OWNER", "MODERATOR", "MEMBER", "VIEWER"];

describe("getClaimEventAudience", () => {
  it("sends a team claim's events to the team", () => {
    expect(getClaimEventAudience({ authorId: author, visibility: "TEAM" })).toEqual({ audience: "TEAM", audienceUserId: null });
  });
  it("sends a private claim's events to its author only", () => {
    expect(getClaimEventAudience({ authorId: author, visibility: "PRIVATE" })).toEqual({ audience: "USER", audienceUserId: author });
  });
});

describe("getClaimChangeAudience", () => {
  it.each([
    ["TEAM", "TEAM", "TEAM"],
    ["TEAM", "PRIVATE", "TEAM"],
    ["PRIVATE", "TEAM", "TEAM"],
    ["PRIVATE", "PRIVATE", "USER"],
  ] as const)("%s → %s reaches %s", (before, after, expected) => {
    expect(getClaimChangeAudience({ authorId: author, visibility: before }, { authorId: author, visibility: after }).audience).toBe(expected);
  });
});

describe("getCommentEventAudience", () => {
  it.each([
    [{ visibility: "TEAM", hiddenAt: null }, "TEAM"],
    [{ visibility: "TEAM", hiddenAt: new Date() }, "MODERATORS"],
    [{ visibility: "PRIVATE", hiddenAt: null }, "USER"],
    [{ visibility: "PRIVATE", hiddenAt: new Date() }, "USER"],
  ] as const)("a thread of %o reaches %s", (claim, expected) => {
    expect(getCommentEventAudience({ authorId: author, ...claim }).audience).toBe(expected);
  });
});

describe("getNotificationEventAudience", () => {
  it("sends a notification's event to its recipient only, whatever their role", () => {
    const audience = getNotificationEventAudience(other);
    expect(audience).toEqual({ audience: "USER", audienceUserId: other });
    for (const role of roles) {
      expect(canReceiveLiveEvent(audience, { userId: other, role })).toBe(true);
      expect(canReceiveLiveEvent(audience, { userId: author, role })).toBe(false);
    }
  });
});

describe("canReceiveLiveEvent", () => {
  const cases: Array<[string, LiveAudience, Record<Role, [boolean, boolean]>]> = [
    // [author receives, other member receives] per role
    ["team", getTeamEventAudience(), { OWNER: [true, true], MODERATOR: [true, true], MEMBER: [true, true], VIEWER: [true, true] }],
    [
      "moderators",
      { audience: "MODERATORS", audienceUserId: null },
      { OWNER: [true, true], MODERATOR: [true, true], MEMBER: [false, false], VIEWER: [false, false] },
    ],
    [
      "one user",
      { audience: "USER", audienceUserId: author },
      { OWNER: [true, false], MODERATOR: [true, false], MEMBER: [true, false], VIEWER: [true, false] },
    ],
  ];
  for (const [name, audience, table] of cases) {
    for (const role of roles) {
      it(`${name}: ${role} author ${table[role][0] ? "receives" : "does not"}, another ${role} ${table[role][1] ? "receives" : "does not"}`, () => {
        expect(canReceiveLiveEvent(audience, { userId: author, role })).toBe(table[role][0]);
        expect(canReceiveLiveEvent(audience, { userId: other, role })).toBe(table[role][1]);
      });
    }
  }
});
