import { randomUUID } from "node:crypto";

import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("the tag and notification endpoints need a session: 401 with a JSON error", async ({ request }) => {
  const id = randomUUID();
  for (const [method, url] of [
    ["GET", `/api/teams/${id}/tags`],
    ["POST", `/api/teams/${id}/tags`],
    ["PATCH", `/api/tags/${id}`],
    ["DELETE", `/api/tags/${id}`],
    ["GET", "/api/notifications"],
    ["POST", "/api/notifications/read"],
  ] as const) {
    const response = await request.fetch(url, { method, data: method === "GET" || method === "DELETE" ? undefined : {} });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  }
});

test("the tag endpoints: list with usage, create (201), 409 for a clash in any case, 422 for a bad name or colour, patch, delete (204), 404 for foreign ids", async ({
  context,
  team,
}) => {
  await signInThroughApi(context, team.alice);
  const api = context.request;
  const listed = await (await api.get(`/api/teams/${team.teamId}/tags`)).json();
  expect(listed).toMatchObject({ team: { id: team.teamId }, abilities: { canManage: true } });
  expect(listed.items.map((tag: { name: string; claimCount: number }) => [tag.name, tag.claimCount])).toEqual(
    expect.arrayContaining([["military", 0], ["energy", 0]]),
  );

  const created = await api.post(`/api/teams/${team.teamId}/tags`, { data: { name: "  sanctions ", color: "#15803D" } });
  expect(created.status()).toBe(201);
  const tag = await created.json();
  expect(tag).toEqual({ id: expect.any(String), name: "sanctions", color: "#15803d", claimCount: 0 });

  const clash = await api.post(`/api/teams/${team.teamId}/tags`, { data: { name: "SANCTIONS", color: "#b91c1c" } });
  expect(clash.status()).toBe(409);
  expect((await clash.json()).error).toMatchObject({ code: "conflict", message: expect.stringContaining("“sanctions”") });

  for (const body of [{ name: "", color: "#15803d" }, { name: "x".repeat(41), color: "#15803d" }, { name: "ok", color: "#ffffff" }, { name: "ok", color: "green" }, { name: "ok" }]) {
    const response = await api.post(`/api/teams/${team.teamId}/tags`, { data: body });
    expect(response.status(), JSON.stringify(body)).toBe(422);
  }

  const patched = await api.patch(`/api/tags/${tag.id}`, { data: { name: "Sancties", color: "#0f766e" } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ id: tag.id, name: "Sancties", color: "#0f766e" });
  expect((await api.patch(`/api/tags/${tag.id}`, { data: {} })).status()).toBe(422);
  expect((await api.patch(`/api/tags/${tag.id}`, { data: { name: "military" } })).status()).toBe(409);

  expect((await api.delete(`/api/tags/${tag.id}`)).status()).toBe(204);
  expect((await api.delete(`/api/tags/${tag.id}`)).status()).toBe(404);
  expect((await api.get(`/api/teams/${randomUUID()}/tags`)).status()).toBe(404);
  expect((await api.post(`/api/teams/nope/tags`, { data: { name: "x", color: "#15803d" } })).status()).toBe(404);
});
