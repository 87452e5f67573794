import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema, updateClaimInputSchema, type CreateClaimInput } from "@/lib/claims/schema";
import { createClaim, deleteClaim, getClaimForActor, listClaimsForDocument, updateClaim } from "@/lib/claims/service";
import { importArticleText } from "@/lib/documents/article-import";
import { claimInputFor } from "@/lib/testing/claim-input";
import { createComment, deleteComment } from "@/lib/threads/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUser,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let otherTeam: TestTeam;
/** A team claim by `author`, made before the tests. */
let seededClaimId: string;

function targetOf(selector: (TextQuoteSelector | TextPositionSelector)[], tags?: string[]): CreateClaimInput {
  return createClaimInputSchema.parse({ target: { selector }, tags });
}

/** Code point offset of a UTF-16 index (what W3C positions count), computed independently of lib/anchoring. */
function codePoints(text: string, index: number): number {
  return Array.from(text.slice(0, index)).length;
}

async function countRows(documentId: string) {
  const db = getTestDb();
  const [claims, claimTags, comments] = await Promise.all([
    db.claim.count({ where: { documentId } }),
    db.claimTag.count({ where: { claim: { documentId } } }),
    db.comment.count({ where: { claim: { documentId } } }),
  ]);
  return { claims, claimTags, comments };
}

async function storedTagNames(claimId: string): Promise<string[]> {
  const rows = await getTestDb().claimTag.findMany({ where: { claimId }, select: { tag: { select: { name: true } } } });
  return rows.map((row) => row.tag.name).sort();
}

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer, outsider] = await Promise.all([
    unsafeCreateUser("Owner"),
    unsafeCreateUser("Moderator"),
    unsafeCreateUser("Author"),
    unsafeCreateUser("Colleague"),
    unsafeCreateUser("Viewer"),
    unsafeCreateUser("Outsider"),
  ]);
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  otherTeam = await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  const seeded = await createClaim(author, team.documentId, claimInputFor(team.documentText, "Weinig opties", { tags: ["diplomatic"] }));
  seededClaimId = seeded.id;
});

afterAll(disconnectTestDb);


/** The fact-check abilities of a claim's author who is a member (lib/claims/policy.ts), and of an editor. */
const memberCheck = { canCheck: true, canAddEvidence: true, canProposeVerdict: true, canPublishVerdict: false, canResolveThread: true, canReattach: true };
const editorCheck = { ...memberCheck, canPublishVerdict: true };

