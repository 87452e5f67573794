/**
 * The desk's filters, orders, counts and pages on real PostgreSQL, role by role, and its route (401, 404, 422).
 * Claims c1…c7 are made in that order; each filter's expected claims are listed newest first (the default).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as teamClaimsRoute from "@/app/api/teams/[teamId]/claims/route";
import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, hideClaim } from "@/lib/claims/service";
import { parseDeskQuery, type DeskSearchParams } from "@/lib/desk/schema";
import { countDeskClaims, listDeskClaims } from "@/lib/desk/service";
import { toErrorResponseBody } from "@/lib/errors";
import type { CheckStatus } from "@/lib/generated/prisma/enums";
import { hideInputSchema } from "@/lib/moderation/schema";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateDocument,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let team: TestTeam;
let otherDocumentId: string;

const day = 24 * 3600 * 1000;
const now = Date.now();

type Scene = {
  quote: string;
  by: () => TestUser;
  onOther?: boolean;
  tags?: string[];
  isPrivate?: boolean;
  status?: CheckStatus;
  assignee?: () => TestUser;
  dueInDays?: number;
  verdict?: string;
  isHidden?: boolean;
};

// Every quote names Rusland, so one search pages through them all.
const scene: Record<"c1" | "c2" | "c3" | "c4" | "c5" | "c6" | "c7", Scene> = {
  c1: { quote: "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen", by: () => author, tags: ["military"] },
  c2: { quote: "kon Rusland zijn goede relaties met beide landen uitspelen", by: () => author, tags: ["diplomatic"], status: "CHECKING", assignee: () => colleague, dueInDays: 2 },
  c3: { quote: "Hoewel Rusland een militair pact heeft met Armenië", by: () => colleague, onOther: true, tags: ["military", "energy"], status: "CHECKED", assignee: () => author, dueInDays: 1, verdict: "false" },
  c4: { quote: "Rusland heeft ook geen troepen op de grond", by: () => colleague, onOther: true, status: "NOT_CHECKABLE", dueInDays: 1 },
  c5: { quote: "tussen Turkije en Rusland geworden", by: () => author, assignee: () => author, verdict: "mostly_true" },
  c6: { quote: "Rusland mag formeel een bondgenoot zijn van Armenië", by: () => colleague, isPrivate: true },
  c7: { quote: "een veelheid aan petten die Rusland weinig ruimte laat", by: () => author, onOther: true, tags: ["military"], status: "CHECKED", verdict: "true", isHidden: true },
};
type ClaimName = keyof typeof scene;
const ids = {} as Record<ClaimName, string>;

async function desk(actor: TestUser, params: DeskSearchParams): Promise<ClaimName[]> {
  const page = await listDeskClaims(actor, team.teamId, parseDeskQuery(params));
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.items.map((item) => (names[item.id] ?? item.id) as ClaimName);
}

/** Every page of a query, `limit` at a time, following `nextCursor`. */
async function allPages(actor: TestUser, params: Readonly<Record<string, string | undefined>>, limit: number): Promise<{ names: ClaimName[]; pages: number }> {
  const names: ClaimName[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page = await listDeskClaims(actor, team.teamId, parseDeskQuery({ ...params, limit: String(limit), ...(after ? { after } : {}) }));
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    names.push(...page.items.map((item) => byId[item.id] as ClaimName));
    after = page.nextCursor;
    pages += 1;
  } while (after !== null && pages < 20);
  return { names, pages };
}

beforeAll(async () => {
  [owner, moderator, author, colleague, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  otherDocumentId = await unsafeCreateDocument(team.teamId, "Tweede artikel");
  const db = getTestDb();
  let index = 0;
  for (const [name, claim] of Object.entries(scene) as [ClaimName, Scene][]) {
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, claim.quote));
    const input = createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: claim.tags ?? [], visibility: claim.isPrivate ? "private" : "team" });
    const created = await createClaim(claim.by(), claim.onOther ? otherDocumentId : team.documentId, input);
    ids[name] = created.id;
    // Check fields are set directly: changing them is another part of the desk (PATCH /api/claims/{id}).
    await db.claim.update({
      where: { id: created.id },
      data: {
        createdAt: new Date(now - 10 * day + index++ * 60_000),
        status: claim.status ?? "OPEN",
        assigneeId: claim.assignee?.().userId ?? null,
        dueAt: claim.dueInDays === undefined ? null : new Date(now + claim.dueInDays * day),
      },
    });
    if (claim.verdict) {
      const at = new Date(now - day);
      await db.verdict.create({ data: { claimId: created.id, rating: claim.verdict, summary: "…", firstPublishedAt: at, lastPublishedAt: at } });
    }
    if (claim.isHidden) await hideClaim(moderator, created.id, hideInputSchema.parse({ reason: "Dubbel" }));
  }
});

afterAll(disconnectTestDb);

