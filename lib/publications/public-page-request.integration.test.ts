/**
 * The public page's ETag and rate limit as proxy.ts applies them (lib/publications/public-page-request.ts): the
 * version changes with everything the page shows and nothing it does not; If-None-Match gets a 304; readers with a
 * session and RSC requests are never answered from cache; every request counts against the client's IP.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consumePublicPageRequest } from "@/lib/auth/rate-limit";
import { decidePublicPageRequest, matchPublicPagePath } from "@/lib/publications/public-page-request";
import { matchesIfNoneMatch, readPublicPageVersion } from "@/lib/publications/public-page-version";
import { publishDocument } from "@/lib/publications/service";
import { createComment } from "@/lib/threads/service";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { disconnectTestDb, getTestDb } from "@/lib/testing/factories";
import { unsafeCreatePublishingScene, type PublishingScene } from "@/lib/testing/publishing-scene";
import { unsafeCreateEvidence } from "@/lib/testing/verdict-factories";

let scene: PublishingScene;
let slug: string;

/** A client IP of its own per call, so the rate limit of one test never touches another's. */
const freshIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

function decide(headers: Record<string, string> = {}, method = "GET") {
  return decidePublicPageRequest({ slug, method, headers: new Headers({ "x-forwarded-for": freshIp(), ...headers }) });
}

beforeAll(async () => {
  scene = await unsafeCreatePublishingScene();
  slug = (await publishDocument(scene.moderator, scene.team.documentId, { origin: "https://margin.example" })).publication.slug;
});

afterAll(disconnectTestDb);

describe("matchPublicPagePath", () => {
  it.each([
    ["/p/nieuws", "nieuws"],
    ["/p/nieuws-2", "nieuws-2"],
    ["/p/", null],
    ["/p/nieuws/extra", null],
    ["/pages/nieuws", null],
    ["/documents/x", null],
    ["/p/%zz", null],
  ])("%s → %s", (path, slugOrNull) => {
    expect(matchPublicPagePath(path)).toBe(slugOrNull);
  });
});

describe("matchesIfNoneMatch", () => {
  it.each([
    ['W/"abc"', 'W/"abc"', true],
    ['"abc"', 'W/"abc"', true],
    ['W/"x", W/"abc"', 'W/"abc"', true],
    ["*", 'W/"abc"', true],
    ['W/"abd"', 'W/"abc"', false],
    ["", 'W/"abc"', false],
  ])("%s against %s → %s", (header, etag, matches) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(matches);
  });
});

describe("the page's version", () => {
  it("is null for a slug that is not published", async () => {
    expect(await readPublicPageVersion("nooit-gepubliceerd-abc")).toBeNull();
    expect(await readPublicPageVersion("Geen slug!")).toBeNull();
  });

  it("changes with what the page shows: a correction, evidence added, edited and deleted, a hidden claim, the team's name, republishing", async () => {
    const db = getTestDb();
    let previous = await readPublicPageVersion(slug);
    const changes: [string, () => Promise<unknown>][] = [
      ["a correction", () => db.verdict.update({ where: { claimId: scene.claimIds.published }, data: { summary: "Gecorrigeerd.", lastPublishedAt: new Date() } })],
      ["evidence added", () => unsafeCreateEvidence(scene.claimIds.published, { title: "Nieuwe bron" })],
      ["evidence edited", () => db.evidence.updateMany({ where: { claimId: scene.claimIds.published, title: "Nieuwe bron" }, data: { note: "Met een noot" } })],
      ["evidence deleted", () => db.evidence.deleteMany({ where: { claimId: scene.claimIds.published, title: "Nieuwe bron" } })],
      ["a claim hidden", () => db.claim.update({ where: { id: scene.claimIds.unverifiable }, data: { hiddenAt: new Date(), hiddenReason: "weg" } })],
      ["the team renamed", () => db.team.update({ where: { id: scene.team.teamId }, data: { name: `Hernoemd ${randomUUID().slice(0, 6)}` } })],
      ["a rating relabelled", () => db.rating.create({ data: { teamId: scene.team.teamId, key: "mostly_false", label: "Klopt grotendeels niet", color: "#c2410c", position: 0 } })],
      ["republished", () => publishDocument(scene.owner, scene.team.documentId, { origin: "https://margin.example" })],
    ];
    for (const [name, change] of changes) {
      await change();
      // Compared with the version just before: deleting the evidence just added brings an earlier page back.
      const version = await readPublicPageVersion(slug);
      expect(version, name).not.toBe(previous);
      previous = version;
    }
  });

  it("does not change with what the page never shows: a comment, a proposal, a private claim's verdict, the evidence of a hidden claim", async () => {
    const before = await readPublicPageVersion(slug);
    const db = getTestDb();
    await createComment(scene.member, scene.claimIds.published, createCommentInputSchema.parse({ body: "Nog een interne opmerking" }));
    await db.verdictProposal.update({ where: { claimId: scene.claimIds.proposed }, data: { summary: "Ander concept" } });
    await db.verdict.update({ where: { claimId: scene.claimIds.private }, data: { summary: "Ander geheim", lastPublishedAt: new Date() } });
    await unsafeCreateEvidence(scene.claimIds.hidden, { title: "Nog een verborgen bron" });
    expect(await readPublicPageVersion(slug)).toBe(before);
  });
});

