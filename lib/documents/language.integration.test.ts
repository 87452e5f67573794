import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDocumentInputSchema, updateDocumentInputSchema } from "@/lib/documents/schema";
import { createDocument, getDocumentForActor, updateDocument } from "@/lib/documents/service";
import { AppError } from "@/lib/errors";
import { disconnectTestDb, unsafeCreateTeamWithArticle, unsafeCreateUser, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let stranger: TestUser;
let team: TestTeam;

const englishArticle =
  "Azerbaijan and Armenia agreed to a humanitarian ceasefire on Saturday.\n\nWithin hours both sides accused each other of shelling towns far from the front line.";

beforeAll(async () => {
  [owner, moderator, member, stranger] = await Promise.all([
    unsafeCreateUser("Owner"),
    unsafeCreateUser("Moderator"),
    unsafeCreateUser("Member"),
    unsafeCreateUser("Stranger"),
  ]);
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
  ]);
});

afterAll(disconnectTestDb);

describe("a document's language", () => {
  it("is detected from the text when a document is added without one", async () => {
    const { id } = await createDocument(owner, team.teamId, createDocumentInputSchema.parse({ title: "Ceasefire", text: englishArticle }));
    expect((await getDocumentForActor(member, id)).lang).toBe("en");
  });

  it("is taken as given, in its canonical spelling, when the request names it", async () => {
    const input = createDocumentInputSchema.parse({ title: "Wapenstilstand", text: englishArticle, lang: "EN-gb" });
    const { id } = await createDocument(owner, team.teamId, input);
    expect((await getDocumentForActor(owner, id)).lang).toBe("en-GB");
  });

  it("can be corrected by owners and moderators, who see that they can", async () => {
    expect((await getDocumentForActor(moderator, team.documentId)).abilities.canEditDocument).toBe(true);
    await expect(updateDocument(moderator, team.documentId, updateDocumentInputSchema.parse({ lang: "de" }))).resolves.toMatchObject({
      id: team.documentId,
      lang: "de",
    });
    await updateDocument(owner, team.documentId, updateDocumentInputSchema.parse({ lang: "nl" }));
    expect((await getDocumentForActor(member, team.documentId)).lang).toBe("nl");
  });

  it("cannot be changed by a member (403) and does not exist for a stranger (404)", async () => {
    expect((await getDocumentForActor(member, team.documentId)).abilities.canEditDocument).toBe(false);
    const change = updateDocumentInputSchema.parse({ lang: "fr" });
    await expect(updateDocument(member, team.documentId, change)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateDocument(stranger, team.documentId, change)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateDocument(owner, "not-an-id", change)).rejects.toBeInstanceOf(AppError);
    expect((await getDocumentForActor(owner, team.documentId)).lang).toBe("nl");
  });

  it("refuses unknown fields and malformed tags", () => {
    expect(updateDocumentInputSchema.safeParse({ lang: "nl", colour: "x" }).success).toBe(false);
    expect(updateDocumentInputSchema.safeParse({ lang: "nl_NL" }).success).toBe(false);
  });
});
