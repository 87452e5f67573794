/**
 * The desk's text search on real PostgreSQL: what people type finds what they mean (Dutch and English, stems,
 * prefixes, accents), across quotes, comments and evidence, and never through what the searcher may not read.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, hideClaim } from "@/lib/claims/service";
import { parseDeskQuery } from "@/lib/desk/schema";
import { listDeskClaims } from "@/lib/desk/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { createComment, deleteComment, hideComment } from "@/lib/threads/service";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

/** The claims of the scene, by what they quote. */
const quotes = {
  weapons: "veel wapens verkocht aan Azerbeidzjan",
  drones: "De drones hebben de dynamiek van het conflict veranderd",
  turkish: "Het Turkse optreden bedreigt de Russische machtspositie in de regio.",
  putin: "Poetin moet iets doen om zijn greep op de regio te behouden.",
  woman: "Een vrouw loopt tussen de restanten van haar verwoeste flat",
  armenia: "Rusland een militair pact heeft met Armenië",
  hats: "Kortom, een veelheid aan petten die Rusland weinig ruimte laat om te manoeuvreren.",
  government: "De Turkse regering noemde de wapenstilstand",
} as const;
type QuoteName = keyof typeof quotes;
const claimIds = {} as Record<QuoteName, string>;

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team") {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, visibility }));
}

const comment = (actor: TestUser, claimId: string, body: string) => createComment(actor, claimId, createCommentInputSchema.parse({ body }));

/** The quotes (by name) `actor` finds with `q`, best match first. */
async function search(actor: TestUser, q: string): Promise<QuoteName[]> {
  const page = await listDeskClaims(actor, team.teamId, parseDeskQuery(new URLSearchParams({ q })));
  const names = Object.fromEntries(Object.entries(claimIds).map(([name, id]) => [id, name as QuoteName]));
  return page.items.map((item) => names[item.id] ?? (`unexpected ${item.id}` as QuoteName));
}

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  // Another team with the same article and a claim on the same words: never part of this team's desk.
  const otherTeam = await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  const { quote, position } = describeTextRange(otherTeam.documentText, findRange(otherTeam.documentText, quotes.weapons));
  await createClaim(outsider, otherTeam.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] } }));

  for (const name of Object.keys(quotes) as QuoteName[]) {
    const claim = await makeClaim(name === "hats" ? colleague : author, quotes[name], name === "hats" ? "private" : "team");
    claimIds[name] = claim.id;
  }
  await comment(colleague, claimIds.turkish, "Erdoğan zei in juli iets vergelijkbaars.");
  await comment(author, claimIds.drones, "Check the footage from the ministry.");
  // Evidence rows are written directly: the evidence API is another part of the desk.
  await getTestDb().evidence.create({
    data: { claimId: claimIds.putin, authorId: author.userId, title: "Persbericht", note: "Bayraktar-leveringen volgens SIPRI", stance: "CONTEXT" },
  });
  await hideClaim(moderator, claimIds.government, hideInputSchema.parse({ reason: "Dubbel" }));
});

afterAll(disconnectTestDb);

describe("who may search", () => {
  it("a non-member, a missing team and a malformed id are the same not_found", async () => {
    for (const teamId of [team.teamId, randomUUID(), "nope"]) {
      await expect(listDeskClaims(outsider, teamId, parseDeskQuery(new URLSearchParams({ q: "wapen" })))).rejects.toMatchObject({
        name: "AppError",
        code: "not_found",
      });
    }
  });

  it("a viewer searches too", async () => {
    expect(await search(viewer, "wapen azerbeidzjan")).toEqual(["weapons"]);
  });
});