describe("decidePublicPageRequest", () => {
  it("renders with an ETag, then answers If-None-Match with not_modified; another language has another ETag", async () => {
    const first = await decide({ "accept-language": "nl-NL" });
    expect(first).toEqual({ kind: "render", etag: expect.stringMatching(/^W\/"[A-Za-z0-9_-]+"$/u) });
    const etag = first.kind === "render" ? first.etag! : "";
    expect(await decide({ "accept-language": "nl-NL", "if-none-match": etag })).toEqual({ kind: "not_modified", etag });
    expect(await decide({ "accept-language": "nl-NL", "if-none-match": etag }, "HEAD")).toEqual({ kind: "not_modified", etag });
    const english = await decide({ "accept-language": "en-GB", "if-none-match": etag });
    expect(english).toEqual({ kind: "render", etag: expect.any(String) });
    expect(english.kind === "render" && english.etag).not.toBe(etag);
    // The language menu's cookie counts as the language, as for the page.
    expect((await decide({ "accept-language": "en-GB", cookie: "margin-locale=nl", "if-none-match": etag })).kind).toBe("not_modified");
  });

  it("renders again once the page changed", async () => {
    const first = await decide();
    const etag = first.kind === "render" ? first.etag! : "";
    await getTestDb().verdict.update({ where: { claimId: scene.claimIds.published }, data: { lastPublishedAt: new Date() } });
    const after = await decide({ "if-none-match": etag });
    expect(after.kind).toBe("render");
    expect(after.kind === "render" && after.etag).not.toBe(etag);
  });

  it("gives no ETag to a reader with a session, to React's RSC requests, to other methods, or for an unknown slug", async () => {
    const first = await decide();
    const etag = first.kind === "render" ? first.etag! : "";
    const uncacheable: Record<string, string>[] = [{ cookie: "authjs.session-token=abc" }, { cookie: "a=1; __Secure-authjs.session-token.0=abc" }, { rsc: "1" }];
    for (const headers of uncacheable) {
      expect(await decide({ ...headers, "if-none-match": etag }), JSON.stringify(headers)).toEqual({ kind: "render", etag: null });
    }
    expect(await decide({ "if-none-match": etag }, "POST")).toEqual({ kind: "render", etag: null });
    expect(
      await decidePublicPageRequest({ slug: "nooit-gepubliceerd-abc", method: "GET", headers: new Headers({ "x-forwarded-for": freshIp() }) }),
    ).toEqual({ kind: "render", etag: null });
  });

  it("counts every request against the client's IP: past the limit (120 a minute), rate_limited with when to retry", async () => {
    const ip = freshIp();
    for (let request = 0; request < 119; request += 1) await consumePublicPageRequest(ip);
    const headers = new Headers({ "x-forwarded-for": ip });
    expect((await decidePublicPageRequest({ slug, method: "GET", headers })).kind).toBe("render");
    const limited = await decidePublicPageRequest({ slug: "bestaat-niet", method: "GET", headers });
    expect(limited).toEqual({ kind: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(limited.kind === "rate_limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.kind === "rate_limited" && limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await decide()).kind).toBe("render");
  });
});