describe("the route GET /api/teams/{id}/claims", () => {
  async function get(user: TestUser | null, query: string, teamId = team.teamId) {
    const headers = new Headers({ host: "margin.test" });
    if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
    const request = new Request(`http://margin.test/api/teams/${teamId}/claims${query}`, { headers });
    const response = await teamClaimsRoute.GET(request, { params: Promise.resolve({ teamId }) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; details?: { fields?: Record<string, string> } } } };
  }

  it("requires authentication: 401", async () => {
    expect((await get(null, "")).status).toBe(401);
  });

  it("a non-member gets 404, like a missing team", async () => {
    const { status, body } = await get(outsider, "");
    expect(status).toBe(404);
    expect(body.error?.code).toBe("not_found");
  });

  it("a member gets a page: claims with their document, and the next cursor", async () => {
    const { status, body } = await get(author, "?limit=2&status=open,checking");
    expect(status).toBe(200);
    expect(body).toEqual({
      items: [
        expect.objectContaining({ id: ids.c5, status: "open", document: { id: team.documentId, title: expect.any(String), lang: "nl" } }),
        expect.objectContaining({ id: ids.c2, status: "checking", assignee: { id: colleague.userId, name: colleague.name } }),
      ],
      nextCursor: expect.any(String),
    });
  });

  it("a bad parameter is a 422 naming it", async () => {
    const { status, body } = await get(author, "?status=done");
    expect(status).toBe(422);
    expect(body.error?.code).toBe("validation_failed");
    expect(Object.keys(body.error?.details?.fields ?? {})).toEqual(["status"]);
  });
});

