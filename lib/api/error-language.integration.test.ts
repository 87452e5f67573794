/**
 * The API answers an error in the caller's language, through the real route handlers: the user's setting, else
 * the `margin-locale` cookie, else Accept-Language (lib/i18n/negotiate.ts), as pages do. The `code` is the same
 * in every language; only `message` (and `details.fields` / `details.issues[].message`) are translated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tagsRoute from "@/app/api/teams/[teamId]/tags/route";
import type { ErrorBody } from "@/lib/errors";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

let team: TestTeam;
let owner: TestUser;
let viewer: TestUser;
let dutchOwner: TestUser;

beforeAll(async () => {
  [owner, viewer, dutchOwner] = await unsafeCreateUsers("Owner", "Viewer", "Eigenaar");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [viewer, "VIEWER"],
    [dutchOwner, "MODERATOR"],
  ]);
  await getTestDb().user.update({ where: { id: dutchOwner.userId }, data: { locale: "nl" } });
});

afterAll(async () => {
  await disconnectTestDb();
});

/** POSTs `body` as a new tag of the team, as `user` (or anonymously), with the given request headers. */
async function createTag(user: TestUser | null, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: ErrorBody }> {
  const cookies = [...(user ? [await unsafeCreateSessionCookie(user)] : []), ...(headers.cookie ? [headers.cookie] : [])];
  const request = new Request(`http://margin.test/api/teams/${team.teamId}/tags`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", ...(cookies.length > 0 ? { cookie: cookies.join("; ") } : {}) },
    body: JSON.stringify(body),
  });
  const response = await tagsRoute.POST(request, { params: Promise.resolve({ teamId: team.teamId }) });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

const english = { "accept-language": "en-GB,en;q=0.9" };
const dutch = { "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" };

describe("the same bad request in English and in Dutch", () => {
  it("a field the schema refuses: 422 validation_failed, message, fields and issues translated", async () => {
    const body = { name: "", color: "#000000" };
    const inEnglish = await createTag(owner, body, english);
    const inDutch = await createTag(owner, body, dutch);
    expect(inEnglish.status).toBe(422);
    expect(inDutch.status).toBe(422);
    expect(inEnglish.body.error.code).toBe("validation_failed");
    expect(inDutch.body.error.code).toBe("validation_failed");
    expect(inEnglish.body.error.message).toBe("A tag name cannot be empty");
    expect(inDutch.body.error.message).toBe("Een tagnaam mag niet leeg zijn");
    expect(inDutch.body.error.details).toEqual({
      issues: [
        { path: "name", message: "Een tagnaam mag niet leeg zijn" },
        { path: "color", message: expect.stringMatching(/^Kies een van de kleuren van het palet: #/u) },
      ],
      fields: { name: "Een tagnaam mag niet leeg zijn", color: expect.stringMatching(/^Kies een van de kleuren/u) },
    });
  });

  it("a control character: the text rule names the field in the caller's language", async () => {
    const body = { name: "a\u0000b", color: "#b91c1c" };
    expect((await createTag(owner, body, english)).body.error.message).toBe("A tag name cannot contain control characters");
    expect((await createTag(owner, body, dutch)).body.error.message).toBe("Een tagnaam mag geen stuurtekens bevatten");
  });

  it("a wrong type (zod's own message): English as zod words it, Dutch naming what was received", async () => {
    const body = { name: 5, color: "#b91c1c" };
    expect((await createTag(owner, body, english)).body.error.message).toBe("Invalid input: expected string, received number");
    expect((await createTag(owner, body, dutch)).body.error.message).toBe("Ongeldige invoer: string verwacht, number ontvangen");
  });

  it("a service's refusal (AppError): 403 forbidden in both, the message translated", async () => {
    const body = { name: "sancties", color: "#b91c1c" };
    const inEnglish = await createTag(viewer, body, english);
    const inDutch = await createTag(viewer, body, dutch);
    expect(inEnglish).toEqual({ status: 403, body: { error: { code: "forbidden", message: "Only moderators and owners can manage tags" } } });
    expect(inDutch).toEqual({ status: 403, body: { error: { code: "forbidden", message: "Alleen moderators en eigenaren kunnen tags beheren" } } });
  });

  it("a conflict with field errors: 409 in both, its values kept", async () => {
    const inDutch = await createTag(owner, { name: "MILITARY", color: "#b91c1c" }, dutch);
    expect(inDutch.status).toBe(409);
    expect(inDutch.body.error).toEqual({
      code: "conflict",
      message: "Dit team heeft al een tag met de naam “military”. Tagnamen moeten meer verschillen dan alleen in hoofdletters.",
      details: { fields: { name: "“military” bestaat al" } },
    });
  });
});

describe("which language", () => {
  const badBody = { name: "", color: "#b91c1c" };

  it("the user's own setting comes first, whatever the browser asks for", async () => {
    const answer = await createTag(dutchOwner, badBody, { ...english, cookie: "margin-locale=en" });
    expect(answer.body.error.message).toBe("Een tagnaam mag niet leeg zijn");
  });

  it("then the language menu's cookie, before Accept-Language", async () => {
    expect((await createTag(owner, badBody, { ...english, cookie: "margin-locale=nl" })).body.error.message).toBe("Een tagnaam mag niet leeg zijn");
    expect((await createTag(owner, badBody, { ...dutch, cookie: "margin-locale=en" })).body.error.message).toBe("A tag name cannot be empty");
  });

  it("English without any preference, or for a language Margin does not speak", async () => {
    expect((await createTag(owner, badBody, {})).body.error.message).toBe("A tag name cannot be empty");
    expect((await createTag(owner, badBody, { "accept-language": "de-DE" })).body.error.message).toBe("A tag name cannot be empty");
  });

  it("an anonymous caller's 401 follows the cookie and Accept-Language", async () => {
    expect(await createTag(null, badBody, dutch)).toEqual({ status: 401, body: { error: { code: "unauthenticated", message: "Log in om verder te gaan" } } });
    expect(await createTag(null, badBody, { ...dutch, cookie: "margin-locale=en" })).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Sign in to continue" } },
    });
  });
});
