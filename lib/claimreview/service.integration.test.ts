/**
 * ClaimReview through its endpoint (`GET /api/documents/{id}/claimreview`) and the publication endpoints, through
 * the real route handlers: session cookie → actor → lib/ → PostgreSQL. Anonymous 401, non-members 404, then role
 * by role; the ClaimReview output field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as claimReviewRoute from "@/app/api/documents/[documentId]/claimreview/route";
import * as publicationRoute from "@/app/api/documents/[documentId]/publication/route";
import type { ClaimReview } from "@/lib/claimreview/build-claim-reviews";
import { getClaimReviewsForDocument } from "@/lib/claimreview/service";
import { disconnectTestDb, type TestUser } from "@/lib/testing/factories";
import { sceneQuotes, unsafeCreatePublishingScene, type PublishingScene } from "@/lib/testing/publishing-scene";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

let scene: PublishingScene;

type Handler = (request: Request, context: { params: Promise<{ documentId: string }> }) => Promise<Response>;

async function call(handler: Handler, method: string, user: TestUser | null, headers: Record<string, string> = {}, documentId = scene.team.documentId) {
  const cookie = user ? await unsafeCreateSessionCookie(user) : undefined;
  const request = new Request(`http://localhost:3000/api/documents/${documentId}/x`, {
    method,
    headers: { host: "margin.example", ...(cookie ? { cookie } : {}), ...headers },
  });
  return handler(request, { params: Promise.resolve({ documentId }) });
}

beforeAll(async () => {
  scene = await unsafeCreatePublishingScene();
});

afterAll(disconnectTestDb);

describe("GET /api/documents/{id}/claimreview", () => {
  it("requires authentication", async () => {
    const response = await call(claimReviewRoute.GET, "GET", null);
    expect(response.status).toBe(401);
  });

  it("is a 404 for a non-member and for a missing document, as for every other document endpoint", async () => {
    expect((await call(claimReviewRoute.GET, "GET", scene.outsider)).status).toBe(404);
    expect((await call(claimReviewRoute.GET, "GET", scene.owner, {}, "6f1c4a2e-0000-4000-8000-000000000000")).status).toBe(404);
    await expect(getClaimReviewsForDocument(scene.outsider, scene.team.documentId, { origin: "https://x.example" })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each(["viewer", "member", "moderator", "owner"] as const)("answers a %s with application/ld+json", async (role) => {
    const response = await call(claimReviewRoute.GET, "GET", scene[role]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as ClaimReview[]).length).toBe(3);
  });

  it("holds one ClaimReview per published verdict of a team-visible, shown claim, in document order, field by field", async () => {
    const response = await call(claimReviewRoute.GET, "GET", scene.member, { "x-forwarded-host": "factcheck.example", "x-forwarded-proto": "https" });
    const reviews = (await response.json()) as ClaimReview[];
    const documentUrl = `https://factcheck.example/documents/${scene.team.documentId}`;
    const itemReviewed = {
      "@type": "Claim",
      datePublished: "2020-10",
      appearance: { "@type": "CreativeWork", url: documentUrl, headline: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand", datePublished: "2020-10" },
    };
    const author = { "@type": "Organization", name: expect.stringMatching(/^Test team /u), url: "https://factcheck.example/" };
    const base = { "@context": "https://schema.org", "@type": "ClaimReview", itemReviewed, author, datePublished: "2026-12-01T09:30:00.000Z" };
    expect(reviews).toEqual([
      {
        ...base,
        url: `${documentUrl}?claim=${scene.claimIds.published}`,
        claimReviewed: sceneQuotes.published,
        reviewRating: { "@type": "Rating", alternateName: "Grotendeels onwaar", ratingValue: 2, bestRating: 5, worstRating: 1 },
        reviewBody: "Rusland heeft de regio nog stevig in handen.",
      },
      {
        ...base,
        url: `${documentUrl}?claim=${scene.claimIds.unverifiable}`,
        claimReviewed: sceneQuotes.unverifiable,
        reviewRating: { "@type": "Rating", alternateName: "Niet te verifiëren" },
        reviewBody: "Daar is geen maat voor.",
      },
      {
        ...base,
        url: `${documentUrl}?claim=${scene.claimIds.corrected}`,
        claimReviewed: sceneQuotes.corrected,
        reviewRating: { "@type": "Rating", alternateName: "Waar", ratingValue: 5, bestRating: 5, worstRating: 1 },
        reviewBody: "Turkije leverde drones en ander materieel.",
        dateModified: "2026-12-02T14:00:00.000Z",
      },
    ]);
    const text = JSON.stringify(reviews);
    for (const secret of scene.secrets) expect(text, secret).not.toContain(secret);
    for (const name of ["private", "hidden", "proposed", "open"] as const) expect(text).not.toContain(sceneQuotes[name]);
  });

  it("points at the public page once the document is published", async () => {
    const published = await call(publicationRoute.POST, "POST", scene.moderator);
    const { slug } = (await published.json()) as { slug: string };
    const reviews = (await (await call(claimReviewRoute.GET, "GET", scene.viewer)).json()) as ClaimReview[];
    expect(reviews.map((review) => review.url)).toEqual(
      [scene.claimIds.published, scene.claimIds.unverifiable, scene.claimIds.corrected].map((id) => `http://margin.example/p/${slug}#claim-${id}`),
    );
    expect(reviews[0]!.itemReviewed.appearance.url).toBe(`http://margin.example/p/${slug}`);
    expect((await call(publicationRoute.DELETE, "DELETE", scene.moderator)).status).toBe(204);
  });
});

describe("/api/documents/{id}/publication", () => {
  it("requires authentication", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) expect((await call(publicationRoute[method], method, null)).status, method).toBe(401);
  });

  it("is a 404 for a non-member, whatever the method", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await call(publicationRoute[method], method, scene.outsider);
      expect(response.status, method).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("is a 403 for members and viewers who try to publish or unpublish; they may read the state", async () => {
    for (const user of [scene.member, scene.viewer]) {
      expect((await call(publicationRoute.POST, "POST", user)).status).toBe(403);
      expect((await call(publicationRoute.DELETE, "DELETE", user)).status).toBe(403);
      const state = await call(publicationRoute.GET, "GET", user);
      expect(state.status).toBe(200);
      expect(await state.json()).toEqual({ published: false });
    }
  });

  it("refuses a POST from another site (403), as every mutation", async () => {
    const response = await call(publicationRoute.POST, "POST", scene.moderator, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });

  it("publishes (201), refreshes (200), reads (200), unpublishes (204), and says so in the caller's language", async () => {
    const created = await call(publicationRoute.POST, "POST", scene.moderator);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { slug: string; url: string; publishedAt: string };
    expect(body).toEqual({ published: true, slug: body.slug, url: `http://margin.example/p/${body.slug}`, publishedAt: expect.any(String), updatedAt: expect.any(String) });
    const refreshed = await call(publicationRoute.POST, "POST", scene.owner);
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { slug: string }).slug).toBe(body.slug);
    const read = await call(publicationRoute.GET, "GET", scene.viewer, { "x-forwarded-proto": "https" });
    expect(await read.json()).toMatchObject({ published: true, slug: body.slug, url: `https://margin.example/p/${body.slug}` });
    expect((await call(publicationRoute.DELETE, "DELETE", scene.owner)).status).toBe(204);
    const again = await call(publicationRoute.DELETE, "DELETE", scene.owner, { "accept-language": "nl" });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "conflict", message: "Dit document is niet gepubliceerd." } });
  });
});