describe("what people type finds what they mean", () => {
  it.each([
    { typed: "wapen azerbeidzjan", finds: ["weapons"], why: "Dutch singular finds the plural, and every word must match" },
    { typed: "Wapens,  AZERBEIDZJAN!", finds: ["weapons"], why: "case and punctuation do not matter" },
    { typed: "drone", finds: ["drones"], why: "English singular finds the plural" },
    { typed: "Erdogan", finds: ["turkish"], why: "unaccented finds the accented name in a comment" },
    { typed: "erdoğan", finds: ["turkish"], why: "accented finds it too" },
    { typed: "armenie", finds: ["armenia"], why: "a diaeresis is an accent too" },
    { typed: "footage", finds: ["drones"], why: "English words in comments are found" },
    { typed: "bayraktar sipri", finds: ["putin"], why: "words of an evidence note find its claim" },
    { typed: "verwoest", finds: ["woman"], why: "the start of a word finds the whole word" },
    { typed: "azerbeidzjan drone", finds: [], why: "words on different claims find neither" },
    { typed: "zeppelin", finds: [], why: "a word nobody wrote finds nothing" },
  ])("$typed → $finds ($why)", async ({ typed, finds }) => {
    expect(await search(author, typed)).toEqual(finds);
  });

  it("a query of punctuation only is no search: every claim is listed", async () => {
    expect(await search(author, " ?! -- ")).toHaveLength(7);
  });

  it("the best match comes first; an explicit sort overrides it", async () => {
    // "regio" is in two quotes; a comment that says it twice more lifts the older claim above the newer.
    await comment(colleague, claimIds.turkish, "De regio, en nog eens de regio.");
    expect(await search(author, "regio")).toEqual(["turkish", "putin"]);
    const newestFirst = await listDeskClaims(author, team.teamId, parseDeskQuery({ q: "regio", sort: "age" }));
    expect(newestFirst.items.map((item) => item.id)).toEqual([claimIds.putin, claimIds.turkish]);
  });
});

describe("what may not be read is never found", () => {
  it("words only in a hidden comment find nothing; before it was hidden they did", async () => {
    const hiddenOne = await comment(colleague, claimIds.woman, "Xylofoonquiz in de bijlage");
    expect(await search(author, "xylofoonquiz")).toEqual(["woman"]);
    await hideComment(moderator, hiddenOne.id, hideInputSchema.parse({ reason: "Spam" }));
    expect(await search(author, "xylofoonquiz")).toEqual([]);
    expect(await search(moderator, "xylofoonquiz")).toEqual([]);
  });

  it("words only in a deleted comment find nothing", async () => {
    const deletedOne = await comment(author, claimIds.woman, "Zebrapadoverleg volgt");
    expect(await search(author, "zebrapadoverleg")).toEqual(["woman"]);
    await deleteComment(author, deletedOne.id);
    expect(await search(author, "zebrapadoverleg")).toEqual([]);
  });

  it("another member's private claim is never found, by anyone but its author", async () => {
    for (const actor of [author, moderator, owner, viewer]) expect(await search(actor, "petten")).toEqual([]);
    expect(await search(colleague, "petten")).toEqual(["hats"]);
  });

  it("a hidden claim is found by its text only by those who may see its content", async () => {
    expect(await search(moderator, "regering")).toEqual(["government"]);
    expect(await search(owner, "regering")).toEqual(["government"]);
    expect(await search(author, "regering")).toEqual([]);
    expect(await search(viewer, "regering")).toEqual([]);
  });

  it("without a search, a member sees the hidden claim as its placeholder, content withheld as toClaimView does", async () => {
    const page = await listDeskClaims(author, team.teamId, parseDeskQuery({}));
    const hidden = page.items.find((item) => item.id === claimIds.government);
    expect(hidden).toMatchObject({ target: null, tags: [], verdict: null, hidden: { at: expect.any(String) } });
    const forModerator = (await listDeskClaims(moderator, team.teamId, parseDeskQuery({}))).items.find((item) => item.id === claimIds.government);
    expect(forModerator?.target?.selector[0].exact).toBe(quotes.government);
  });
});
