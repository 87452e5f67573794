/**
 * Adding documents by import and correcting their metadata, through the real route handlers (session cookie →
 * actor → lib/ → PostgreSQL): JSON and multipart uploads, role by role, and bad input that must leave nothing
 * half-written.
 */
import { randomUUID } from "node:crypto";

import { Document as WordDocument, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as documentRoute from "@/app/api/documents/[documentId]/route";
import * as teamDocumentsRoute from "@/app/api/teams/[teamId]/documents/route";
import { importLimits } from "@/lib/documents/import";
import { readFixture } from "@/lib/documents/import/test-support";
import { getDocumentForActor } from "@/lib/documents/service";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let team: TestTeam;
const cookies = new Map<TestUser, string>();

beforeAll(async () => {
  [owner, moderator, member, viewer, stranger] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Stranger");
  team = await unsafeCreateTeamWithArticle(
    [
      [owner, "OWNER"],
      [moderator, "MODERATOR"],
      [member, "MEMBER"],
      [viewer, "VIEWER"],
    ],
    "Import team",
  );
  await unsafeCreateTeamWithArticle([[stranger, "OWNER"]], "Stranger's team");
  for (const user of [owner, moderator, member, viewer, stranger]) cookies.set(user, await unsafeCreateSessionCookie(user));
});

afterAll(disconnectTestDb);

function request(actor: TestUser | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  const allHeaders = new Headers({ host: "margin.test", ...headers });
  if (actor) allHeaders.set("cookie", cookies.get(actor)!);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    allHeaders.set("content-type", allHeaders.get("content-type") ?? "application/json");
    payload = typeof body === "string" ? body : JSON.stringify(body);
  }
  return new Request(`http://margin.test${path}`, { method, headers: allHeaders, body: payload });
}

async function postDocument(actor: TestUser | null, body: unknown, { teamId = team.teamId, headers = {} }: { teamId?: string; headers?: Record<string, string> } = {}) {
  const response = await (teamDocumentsRoute.POST as Handler)(request(actor, "POST", `/api/teams/${teamId}/documents`, body, headers), {
    params: Promise.resolve({ teamId }),
  });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: string; message: string; details?: { fields?: Record<string, string> } } } };
}

async function patchDocument(actor: TestUser | null, documentId: string, body: unknown) {
  const response = await (documentRoute.PATCH as Handler)(request(actor, "PATCH", `/api/documents/${documentId}`, body), {
    params: Promise.resolve({ documentId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; details?: { fields?: Record<string, string> } } } };
}

function upload(name: string, type: string, content: BlobPart, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("file", new File([content], name, { type }));
  return form;
}

async function wordFile(): Promise<Blob> {
  const document = new WordDocument({
    title: "Dyke reinforcement delayed",
    creator: "Tom Bakker",
    sections: [
      {
        children: [
          new Paragraph({ text: "Why it matters", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("The dyke protects "), new TextRun({ text: "40,000", bold: true }), new TextRun(" homes.")] }),
        ],
      },
    ],
  });
  return Packer.toBlob(document);
}

/** Documents and versions in the database: a refused request must leave both as they were. */
async function countRows() {
  const db = getTestDb();
  return { documents: await db.document.count({ where: { teamId: team.teamId } }), versions: await db.documentVersion.count({ where: { document: { teamId: team.teamId } } }) };
}

async function storedDocument(id: string) {
  return getTestDb().document.findUniqueOrThrow({ where: { id }, include: { versions: true } });
}

