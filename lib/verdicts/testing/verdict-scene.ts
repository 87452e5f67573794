/**
 * The scene the verdict tests share: a team with every role, an outsider with a team of their own, and helpers
 * that make claims, propose verdicts, read back what a verdict left in the database and call the route handlers.
 */
import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim } from "@/lib/claims/service";
import { getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";
import { proposeVerdictInputSchema } from "@/lib/verdicts/schema";
import { proposeVerdict } from "@/lib/verdicts/service";

export type VerdictScene = {
  owner: TestUser;
  moderator: TestUser;
  author: TestUser;
  colleague: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  team: TestTeam;
};

/** Creates the team (owner, moderator, two members, a viewer) and an outsider who owns another team. */
export async function createVerdictScene(): Promise<VerdictScene> {
  const [owner, moderator, author, colleague, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer", "Outsider");
  const team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  return { owner, moderator, author, colleague, viewer, outsider, team };
}

/** A claim by `actor` on the first occurrence of `needle` in the scene's article. */
export async function makeClaim(team: TestTeam, actor: TestUser, needle: string, options: { visibility?: "team" | "private" } = {}) {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, ...options }));
}

/** Proposes a verdict through the service, the input parsed as the route parses it. */
export function propose(actor: TestUser, claimId: string, rating = "mostly_false", summary = "De cijfers kloppen niet.") {
  return proposeVerdict(actor, claimId, proposeVerdictInputSchema.parse({ rating, summary }));
}

/** What a claim's verdict left behind in the database: rows, history lines (in order) and live events. */
export async function readVerdictTraces(claimId: string) {
  const db = getTestDb();
  const [proposal, verdict, revisions, history, events, claim] = await Promise.all([
    db.verdictProposal.findUnique({ where: { claimId } }),
    db.verdict.findUnique({ where: { claimId } }),
    db.verdictRevision.findMany({ where: { claimId }, orderBy: { publishedAt: "asc" } }),
    // Lines of one transaction share its time: "status" before "verdict.…", as they were written.
    db.claimHistoryEntry.findMany({ where: { claimId }, orderBy: [{ createdAt: "asc" }, { field: "asc" }] }),
    db.liveEvent.findMany({ where: { claimId, type: { startsWith: "verdict." } }, orderBy: { seq: "asc" } }),
    db.claim.findUnique({ where: { id: claimId }, select: { status: true } }),
  ]);
  return {
    proposal,
    verdict,
    revisions,
    history: history.map(({ field, from, to, actorId }) => ({ field, from, to, actorId })),
    events: events.map(({ type, actorId, audience, audienceUserId, documentId }) => ({ type, actorId, audience, audienceUserId, documentId })),
    status: claim?.status,
  };
}

type Handler = (request: Request, context: { params: Promise<{ claimId: string }> }) => Promise<Response>;

/** Calls a claim route handler as a browser would: with `user`'s session cookie, or none. */
export async function callClaimRoute(handler: unknown, method: string, claimId: string, user: TestUser | null, body?: unknown) {
  const headers = new Headers({ host: "margin.test" });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://margin.test/api/claims/${claimId}/verdict`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await (handler as Handler)(request, { params: Promise.resolve({ claimId }) });
  type ErrorBody = { error?: { code: string; details?: { fields?: Record<string, string> } } };
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & ErrorBody };
}
