import { describe, expect, it } from "vitest";

import { getAssigneeRefusal, getCheckRefusal } from "@/lib/checks/policy";
import type { ClaimFacts } from "@/lib/claims/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const actor = "00000000-0000-4000-8000-00000000000a";
const author = "00000000-0000-4000-8000-00000000000b";
const hiddenAt = new Date("2026-01-01T00:00:00Z");

describe("getCheckRefusal", () => {
  it.each<{ role: Role; relation: "author" | "assignee" | "other"; visible: ReturnType<typeof getCheckRefusal>; hidden: ReturnType<typeof getCheckRefusal> }>([
    // Editors move any check; members their own or assigned ones; a hidden claim's check is frozen for all of
    // them (409), and those who could never move it are refused for who they are (403).
    { role: "OWNER", relation: "other", visible: null, hidden: "hidden" },
    { role: "MODERATOR", relation: "other", visible: null, hidden: "hidden" },
    { role: "MEMBER", relation: "author", visible: null, hidden: "hidden" },
    { role: "MEMBER", relation: "assignee", visible: null, hidden: "hidden" },
    { role: "MEMBER", relation: "other", visible: "forbidden", hidden: "forbidden" },
    { role: "VIEWER", relation: "author", visible: "forbidden", hidden: "forbidden" },
    { role: "VIEWER", relation: "assignee", visible: "forbidden", hidden: "forbidden" },
  ])("$role, the claim's $relation", ({ role, relation, visible, hidden }) => {
    const facts: ClaimFacts = {
      authorId: relation === "author" ? actor : author,
      assigneeId: relation === "assignee" ? actor : null,
      visibility: "TEAM",
      hiddenAt: null,
    };
    expect(getCheckRefusal(role, actor, facts)).toBe(visible);
    expect(getCheckRefusal(role, actor, { ...facts, hiddenAt })).toBe(hidden);
  });
});

describe("getAssigneeRefusal", () => {
  it.each<{ role: Role | null; assignee: "author" | "other"; visibility: "TEAM" | "PRIVATE"; expected: ReturnType<typeof getAssigneeRefusal> }>([
    { role: "OWNER", assignee: "other", visibility: "TEAM", expected: null },
    { role: "MODERATOR", assignee: "other", visibility: "TEAM", expected: null },
    { role: "MEMBER", assignee: "other", visibility: "TEAM", expected: null },
    // A viewer only reads; someone outside the team is nobody to assign.
    { role: "VIEWER", assignee: "other", visibility: "TEAM", expected: "notMember" },
    { role: null, assignee: "other", visibility: "TEAM", expected: "notMember" },
    // A private claim is seen by its author alone.
    { role: "MEMBER", assignee: "author", visibility: "PRIVATE", expected: null },
    { role: "MODERATOR", assignee: "other", visibility: "PRIVATE", expected: "privateClaim" },
    { role: "VIEWER", assignee: "author", visibility: "PRIVATE", expected: "notMember" },
  ])("$role as assignee ($assignee) of a $visibility claim", ({ role, assignee, visibility, expected }) => {
    const assigneeId = assignee === "author" ? author : actor;
    expect(getAssigneeRefusal(role, assigneeId, { authorId: author, visibility })).toBe(expected);
  });
});
