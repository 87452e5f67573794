/**
 * The evidence endpoints through their real route handlers (session cookie → actor → lib/evidence → PostgreSQL):
 * statuses and bodies as docs/api.md gives them, and every dangerous or unusable link refused with a 422 that
 * names `url`, before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as claimEvidenceRoute from "@/app/api/claims/[claimId]/evidence/route";
import * as evidenceRoute from "@/app/api/evidence/[evidenceId]/route";
import { createClaim, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

let owner: TestUser;
let member: TestUser;
let outsider: TestUser;
let team: TestTeam;
let claimId: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

type Sent = { status: number; body: unknown };

/** Calls a route handler as `user` (null: anonymous), with a JSON body when given. */
async function send(
  handler: unknown,
  user: TestUser | null,
  request: { method: string; path: string; params: Record<string, string>; body?: unknown; headers?: Record<string, string> },
): Promise<Sent> {
  const headers = new Headers({ host: "margin.test", ...request.headers });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (request.body !== undefined) headers.set("content-type", "application/json");
  const response = await (handler as Handler)(
    new Request(`http://margin.test${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    }),
    { params: Promise.resolve(request.params) },
  );
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

const post = (user: TestUser | null, claim: string, body: unknown, headers?: Record<string, string>) =>
  send(claimEvidenceRoute.POST, user, { method: "POST", path: `/api/claims/${claim}/evidence`, params: { claimId: claim }, body, headers });
const list = (user: TestUser | null, claim: string) =>
  send(claimEvidenceRoute.GET, user, { method: "GET", path: `/api/claims/${claim}/evidence`, params: { claimId: claim } });
const patch = (user: TestUser | null, evidenceId: string, body: unknown) =>
  send(evidenceRoute.PATCH, user, { method: "PATCH", path: `/api/evidence/${evidenceId}`, params: { evidenceId }, body });
const remove = (user: TestUser | null, evidenceId: string) =>
  send(evidenceRoute.DELETE, user, { method: "DELETE", path: `/api/evidence/${evidenceId}`, params: { evidenceId } });

const valid = { title: "Persbericht van het ministerie", stance: "supports", url: "https://example.com/persbericht" };

beforeAll(async () => {
  [owner, member, outsider] = await unsafeCreateUsers("Owner", "Member", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [member, "MEMBER"],
  ]);
  claimId = (await createClaim(member, team.documentId, claimInputFor(team.documentText, "Weinig opties"))).id;
});

afterAll(disconnectTestDb);

describe("the endpoints", () => {
  it("require a session: 401 for every method, anonymous", async () => {
    const evidence = (await post(member, claimId, valid)).body as { id: string };
    for (const answer of [await list(null, claimId), await post(null, claimId, valid), await patch(null, evidence.id, { title: "x" }), await remove(null, evidence.id)]) {
      expect(answer).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    }
  });

  it("answer 404 to a non-member, as for a missing claim", async () => {
    const evidence = (await post(member, claimId, valid)).body as { id: string };
    for (const answer of [await list(outsider, claimId), await post(outsider, claimId, valid), await patch(outsider, evidence.id, { title: "x" }), await remove(outsider, evidence.id)]) {
      expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    }
  });

  it("add (201), list (200, oldest first), edit (200) and delete (204, no body)", async () => {
    const claim = (await createClaim(member, team.documentId, claimInputFor(team.documentText, "Het Turkse optreden bedreigt"))).id;
    const added = await post(member, claim, { ...valid, quote: "“Citaat”", note: "Notitie" });
    expect(added).toMatchObject({
      status: 201,
      body: { claimId: claim, url: valid.url, title: valid.title, quote: "“Citaat”", note: "Notitie", stance: "supports", author: { id: member.userId, name: member.name }, abilities: { canEdit: true, canDelete: true } },
    });
    const second = await post(owner, claim, { title: "Tweede", stance: "context" });
    expect(second).toMatchObject({ status: 201, body: { url: null, quote: null, note: null } });
    const { id } = added.body as { id: string };

    const listed = await list(member, claim);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { id: string; abilities: unknown }[] }).items.map((item) => [item.id, item.abilities])).toEqual([
      [id, { canEdit: true, canDelete: true }],
      [(second.body as { id: string }).id, { canEdit: false, canDelete: false }],
    ]);

    expect(await patch(member, id, { url: null, stance: "refutes" })).toMatchObject({ status: 200, body: { id, url: null, stance: "refutes", title: valid.title } });
    expect(await patch(member, (second.body as { id: string }).id, { title: "x" })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await remove(member, id)).toEqual({ status: 204, body: null });
    expect(await remove(member, id)).toMatchObject({ status: 404 });
  });

  it("refuse evidence on a hidden claim with 409", async () => {
    const claim = (await createClaim(member, team.documentId, claimInputFor(team.documentText, "wapenstilstand te bewerkstelligen"))).id;
    await hideClaim(owner, claim, hideInputSchema.parse({ reason: "Off-topic" }));
    expect(await post(owner, claim, valid)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await post(member, claim, valid)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await list(member, claim)).toMatchObject({ status: 404 });
    expect(await list(owner, claim)).toMatchObject({ status: 200, body: { items: [] } });
  });

  it("refuse a cross-site write with 403", async () => {
    expect(await post(member, claimId, valid, { origin: "https://evil.example" })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});

describe("links", () => {
  const refused = [
    { name: "javascript:", url: "javascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: in mixed case", url: "JaVaScRiPt:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: after a space", url: " javascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: after a tab", url: "\tjavascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: after spaces and a tab", url: " \t javascript:alert(document.cookie)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: with a tab inside the scheme", url: "java\tscript:alert(1)", message: "A link cannot contain control characters" },
    { name: "a data: URL", url: "data:text/html,<script>alert(1)</script>", message: "Only http:// and https:// links are allowed" },
    { name: "a base64 data: URL", url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", message: "Only http:// and https:// links are allowed" },
    { name: "vbscript:", url: "vbscript:msgbox(1)", message: "Only http:// and https:// links are allowed" },
    { name: "file:", url: "file:///etc/passwd", message: "Only http:// and https:// links are allowed" },
    { name: "a protocol-relative link", url: "//evil.example", message: "Enter a full web address, starting with http:// or https://" },
    { name: "a relative link", url: "/api/teams", message: "Enter a full web address, starting with http:// or https://" },
    { name: "an entity-encoded scheme", url: "&#106;avascript:alert(1)", message: "Enter a full web address, starting with http:// or https://" },
    { name: "a link over 2048 characters", url: `https://example.com/${"a".repeat(2048)}`, message: "A link has at most 2,048 characters" },
    { name: "a number", url: 42, message: "Invalid input: expected string, received number" },
  ];

  it.each(refused)("$name is refused when adding (422 naming url), and nothing is written", async ({ url, message }) => {
    const before = await getTestDb().evidence.count({ where: { claimId } });
    const answer = await post(member, claimId, { ...valid, url });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { fields: { url: message } } } } });
    expect(await getTestDb().evidence.count({ where: { claimId } })).toBe(before);
  });

  it.each(refused)("$name is refused when editing (422 naming url), and the link is kept", async ({ url, message }) => {
    const { id } = (await post(member, claimId, valid)).body as { id: string };
    expect(await patch(member, id, { url })).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { fields: { url: message } } } } });
    expect(await getTestDb().evidence.findUnique({ where: { id }, select: { url: true } })).toEqual({ url: valid.url });
  });

  it("names the field in the caller's language", async () => {
    const answer = await post(member, claimId, { ...valid, url: "javascript:alert(1)" }, { "accept-language": "nl" });
    expect(answer).toMatchObject({ status: 422, body: { error: { details: { fields: { url: "Alleen links met http:// of https:// zijn toegestaan" } } } } });
  });

  it("names every other field it refuses", async () => {
    const answer = await post(member, claimId, { title: " ", stance: "maybe", quote: "q".repeat(5_001), note: "\u0000" });
    expect(answer).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          details: {
            fields: {
              title: "Give the evidence a title",
              stance: "Choose supports, refutes or context",
              quote: "A quote from the source has at most 5,000 characters",
              note: "A note cannot contain control characters other than tabs and line breaks",
            },
          },
        },
      },
    });
  });
});