describe("without access", () => {
  const malformedIds = ["nope", "", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g"];

  it("a non-member gets not_found from every function, for real ids, and nothing changes", async () => {
    const before = await countRows(team.documentId);
    const input = claimInputFor(team.documentText, "Het Turkse optreden");
    const update = updateClaimInputSchema.parse({ tags: [], visibility: "private" });
    await expect(listClaimsForDocument(outsider, team.documentId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(getClaimForActor(outsider, seededClaimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createClaim(outsider, team.documentId, input)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(updateClaim(outsider, seededClaimId, update)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(deleteClaim(outsider, seededClaimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    expect(await countRows(team.documentId)).toEqual(before);
    expect(await storedTagNames(seededClaimId)).toEqual(["diplomatic"]);
    expect((await getClaimForActor(author, seededClaimId)).visibility).toBe("team");
  });

  it("a member of the team cannot reach the other team's document either", async () => {
    await expect(listClaimsForDocument(author, otherTeam.documentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(createClaim(author, otherTeam.documentId, claimInputFor(otherTeam.documentText, "Weinig opties"))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it.each([
    ...malformedIds.map((id) => ({ what: `malformed id ${JSON.stringify(id)}`, id })),
    { what: "a random UUID", id: randomUUID() },
  ])("$what is not_found for members and non-members alike", async ({ id }) => {
    const input = claimInputFor(team.documentText, "Het Turkse optreden");
    const update = updateClaimInputSchema.parse({ visibility: "private" });
    for (const actor of [outsider, author, owner]) {
      await expect(listClaimsForDocument(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(getClaimForActor(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(createClaim(actor, id, input)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(updateClaim(actor, id, update)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(deleteClaim(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });
});

describe("createClaim", () => {
  const text = () => team.documentText;

  it("stores Dutch typographic quotes with canonical selectors recomputed on the server", async () => {
    const needle = "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”";
    const range = findRange(text(), needle);
    // The client sends a truncated prefix and no suffix; the server must store the full context itself.
    const input = targetOf([
      { type: "TextQuoteSelector", exact: needle, prefix: text().slice(range.start - 4, range.start) },
      { type: "TextPositionSelector", start: codePoints(text(), range.start), end: codePoints(text(), range.end) },
    ]);
    const claim = await createClaim(author, team.documentId, input);
    expect(claim.target?.selector).toEqual([
      {
        type: "TextQuoteSelector",
        exact: needle,
        prefix: text().slice(range.start - CONTEXT_LENGTH, range.start),
        suffix: text().slice(range.end, range.end + CONTEXT_LENGTH),
      },
      { type: "TextPositionSelector", start: range.start, end: range.end },
    ]);
    expect(claim.target?.selector[0].prefix).toHaveLength(CONTEXT_LENGTH);
    expect(claim).toMatchObject({ documentId: team.documentId, visibility: "team", author: { id: author.userId, name: "Author" }, commentCount: 0 });
    expect(claim.abilities).toEqual({ canEdit: true, canDelete: true, canComment: true, canHide: false, canUnhide: false, ...memberCheck });
    // What createClaim answers is exactly what a later read returns.
    expect(await getClaimForActor(author, claim.id)).toEqual(claim);
    const row = await getTestDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({
      quoteExact: needle,
      quotePrefix: claim.target?.selector[0].prefix,
      quoteSuffix: claim.target?.selector[0].suffix,
      positionStart: range.start,
      positionEnd: range.end,
      teamId: team.teamId,
      authorId: author.userId,
      documentVersion: 1,
    });
  });

  it("finds a quote sent without a position (‘doorbraak’)", async () => {
    const range = findRange(text(), "‘doorbraak’");
    const claim = await createClaim(
      author,
      team.documentId,
      targetOf([{ type: "TextQuoteSelector", exact: "‘doorbraak’", prefix: "Maar de " }]),
    );
    expect(claim.target?.selector[1]).toEqual({ type: "TextPositionSelector", start: range.start, end: range.end });
    expect(claim.target?.selector[0].suffix).toBe(text().slice(range.end, range.end + CONTEXT_LENGTH));
  });

  it("stores a range spanning two paragraphs, blank line included", async () => {
    const needle = "dreigt te verliezen.\n\nZolang er een";
    const claim = await createClaim(author, team.documentId, claimInputFor(text(), needle));
    expect(claim.target?.selector[0].exact).toBe(needle);
    const listed = (await listClaimsForDocument(colleague, team.documentId)).find((item) => item.id === claim.id);
    expect(listed?.target?.selector[0].exact).toBe(needle);
  });

  it("counts positions in Unicode code points, not UTF-16 units", async () => {
    const article = importArticleText("🎉🎉 Feest! 👍🏽 Zie hier: de claim staat hier.\n\nEn 😀 dan verder, met 𝄞 muziek.");
    const document = await getTestDb().document.create({
      data: { teamId: team.teamId, title: "Emoji", content: article.content, text: article.text },
    });
    const range = findRange(article.text, "de claim");
    const start = codePoints(article.text, range.start);
    expect(start).toBeLessThan(range.start); // the fixture really has astral characters before the claim
    const byPosition = await createClaim(
      author,
      document.id,
      targetOf([{ type: "TextPositionSelector", start, end: start + "de claim".length }]),
    );
    expect(byPosition.target?.selector[0].exact).toBe("de claim");
    expect(byPosition.target?.selector[1]).toEqual({ type: "TextPositionSelector", start, end: start + 8 });

    const later = findRange(article.text, "dan verder");
    const byQuote = await createClaim(author, document.id, targetOf([{ type: "TextQuoteSelector", exact: "dan verder" }]));
    expect(byQuote.target?.selector[1]).toEqual({
      type: "TextPositionSelector",
      start: codePoints(article.text, later.start),
      end: codePoints(article.text, later.end),
    });
    const row = await getTestDb().claim.findUniqueOrThrow({ where: { id: byQuote.id } });
    expect(row.positionStart).toBe(codePoints(article.text, later.start));
  });

  it("resolves tag names case-insensitively, once each, and returns them sorted", async () => {
    const claim = await createClaim(author, team.documentId, claimInputFor(text(), "Poetin moet iets doen", { tags: ["military", "Energy", "energy"] }));
    expect(claim.tags).toEqual([
      { id: team.tagIds.energy, name: "energy", color: "#8a5a00" },
      { id: team.tagIds.military, name: "military", color: "#b91c1c" },
    ]);
    expect(await storedTagNames(claim.id)).toEqual(["energy", "military"]);
  });

  it("stores no tag rows for a claim without tags", async () => {
    const claim = await createClaim(author, team.documentId, claimInputFor(text(), "Maar veel opties heeft hij niet."));
    expect(claim.tags).toEqual([]);
    expect(await storedTagNames(claim.id)).toEqual([]);
  });

  it.each([
    { role: "OWNER", actor: () => owner, abilities: { canEdit: true, canDelete: true, canComment: true, canHide: true, canUnhide: false, ...editorCheck } },
    { role: "MODERATOR", actor: () => moderator, abilities: { canEdit: true, canDelete: true, canComment: true, canHide: true, canUnhide: false, ...editorCheck } },
    { role: "MEMBER", actor: () => colleague, abilities: { canEdit: true, canDelete: true, canComment: true, canHide: false, canUnhide: false, ...memberCheck } },
  ])("a $role may create a claim", async ({ actor, abilities }) => {
    const before = await countRows(team.documentId);
    const claim = await createClaim(actor(), team.documentId, claimInputFor(text(), "De drones hebben de dynamiek"));
    expect(claim.author.id).toBe(actor().userId);
    expect(claim.abilities).toEqual(abilities);
    expect((await countRows(team.documentId)).claims).toBe(before.claims + 1);
  });

  it("a VIEWER gets forbidden and nothing is stored", async () => {
    const before = await countRows(team.documentId);
    await expect(createClaim(viewer, team.documentId, claimInputFor(text(), "De drones hebben de dynamiek", { tags: ["military"] }))).rejects.toMatchObject({
      name: "AppError",
      code: "forbidden",
    });
    expect(await countRows(team.documentId)).toEqual(before);
  });

  describe("rejects tampered or stale selectors with validation_failed, storing nothing", () => {
    const needle = "Het toont dat Rusland zijn greep op de regio dreigt te verliezen.";
    const quoteOf = (exact: string, prefix?: string): TextQuoteSelector => ({ type: "TextQuoteSelector", exact, ...(prefix === undefined ? {} : { prefix }) });
    const positionOf = (start: number, end: number): TextPositionSelector => ({ type: "TextPositionSelector", start, end });

    it.each([
      {
        name: "a position pointing at other text than the quote",
        code: "quote_mismatch",
        selector: (t: string) => {
          const other = findRange(t, "Zolang er een, weliswaar fragiele, balans was tussen");
          return [quoteOf(needle), positionOf(other.start, other.start + needle.length)];
        },
      },
      {
        name: "a position off by one",
        code: "quote_mismatch",
        selector: (t: string) => {
          const range = findRange(t, needle);
          return [quoteOf(needle), positionOf(range.start + 1, range.end + 1)];
        },
      },
      {
        name: "a prefix that is not the text before",
        code: "context_mismatch",
        selector: (t: string) => {
          const range = findRange(t, needle);
          return [quoteOf(needle, "verzonnen context "), positionOf(range.start, range.end)];
        },
      },
      { name: "a position past the end", code: "position_out_of_range", selector: (t: string) => [positionOf(t.length - 5, t.length + 5)] },
      { name: "an inverted position", code: "invalid_position", selector: () => [positionOf(50, 40)] },
      { name: "a quote that is not in the document", code: "quote_not_found", selector: () => [quoteOf("Deze zin staat niet in het artikel.")] },
      { name: "a quote that occurs several times", code: "quote_ambiguous", selector: () => [quoteOf("Nagorno-Karabach")] },
      {
        name: "only the blank line between two paragraphs",
        code: "empty_selection",
        selector: (t: string) => {
          const range = findRange(t, "verliezen.\n\nZolang");
          return [positionOf(range.start + "verliezen.".length, range.start + "verliezen.\n\n".length)];
        },
      },
    ])("$name ($code)", async ({ code, selector }) => {
      const before = await countRows(team.documentId);
      const input = targetOf(selector(team.documentText), ["military"]);
      const error: unknown = await createClaim(author, team.documentId, input).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: "AppError", code: "validation_failed", details: { code } });
      expect(await countRows(team.documentId)).toEqual(before);
    });
  });

  it("rejects unknown tags with validation_failed naming them, storing nothing", async () => {
    const before = await countRows(team.documentId);
    const error: unknown = await createClaim(
      author,
      team.documentId,
      claimInputFor(team.documentText, "Poetin moet iets doen", { tags: ["energy", "propaganda"] }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AppError", code: "validation_failed", details: { fields: { tags: expect.stringContaining("propaganda") } } });
    expect(await countRows(team.documentId)).toEqual(before);
  });

  it("rejects a tag that only exists in another team", async () => {
    await getTestDb().tag.create({ data: { teamId: otherTeam.teamId, name: "elsewhere", color: "#0b66a8" } });
    const before = await countRows(team.documentId);
    await expect(
      createClaim(author, team.documentId, claimInputFor(team.documentText, "Poetin moet iets doen", { tags: ["elsewhere"] })),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(await countRows(team.documentId)).toEqual(before);
  });
});

describe("listClaimsForDocument", () => {
  it("returns claims in document order, with the caller's abilities", async () => {
    const later = await createClaim(colleague, team.documentId, claimInputFor(team.documentText, "Rusland mag formeel"));
    const earlier = await createClaim(colleague, team.documentId, claimInputFor(team.documentText, "Even leek Rusland"));
    const claims = await listClaimsForDocument(author, team.documentId);
    const starts = claims.map((claim) => claim.target?.selector[1].start ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(claims[0]?.id).toBe(earlier.id);
    expect(claims.map((claim) => claim.id)).toContain(later.id);

    const byRole = async (actor: TestUser) =>
      (await listClaimsForDocument(actor, team.documentId)).find((claim) => claim.id === earlier.id)?.abilities;
    const none = { canHide: false, canUnhide: false };
    const moderation = { canHide: true, canUnhide: false };
    // The claim's author moves its check; another member may add evidence and propose a verdict, no more.
    const otherMemberCheck = { ...memberCheck, canCheck: false, canResolveThread: false, canReattach: false };
    const viewerCheck = { ...otherMemberCheck, canAddEvidence: false, canProposeVerdict: false };
    expect(await byRole(colleague)).toEqual({ canEdit: true, canDelete: true, canComment: true, ...none, ...memberCheck });
    expect(await byRole(author)).toEqual({ canEdit: false, canDelete: false, canComment: true, ...none, ...otherMemberCheck });
    expect(await byRole(moderator)).toEqual({ canEdit: false, canDelete: true, canComment: true, ...moderation, ...editorCheck });
    expect(await byRole(owner)).toEqual({ canEdit: false, canDelete: true, canComment: true, ...moderation, ...editorCheck });
    expect(await byRole(viewer)).toEqual({ canEdit: false, canDelete: false, canComment: false, ...none, ...viewerCheck });
  });
});

describe("private claims", () => {
  let privateClaimId: string;

  beforeAll(async () => {
    const claim = await createClaim(
      author,
      team.documentId,
      claimInputFor(team.documentText, "De gevechtspauze moest ruimte maken", { visibility: "private", tags: ["military"] }),
    );
    privateClaimId = claim.id;
  });

  it("are listed and readable by their author", async () => {
    const listed = await listClaimsForDocument(author, team.documentId);
    expect(listed.find((claim) => claim.id === privateClaimId)?.visibility).toBe("private");
    expect((await getClaimForActor(author, privateClaimId)).visibility).toBe("private");
  });

  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("are invisible to a $role who is not the author: not listed, and not_found to read, change or delete", async ({ actor }) => {
    const listed = await listClaimsForDocument(actor(), team.documentId);
    expect(listed.map((claim) => claim.id)).not.toContain(privateClaimId);
    expect(listed.map((claim) => claim.id)).toContain(seededClaimId);
    await expect(getClaimForActor(actor(), privateClaimId)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateClaim(actor(), privateClaimId, updateClaimInputSchema.parse({ visibility: "team" }))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteClaim(actor(), privateClaimId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTestDb().claim.count({ where: { id: privateClaimId, visibility: "PRIVATE" } })).resolves.toBe(1);
  });

  it("become visible to the team when their author shares them", async () => {
    const claim = await createClaim(author, team.documentId, claimInputFor(team.documentText, "Het bestand werd zaterdagochtend", { visibility: "private" }));
    await expect(getClaimForActor(colleague, claim.id)).rejects.toMatchObject({ code: "not_found" });
    const shared = await updateClaim(author, claim.id, updateClaimInputSchema.parse({ visibility: "team" }));
    expect(shared.visibility).toBe("team");
    expect((await getClaimForActor(colleague, claim.id)).id).toBe(claim.id);
  });
});

describe("updateClaim", () => {
  async function makeClaim(tags: string[]) {
    return createClaim(author, team.documentId, claimInputFor(team.documentText, "Nagorno-Karabach is zo de derde proxy-oorlog", { tags }));
  }

  it("lets the author retag: the new tags replace the old ones exactly", async () => {
    const claim = await makeClaim(["military", "diplomatic"]);
    const updated = await updateClaim(author, claim.id, updateClaimInputSchema.parse({ tags: ["energy", "Diplomatic"] }));
    expect(updated.tags.map((tag) => tag.name)).toEqual(["diplomatic", "energy"]);
    expect(await storedTagNames(claim.id)).toEqual(["diplomatic", "energy"]);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(claim.updatedAt));
    expect(updated.target).toEqual(claim.target);
  });

  it("clears every tag when given an empty list", async () => {
    const claim = await makeClaim(["military", "energy"]);
    const updated = await updateClaim(author, claim.id, updateClaimInputSchema.parse({ tags: [] }));
    expect(updated.tags).toEqual([]);
    expect(await storedTagNames(claim.id)).toEqual([]);
  });

  it("leaves the tags alone when only the visibility changes", async () => {
    const claim = await makeClaim(["mercenaries"]);
    const updated = await updateClaim(author, claim.id, updateClaimInputSchema.parse({ visibility: "private" }));
    expect(updated.visibility).toBe("private");
    expect(await storedTagNames(claim.id)).toEqual(["mercenaries"]);
  });

  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role who is not the author gets forbidden and nothing changes", async ({ actor }) => {
    const claim = await makeClaim(["military"]);
    await expect(
      updateClaim(actor(), claim.id, updateClaimInputSchema.parse({ tags: ["energy"], visibility: "private" })),
    ).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await storedTagNames(claim.id)).toEqual(["military"]);
    expect((await getTestDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).visibility).toBe("TEAM");
  });

  it("with an unknown tag fails with validation_failed and changes nothing at all", async () => {
    const claim = await makeClaim(["military", "diplomatic"]);
    const before = await getTestDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    await expect(
      updateClaim(author, claim.id, updateClaimInputSchema.parse({ tags: ["energy", "propaganda"], visibility: "private" })),
    ).rejects.toMatchObject({ name: "AppError", code: "validation_failed" });
    expect(await storedTagNames(claim.id)).toEqual(["diplomatic", "military"]);
    const after = await getTestDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.visibility).toBe("TEAM");
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});

describe("deleteClaim", () => {
  /** A claim by `claimAuthor` with two tags and a thread (comment, reply, deleted comment). */
  async function makeClaimWithThread(claimAuthor: TestUser) {
    const claim = await createClaim(
      claimAuthor,
      team.documentId,
      claimInputFor(team.documentText, "Een vrouw loopt tussen de restanten", { tags: ["military", "energy"] }),
    );
    const comment = await createComment(colleague, claim.id, { body: "Bron?" });
    await createComment(claimAuthor, claim.id, { body: "AFP", parentId: comment.id });
    const doomed = await createComment(owner, claim.id, { body: "Weg ermee" });
    await deleteComment(owner, doomed.id);
    return claim;
  }

  async function expectGoneWithoutOrphans(claimId: string) {
    const db = getTestDb();
    expect(await db.claim.count({ where: { id: claimId } })).toBe(0);
    expect(await db.comment.count({ where: { claimId } })).toBe(0);
    expect(await db.claimTag.count({ where: { claimId } })).toBe(0);
  }

  it("lets the author delete their claim with its whole thread and tag links", async () => {
    const claim = await makeClaimWithThread(author);
    const db = getTestDb();
    expect(await db.comment.count({ where: { claimId: claim.id } })).toBe(3);
    expect(await db.claimTag.count({ where: { claimId: claim.id } })).toBe(2);
    await deleteClaim(author, claim.id);
    await expectGoneWithoutOrphans(claim.id);
    await expect(getClaimForActor(author, claim.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listClaimsForDocument(author, team.documentId)).map((item) => item.id)).not.toContain(claim.id);
    // The tags themselves belong to the team and stay.
    expect(await db.tag.count({ where: { teamId: team.teamId } })).toBe(4);
  });

  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role who is not the author gets forbidden and the claim stays", async ({ actor }) => {
    const claim = await makeClaimWithThread(author);
    await expect(deleteClaim(actor(), claim.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    const db = getTestDb();
    expect(await db.claim.count({ where: { id: claim.id } })).toBe(1);
    expect(await db.comment.count({ where: { claimId: claim.id } })).toBe(3);
    expect(await db.claimTag.count({ where: { claimId: claim.id } })).toBe(2);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role may delete anyone's claim", async ({ actor }) => {
    const claim = await makeClaimWithThread(colleague);
    await deleteClaim(actor(), claim.id);
    await expectGoneWithoutOrphans(claim.id);
  });

  it("a deleted claim is not_found the second time", async () => {
    const claim = await makeClaimWithThread(author);
    await deleteClaim(author, claim.id);
    await expect(deleteClaim(author, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