describe("filters", () => {
  it.each([
    { filter: "nothing: every claim the member may read, hidden ones as placeholders", params: {}, expected: ["c7", "c5", "c4", "c3", "c2", "c1"] },
    { filter: "status", params: { status: "open" }, expected: ["c5", "c1"] },
    { filter: "statuses as a comma list", params: { status: "open,checked" }, expected: ["c7", "c5", "c3", "c1"] },
    { filter: "statuses repeated", params: new URLSearchParams("status=open&status=not_checkable"), expected: ["c5", "c4", "c1"] },
    { filter: "a verdict", params: { verdict: "false" }, expected: ["c3"] },
    { filter: "a verdict withheld with a hidden claim's content", params: { verdict: "true" }, expected: [] },
    { filter: "no verdict (a hidden claim shows none)", params: { verdict: "none" }, expected: ["c7", "c4", "c2", "c1"] },
    { filter: "a tag (not through a hidden claim)", params: { tag: "military" }, expected: ["c3", "c1"] },
    { filter: "a tag in another case", params: { tag: "MILITARY" }, expected: ["c3", "c1"] },
    { filter: "a tag the team does not have", params: { tag: "sanctions" }, expected: [] },
    { filter: "assigned to me", params: { assignee: "me" }, expected: ["c5", "c3"] },
    { filter: "assigned to a colleague", params: () => ({ assignee: colleague.userId }), expected: ["c2"] },
    { filter: "unassigned", params: { assignee: "none" }, expected: ["c7", "c4", "c1"] },
    { filter: "mine", params: { author: "me" }, expected: ["c7", "c5", "c2", "c1"] },
    { filter: "a colleague's (not their private one)", params: () => ({ author: colleague.userId }), expected: ["c4", "c3"] },
    { filter: "a document", params: () => ({ document: otherDocumentId }), expected: ["c7", "c4", "c3"] },
    { filter: "several at once", params: { status: "open", assignee: "me" }, expected: ["c5"] },
    { filter: "a search and a filter", params: { q: "rusland armenie", status: "checked" }, expected: ["c3"] },
  ])("by $filter", async ({ params, expected }) => {
    expect(await desk(author, typeof params === "function" ? params() : params)).toEqual(expected);
  });

  it.each([
    { filter: "the hidden claim's verdict", params: { verdict: "true" }, expected: ["c7"] },
    { filter: "the hidden claim's tag", params: { tag: "military" }, expected: ["c7", "c3", "c1"] },
    { filter: "no verdict", params: { verdict: "none" }, expected: ["c4", "c2", "c1"] },
  ])("a moderator, who sees hidden content, filters by $filter", async ({ params, expected }) => {
    expect(await desk(moderator, params)).toEqual(expected);
  });

  it("a private claim is listed for its author only", async () => {
    expect(await desk(colleague, { author: "me" })).toEqual(["c6", "c4", "c3"]);
    for (const actor of [author, moderator, owner]) expect(await desk(actor, {})).not.toContain("c6");
  });

  it("counts what matches, by status", async () => {
    expect(await countDeskClaims(author, team.teamId, parseDeskQuery({}))).toEqual({
      total: 6,
      byStatus: { open: 2, checking: 1, checked: 2, not_checkable: 1 },
    });
    expect(await countDeskClaims(author, team.teamId, parseDeskQuery({ tag: "military" }))).toEqual({
      total: 2,
      byStatus: { open: 1, checking: 0, checked: 1, not_checkable: 0 },
    });
    await expect(countDeskClaims(outsider, team.teamId, parseDeskQuery({}))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("orders", () => {
  it.each([
    { sort: "age", expected: ["c7", "c5", "c4", "c3", "c2", "c1"] },
    { sort: "oldest", expected: ["c1", "c2", "c3", "c4", "c5", "c7"] },
    // Due soonest first; the same due date newest first; no due date last, newest first.
    { sort: "due", expected: ["c4", "c3", "c2", "c7", "c5", "c1"] },
  ])("sort=$sort", async ({ sort, expected }) => {
    expect(await desk(author, { sort })).toEqual(expected);
  });
});

describe("pages", () => {
  it.each([
    { order: "newest first", params: {} },
    { order: "oldest first", params: { sort: "oldest" } },
    { order: "due date", params: { sort: "due" } },
    { order: "best match", params: { q: "rusland" } },
    { order: "best match, filtered", params: { q: "rusland", status: "open,checked,not_checkable" } },
  ])("$order: pages of 1, 2 and 4 together are the whole list, each claim once", async ({ params }) => {
    const whole = await desk(moderator, params);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    for (const limit of [1, 2, 4]) {
      const { names, pages } = await allPages(moderator, params, limit);
      expect(names).toEqual(whole);
      expect(pages).toBe(Math.ceil(whole.length / limit));
    }
  });

  it("a claim added while paging does not shift the next page", async () => {
    const first = await listDeskClaims(author, team.teamId, parseDeskQuery({ limit: "3" }));
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Weinig opties"));
    const added = await createClaim(author, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] } }));
    try {
      const second = await listDeskClaims(author, team.teamId, parseDeskQuery({ limit: "3", after: first.nextCursor! }));
      expect(second.items.map((item) => item.id)).toEqual([ids.c3, ids.c2, ids.c1]);
      expect(second.nextCursor).toBeNull();
    } finally {
      await getTestDb().claim.delete({ where: { id: added.id } });
    }
  });
});

describe("bad parameters are a 422 naming the parameter", () => {
  const fieldsOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      const { status, body } = toErrorResponseBody(error);
      return { status, fields: Object.keys((body.error.details?.fields as Record<string, string> | undefined) ?? {}) };
    }
    return { status: 200, fields: [] };
  };

  it.each([
    { what: "an unknown status", params: "status=done", field: "status" },
    { what: "an unknown status in a list", params: "status=open,done", field: "status" },
    { what: "a verdict with odd characters", params: "verdict=mostly%20false", field: "verdict" },
    { what: "an assignee that is not an id", params: "assignee=bob", field: "assignee" },
    { what: "an author 'none'", params: "author=none", field: "author" },
    { what: "a document that is not an id", params: "document=42", field: "document" },
    { what: "an unknown sort", params: "sort=relevance", field: "sort" },
    { what: "limit 0", params: "limit=0", field: "limit" },
    { what: "limit 101", params: "limit=101", field: "limit" },
    { what: "limit of words", params: "limit=ten", field: "limit" },
    { what: "a tag twice", params: "tag=military&tag=energy", field: "tag" },
    { what: "a tag with a control character", params: "tag=mili%00tary", field: "tag" },
    { what: "a cursor of odd characters", params: "after=%7B%7D", field: "after" },
  ])("$what → 422 on $field", ({ params, field }) => {
    expect(fieldsOf(() => parseDeskQuery(new URLSearchParams(params)))).toEqual({ status: 422, fields: [field] });
  });

  it.each([
    { what: "not a cursor at all", after: () => "bm90LWpzb24", sort: "age" },
    { what: "a cursor of another order", after: async () => (await listDeskClaims(author, team.teamId, parseDeskQuery({ limit: "1" }))).nextCursor!, sort: "oldest" },
    { what: "a cursor with a forged id", after: () => Buffer.from(JSON.stringify({ o: "age", c: new Date().toISOString(), i: "x" })).toString("base64url"), sort: "age" },
  ])("$what → 422 on after", async ({ after, sort }) => {
    const query = parseDeskQuery({ sort, after: await after() });
    const error = await listDeskClaims(author, team.teamId, query).catch((caught: unknown) => caught);
    const { status, body } = toErrorResponseBody(error);
    expect({ status, fields: Object.keys((body.error.details?.fields as Record<string, string> | undefined) ?? {}) }).toEqual({ status: 422, fields: ["after"] });
  });

  it("empty values are no filter, as a GET form sends them", () => {
    expect(parseDeskQuery(new URLSearchParams("q=&status=&verdict=&tag=&assignee=&author=&document=&sort=&limit=&after=&view=board"))).toEqual({
      words: [],
      statuses: [],
      verdict: null,
      tag: null,
      assignee: null,
      author: null,
      documentId: null,
      sort: null,
      limit: 50,
      after: null,
    });
  });
});