describe("POST /api/teams/{id}/documents", () => {
  it("requires authentication", async () => {
    expect((await postDocument(null, { title: "x", text: "Tekst." })).status).toBe(401);
  });

  it("adds Markdown sent as JSON, with the front matter's metadata, and version 1 in that format", async () => {
    const { status, body } = await postDocument(owner, { format: "markdown", content: readFixture("article.md") });
    expect(status).toBe(201);
    const stored = await storedDocument(body.id!);
    expect(stored).toMatchObject({
      title: "Ceasefire talks stall in Geneva",
      byline: "Anna de Vries",
      sourceUrl: "https://news.example.org/world/ceasefire-talks-stall",
      publishedOn: "2020-10-14",
      lang: "en",
      version: 1,
      createdById: owner.userId,
    });
    expect(stored.versions).toEqual([expect.objectContaining({ number: 1, format: "markdown", content: stored.content, text: stored.text, createdById: owner.userId })]);
    const detail = await getDocumentForActor(member, body.id!);
    expect(detail).toMatchObject({ byline: "Anna de Vries", sourceUrl: "https://news.example.org/world/ceasefire-talks-stall", publishedOn: "2020-10-14" });
    expect(detail.text.startsWith("Negotiators left Geneva on Tuesday")).toBe(true);
  });

  it("adds a saved web page sent as JSON HTML: only the article, with the page's metadata", async () => {
    const { status, body } = await postDocument(moderator, { format: "html", content: readFixture("saved-page.html"), lang: "en" });
    expect(status).toBe(201);
    const stored = await storedDocument(body.id!);
    expect(stored).toMatchObject({ title: "Harbour expansion approved after years of delay", byline: "Maria Lopez", publishedOn: "2021-03-09" });
    expect(stored.text).not.toMatch(/Most read|Advertisement|All rights reserved/u);
    expect(stored.versions[0]?.format).toBe("html");
  });

  it("still takes { title, text } as plain text, and the request's metadata over the article's", async () => {
    const { status, body } = await postDocument(owner, {
      title: "Een kort bericht",
      text: "date 2021-05 Eerste alinea.\n\nTussenkop\n\nTweede alinea.",
      publishedAt: "2021-06-01",
      byline: "Redactie",
      sourceUrl: "https://example.org/bericht",
    });
    expect(status).toBe(201);
    const stored = await storedDocument(body.id!);
    expect(stored).toMatchObject({ title: "Een kort bericht", publishedOn: "2021-06-01", byline: "Redactie", sourceUrl: "https://example.org/bericht" });
    expect(stored.text).toBe("Eerste alinea.\n\nTussenkop\n\nTweede alinea.");
    expect(stored.versions[0]?.format).toBe("text");
  });

  it("adds an uploaded Word document (multipart), its title and author from the file", async () => {
    const bytes = await wordFile();
    const { status, body } = await postDocument(moderator, upload("dyke.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes));
    expect(status).toBe(201);
    const stored = await storedDocument(body.id!);
    expect(stored).toMatchObject({ title: "Dyke reinforcement delayed", byline: "Tom Bakker", text: "Why it matters\n\nThe dyke protects 40,000 homes." });
    expect(stored.versions[0]?.format).toBe("docx");
  });

  it("adds an uploaded Markdown file with the form's title and metadata over the file's", async () => {
    const { status, body } = await postDocument(
      owner,
      upload("article.md", "text/markdown", readFixture("article.md"), { title: "Gesprekken vastgelopen", publishedAt: "2020-10", byline: " ", lang: "en" }),
    );
    expect(status).toBe(201);
    // A blank form field is no value: the file's byline stays.
    expect(await storedDocument(body.id!)).toMatchObject({ title: "Gesprekken vastgelopen", publishedOn: "2020-10", byline: "Anna de Vries", lang: "en" });
  });

  it.each([
    { who: "a member", actor: () => member, status: 403, code: "forbidden" },
    { who: "a viewer", actor: () => viewer, status: 403, code: "forbidden" },
    { who: "a non-member", actor: () => stranger, status: 404, code: "not_found" },
  ])("refuses $who ($status), as JSON or upload, storing nothing", async ({ actor, status, code }) => {
    const before = await countRows();
    const json = await postDocument(actor(), { title: "x", format: "markdown", content: "Tekst." });
    expect(json).toMatchObject({ status, body: { error: { code } } });
    const file = await postDocument(actor(), upload("a.txt", "text/plain", "Tekst."));
    expect(file).toMatchObject({ status, body: { error: { code } } });
    expect(await countRows()).toEqual(before);
  });

  it("is a 404 for a team that does not exist", async () => {
    expect((await postDocument(owner, { title: "x", text: "Tekst." }, { teamId: randomUUID() })).status).toBe(404);
  });

  it.each([
    { name: "plain text without a title", body: () => ({ content: "Een alinea zonder titel." }), status: 422, field: "title" },
    { name: "whitespace only", body: () => ({ title: "x", format: "html", content: " \n\t " }), status: 422, field: "content" },
    { name: "HTML that is all script", body: () => ({ title: "x", format: "html", content: "<script>alert(1)</script>" }), status: 422, field: "content" },
    { name: "Markdown that is all embedded HTML script", body: () => ({ title: "x", format: "markdown", content: "<script>\nalert(1)\n</script>" }), status: 422, field: "content" },
    { name: "an unknown format", body: () => ({ title: "x", format: "pdf", content: "%PDF" }), status: 415, field: "format" },
    { name: "a .docx as JSON", body: () => ({ title: "x", format: "docx", content: "UEsDBA==" }), status: 415, field: "format" },
    { name: "a javascript: source URL", body: () => ({ title: "x", content: "Tekst.", sourceUrl: "javascript:alert(1)" }), status: 422, field: "sourceUrl" },
    { name: "an empty uploaded file", body: () => upload("empty.txt", "text/plain", ""), status: 422, field: "file" },
    { name: "a .docx that is not a zip", body: () => upload("fake.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Just text."), status: 415, field: "file" },
    { name: "a PDF", body: () => upload("paper.pdf", "application/pdf", "%PDF-1.7"), status: 415, field: "format" },
    { name: "a form without a file", body: () => Object.assign(new FormData(), {}), status: 422, field: "file" },
  ])("answers $name with $status naming $field, and stores nothing", async ({ body, status, field }) => {
    const before = await countRows();
    const response = await postDocument(owner, body());
    expect(response.status).toBe(status);
    expect(Object.keys(response.body.error?.details?.fields ?? {})).toContain(field);
    expect(await countRows()).toEqual(before);
  });

  it("answers more than 5 MB with 413 naming the limit (in the caller's language), as JSON or upload", async () => {
    const before = await countRows();
    const content = "a".repeat(importLimits.maxBytes + 1);
    const json = await postDocument(owner, { title: "x", content }, { headers: { "accept-language": "nl" } });
    expect(json).toMatchObject({ status: 413, body: { error: { code: "payload_too_large", message: "Het artikel is te groot: Margin importeert bestanden en geplakte tekst tot 5 MB" } } });
    const file = await postDocument(owner, upload("big.txt", "text/plain", content));
    expect(file).toMatchObject({ status: 413, body: { error: { code: "payload_too_large", message: "The article is too large: Margin imports files and pasted text up to 5 MB" } } });
    // Past even JSON's allowance for escapes: the same answer, before the body is read in full.
    const huge = await postDocument(owner, JSON.stringify({ title: "x", content: "\n".repeat(importLimits.maxBytes * 1.5) }));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: "payload_too_large", message: expect.stringContaining("5 MB") } } });
    expect(await countRows()).toEqual(before);
  });

  it("answers a 5 MB single paragraph with a clear 422, storing nothing", async () => {
    const before = await countRows();
    const response = await postDocument(owner, upload("one-paragraph.txt", "text/plain", "word ".repeat(importLimits.maxBytes / 5 - 10), { title: "x" }));
    expect(response).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { fields: { file: expect.stringMatching(/at most 200,000 characters/u) } } } } });
    expect(await countRows()).toEqual(before);
  });

  it("answers a body that is neither JSON nor a form with 415", async () => {
    const response = await postDocument(owner, "title=x&text=y", { headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
  });
});

