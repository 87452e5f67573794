/**
 * Who may see what, written once in each form the code needs: a pure predicate (for facts already loaded), a
 * Prisma filter (for queries through the client) and an SQL fragment (for the prepared statements of the hot
 * paths and the live hub). lib/access/rules.integration.test.ts checks that the three forms agree, actor by
 * actor. Every service builds its reads on these; nothing else in lib/ writes a membership check.
 *
 * The rules:
 * - A team's documents, tags, claims and members are visible to the team's members, and to nobody else. A
 *   member's role is the `role` of their membership row (lib/teams/policy.ts says what each role may do).
 * - A claim is visible to a member of its team when it is team-visible, or when they wrote it (private claims).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";

/** Whose access is being decided: the acting user (lib/auth/actor.ts). */
export type AccessSubject = { userId: string };

// Team membership.

/** Prisma filter on a team: the actor is one of its members. */
export function memberTeamWhere(actor: AccessSubject) {
  return { memberships: { some: { userId: actor.userId } } } satisfies Prisma.TeamWhereInput;
}

/** Prisma filter on anything that belongs to a team (a document, a tag, a claim): the actor is a member of it. */
export function inMemberTeamWhere(actor: AccessSubject) {
  return { team: memberTeamWhere(actor) };
}

/** Prisma select on a team that reads the actor's membership along with it; `roleIn` reads the role back. */
export function actorMembershipSelect(actor: AccessSubject) {
  return { memberships: { where: { userId: actor.userId }, select: { role: true }, take: 1 } } satisfies Prisma.TeamSelect;
}

/** The actor's role in a team read with `actorMembershipSelect`, or null when they are not a member. */
export function roleIn(team: { memberships: { role: Role }[] } | null | undefined): Role | null {
  return team?.memberships[0]?.role ?? null;
}

/**
 * SQL: joins the membership of user `userIdSql` in the team whose id is `teamIdSql`, as `alias` (its `role` is the
 * user's role). A row without a match is not the user's to see. Both arguments are SQL expressions (a column or a
 * parameter such as `$2`), never user input.
 */
export function memberJoinSql(teamIdSql: string, userIdSql: string, alias = "m"): string {
  return `JOIN memberships ${alias} ON ${alias}.team_id = ${teamIdSql} AND ${alias}.user_id = ${userIdSql}`;
}

// Claim visibility (inside a team the actor belongs to).

/** The facts a claim's visibility depends on. */
export type ClaimVisibilityFacts = { authorId: string; visibility: ClaimVisibility };

/** A team claim is visible to every member of its team; a private one only to its author. */
export function canReadClaim(actor: AccessSubject, claim: ClaimVisibilityFacts): boolean {
  return claim.visibility === "TEAM" || claim.authorId === actor.userId;
}

/** Prisma filter on a claim: the actor may read it (a member of its team, and `canReadClaim`). */
export function readableClaimWhere(actor: AccessSubject) {
  return {
    ...inMemberTeamWhere(actor),
    OR: [{ visibility: "TEAM" }, { authorId: actor.userId }],
  } satisfies Prisma.ClaimWhereInput;
}

/**
 * SQL condition on the claim row `claimAlias`: `canReadClaim` for user `userIdSql`. Combine it with
 * `memberJoinSql` on the claim's team: the condition alone does not check membership.
 */
export function claimVisibleSql(claimAlias: string, userIdSql: string): string {
  return `(${claimAlias}.visibility = 'TEAM' OR ${claimAlias}.author_id = ${userIdSql})`;
}
