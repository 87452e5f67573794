import { randomUUID } from "node:crypto";

import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

const quoteSelector = (exact: string, extra: Record<string, string> = {}) => ({ type: "TextQuoteSelector", exact, ...extra });
const positionSelector = (start: number, end: number) => ({ type: "TextPositionSelector", start, end });

test("health endpoints answer without a session", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).status).toBe("ok");
});

test("every endpoint needs a session: 401 with a JSON error", async ({ request }) => {
  const id = randomUUID();
  for (const [method, url] of [
    ["GET", "/api/documents"],
    ["GET", `/api/documents/${id}`],
    ["GET", `/api/documents/${id}/claims`],
    ["POST", `/api/documents/${id}/claims`],
    ["GET", `/api/claims/${id}`],
    ["PATCH", `/api/claims/${id}`],
    ["DELETE", `/api/claims/${id}`],
    ["GET", `/api/claims/${id}/comments`],
    ["POST", `/api/claims/${id}/comments`],
    ["PATCH", `/api/comments/${id}`],
    ["DELETE", `/api/comments/${id}`],
  ] as const) {
    const response = await request.fetch(url, { method, data: method === "GET" || method === "DELETE" ? undefined : {} });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  }
});

test("the claim and comment endpoints: W3C create, list, get, patch, comment, delete, and 4xx for bad input", async ({ context, team }) => {
  await signInThroughApi(context, team.alice);
  const api = context.request;
  const text = team.documentText;

  const documents = await (await api.get("/api/documents")).json();
  expect(documents.items.map((document: { id: string }) => document.id)).toContain(team.documentId);
  const document = await (await api.get(`/api/documents/${team.documentId}`)).json();
  expect(document.text).toBe(text);

  // Create from W3C selectors (typographic quotes; positions are code points = UTF-16 here, no astral chars).
  const exact = "‘doorbraak’ van het Kremlin";
  const start = text.indexOf(exact);
  const created = await api.post(`/api/documents/${team.documentId}/claims`, {
    data: { target: { selector: [quoteSelector(exact), positionSelector(start, start + exact.length)] }, tags: ["diplomatic"] },
  });
  expect(created.status()).toBe(201);
  const claim = await created.json();
  expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(claim.target.selector[0]).toEqual({ type: "TextQuoteSelector", exact, prefix: text.slice(start - 32, start), suffix: text.slice(start + exact.length, start + exact.length + 32) });
  expect(claim.tags.map((tag: { name: string }) => tag.name)).toEqual(["diplomatic"]);

  const listed = await (await api.get(`/api/documents/${team.documentId}/claims`)).json();
  expect(listed.items.map((item: { id: string }) => item.id)).toEqual([claim.id]);
  expect((await (await api.get(`/api/claims/${claim.id}`)).json()).id).toBe(claim.id);

  const patched = await api.patch(`/api/claims/${claim.id}`, { data: { tags: ["energy", "military"] } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).tags.map((tag: { name: string }) => tag.name)).toEqual(["energy", "military"]);

  const comment = await api.post(`/api/claims/${claim.id}/comments`, { data: { body: "  Klopt dit?  " } });
  expect(comment.status()).toBe(201);
  const commentBody = await comment.json();
  expect(commentBody.body).toBe("Klopt dit?");
  const reply = await api.post(`/api/claims/${claim.id}/comments`, { data: { body: "Ja.", parentId: commentBody.id } });
  expect(reply.status()).toBe(201);
  expect((await reply.json()).parentId).toBe(commentBody.id);
  const thread = await (await api.get(`/api/claims/${claim.id}/comments`)).json();
  expect(thread.items).toHaveLength(2);
  const edited = await api.patch(`/api/comments/${commentBody.id}`, { data: { body: "Klopt dit echt?" } });
  expect((await edited.json()).editedAt).not.toBeNull();
  const deletedComment = await api.delete(`/api/comments/${commentBody.id}`);
  expect((await deletedComment.json()).body).toBeNull();

  // Bad input: each a 4xx with a JSON error body, and nothing stored.
  const bad: [string, () => Promise<import("@playwright/test").APIResponse>, number, string][] = [
    ["tampered position", () => api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [quoteSelector(exact), positionSelector(start + 1, start + 1 + exact.length)] } } }), 422, "validation_failed"],
    ["out of range", () => api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [positionSelector(text.length, text.length + 5)] } } }), 422, "validation_failed"],
    ["unknown tag", () => api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [quoteSelector(exact), positionSelector(start, start + exact.length)] }, tags: ["weather"] } }), 422, "validation_failed"],
    ["no selector", () => api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [] } } }), 422, "validation_failed"],
    ["not JSON", () => api.post(`/api/documents/${team.documentId}/claims`, { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } }), 400, "bad_request"],
    ["too large", () => api.post(`/api/claims/${claim.id}/comments`, { data: { body: "x".repeat(70_000) } }), 413, "payload_too_large"],
    ["empty comment", () => api.post(`/api/claims/${claim.id}/comments`, { data: { body: "   " } }), 422, "validation_failed"],
    ["long comment", () => api.post(`/api/claims/${claim.id}/comments`, { data: { body: "x".repeat(5001) } }), 422, "validation_failed"],
    ["malformed id", () => api.get("/api/claims/12345"), 404, "not_found"],
    ["missing id", () => api.get(`/api/claims/${randomUUID()}`), 404, "not_found"],
    ["missing document", () => api.get(`/api/documents/${randomUUID()}/claims`), 404, "not_found"],
    ["foreign origin", () => api.post(`/api/claims/${claim.id}/comments`, { data: { body: "csrf" }, headers: { origin: "https://evil.example" } }), 403, "forbidden"],
  ];
  for (const [name, send, status, code] of bad) {
    const response = await send();
    expect(response.status(), name).toBe(status);
    expect((await response.json()).error.code, name).toBe(code);
  }
  const after = await (await api.get(`/api/documents/${team.documentId}/claims`)).json();
  expect(after.items).toHaveLength(1);

  expect((await api.delete(`/api/claims/${claim.id}`)).status()).toBe(204);
  expect((await api.get(`/api/claims/${claim.id}`)).status()).toBe(404);
  expect((await api.get(`/api/claims/${claim.id}/comments`)).status()).toBe(404);
});