describe("PATCH /api/documents/{id} (metadata)", () => {
  it("requires authentication", async () => {
    expect((await patchDocument(null, team.documentId, { title: "x" })).status).toBe(401);
  });

  it("lets owners and moderators set and clear the title, byline, source URL and publication date", async () => {
    const set = await patchDocument(owner, team.documentId, {
      title: "Nieuwe titel",
      byline: "Anna de Vries",
      sourceUrl: "https://news.example.org/artikel",
      publishedAt: "2020-10-14",
    });
    expect(set).toMatchObject({
      status: 200,
      body: { id: team.documentId, title: "Nieuwe titel", byline: "Anna de Vries", sourceUrl: "https://news.example.org/artikel", publishedOn: "2020-10-14", lang: "nl" },
    });
    expect(await getDocumentForActor(viewer, team.documentId)).toMatchObject({ title: "Nieuwe titel", byline: "Anna de Vries", sourceUrl: "https://news.example.org/artikel" });

    const cleared = await patchDocument(moderator, team.documentId, { byline: null, sourceUrl: null, publishedAt: null });
    expect(cleared).toMatchObject({ status: 200, body: { title: "Nieuwe titel", byline: null, sourceUrl: null, publishedOn: null } });
    // The text is not metadata: it changes only by a new version.
    expect((await storedDocument(team.documentId)).text).toBe(team.documentText);
  });

  it.each([
    { who: "a member", actor: () => member, status: 403 },
    { who: "a viewer", actor: () => viewer, status: 403 },
    { who: "a non-member", actor: () => stranger, status: 404 },
  ])("refuses $who ($status) and changes nothing", async ({ actor, status }) => {
    const before = await storedDocument(team.documentId);
    expect((await patchDocument(actor(), team.documentId, { title: "Gekaapt", byline: "x" })).status).toBe(status);
    expect(await storedDocument(team.documentId)).toMatchObject({ title: before.title, byline: before.byline });
  });

  it.each([
    { body: { sourceUrl: "javascript:alert(1)" }, field: "sourceUrl" },
    { body: { publishedAt: "gisteren" }, field: "publishedAt" },
    { body: { title: "" }, field: "title" },
    { body: { text: "Nieuwe tekst" }, field: "" },
  ])("refuses $body with 422", async ({ body, field }) => {
    const response = await patchDocument(owner, team.documentId, body);
    expect(response.status).toBe(422);
    if (field) expect(Object.keys(response.body.error?.details?.fields ?? {})).toContain(field);
  });
});