test("another team's document, claims and comments are 404 for an outsider", async ({ browser, team }) => {
  const { unsafeCreateUser } = await import("../../lib/testing/factories");
  const outsider = await unsafeCreateUser("Outsider");
  const aliceContext = await browser.newContext();
  await signInThroughApi(aliceContext, team.alice);
  const text = team.documentText;
  const exact = "Weinig opties";
  const start = text.indexOf(exact);
  const claim = await (
    await aliceContext.request.post(`/api/documents/${team.documentId}/claims`, {
      data: { target: { selector: [quoteSelector(exact), positionSelector(start, start + exact.length)] } },
    })
  ).json();
  const comment = await (await aliceContext.request.post(`/api/claims/${claim.id}/comments`, { data: { body: "intern" } })).json();

  const outsiderContext = await browser.newContext();
  await signInThroughApi(outsiderContext, outsider);
  const api = outsiderContext.request;
  const documents = await (await api.get("/api/documents")).json();
  expect(documents.items.map((document: { id: string }) => document.id)).not.toContain(team.documentId);
  for (const response of [
    await api.get(`/api/documents/${team.documentId}`),
    await api.get(`/api/documents/${team.documentId}/claims`),
    await api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [quoteSelector(exact), positionSelector(start, start + exact.length)] } } }),
    await api.get(`/api/claims/${claim.id}`),
    await api.patch(`/api/claims/${claim.id}`, { data: { tags: [] } }),
    await api.delete(`/api/claims/${claim.id}`),
    await api.get(`/api/claims/${claim.id}/comments`),
    await api.post(`/api/claims/${claim.id}/comments`, { data: { body: "hallo" } }),
    await api.patch(`/api/comments/${comment.id}`, { data: { body: "overschreven" } }),
    await api.delete(`/api/comments/${comment.id}`),
  ]) {
    expect(response.status(), response.url()).toBe(404);
  }
  const page = await outsiderContext.newPage();
  await page.goto(`/documents/${team.documentId}`);
  await expect(page.getByRole("heading", { name: "Document not found" })).toBeVisible();
  await aliceContext.close();
  await outsiderContext.close();
});

test("client-sent authorId, teamId, role and timestamps are ignored", async ({ context, team }) => {
  await signInThroughApi(context, team.bob);
  const api = context.request;
  const exact = "Weinig opties";
  const start = team.documentText.indexOf(exact);
  const forged = { authorId: team.alice.userId, teamId: randomUUID(), role: "OWNER", createdAt: "2001-01-01T00:00:00.000Z", id: randomUUID() };
  const claim = await (
    await api.post(`/api/documents/${team.documentId}/claims`, {
      data: { ...forged, target: { selector: [quoteSelector(exact), positionSelector(start, start + exact.length)] } },
    })
  ).json();
  expect(claim.author.id).toBe(team.bob.userId);
  expect(claim.id).not.toBe(forged.id);
  expect(claim.createdAt).not.toBe(forged.createdAt);
  expect(claim.abilities).toMatchObject({ canDelete: true, canHide: false });
  const comment = await (await api.post(`/api/claims/${claim.id}/comments`, { data: { ...forged, body: "Van Bob" } })).json();
  expect(comment.author.id).toBe(team.bob.userId);
  expect(comment.createdAt).not.toBe(forged.createdAt);
  const { getTestDb } = await import("../../lib/testing/factories");
  const row = await getTestDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
  expect({ authorId: row.authorId, teamId: row.teamId }).toEqual({ authorId: team.bob.userId, teamId: team.teamId });
  // Bob is still a member, whatever role he claimed.
  const membership = await getTestDb().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.teamId, userId: team.bob.userId } } });
  expect(membership.role).toBe("MEMBER");
});
