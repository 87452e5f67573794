import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, getClaimForActor, listClaimsForDocument } from "@/lib/claims/service";
import { createComment, deleteComment, listCommentsForClaim, updateComment } from "@/lib/threads/service";
import { createCommentInputSchema, updateCommentInputSchema } from "@/lib/threads/schema";
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
let claimId: string;
let otherClaimId: string;
let privateClaimId: string;

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team") {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, visibility }));
}

/** Parses like the route does, so bodies are trimmed as in production. */
const commentInput = (body: string, parentId?: string) => createCommentInputSchema.parse({ body, parentId });
const editInput = (body: string) => updateCommentInputSchema.parse({ body });

async function countComments(id: string): Promise<number> {
  return getTestDb().comment.count({ where: { claimId: id } });
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
  // The outsider is a member elsewhere, with the same roles available, just not in this team.
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  claimId = (await makeClaim(author, "Weinig opties")).id;
  otherClaimId = (await makeClaim(colleague, "Het Turkse optreden bedreigt")).id;
  privateClaimId = (await makeClaim(author, "De regio heeft een bijna heilige status", "private")).id;
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from every function, for real ids, and nothing changes", async () => {
    const comment = await createComment(author, claimId, commentInput("Eerste"));
    const before = await countComments(claimId);
    await expect(listCommentsForClaim(outsider, claimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createComment(outsider, claimId, commentInput("Hallo"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createComment(outsider, claimId, commentInput("Hallo", comment.id))).rejects.toMatchObject({ code: "not_found" });
    await expect(updateComment(outsider, comment.id, editInput("Gekaapt"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(deleteComment(outsider, comment.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    expect(await countComments(claimId)).toBe(before);
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ body: "Eerste", editedAt: null, deletedAt: null });
  });

  it.each([
    { what: 'malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "'; DELETE FROM comments; --" },
    { what: "a random UUID", id: randomUUID() },
  ])("$what is not_found for members and non-members alike", async ({ id }) => {
    for (const actor of [outsider, author, owner]) {
      await expect(listCommentsForClaim(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(createComment(actor, id, commentInput("Hallo"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(updateComment(actor, id, editInput("Hallo"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(deleteComment(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });

  it("a claim id used as a comment id (and the reverse) is not_found", async () => {
    const comment = await createComment(author, claimId, commentInput("Kruisverwijzing"));
    await expect(updateComment(author, claimId, editInput("x"))).rejects.toMatchObject({ code: "not_found" });
    await expect(listCommentsForClaim(author, comment.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("on a private claim", () => {
  it("its author may comment and read the thread", async () => {
    const comment = await createComment(author, privateClaimId, commentInput("Notitie voor mezelf"));
    const thread = await listCommentsForClaim(author, privateClaimId);
    expect(thread.map((item) => item.id)).toEqual([comment.id]);
  });

  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role who is not its author gets not_found for the thread and its comments", async ({ actor }) => {
    const comment = await createComment(author, privateClaimId, commentInput("Privé"));
    const before = await countComments(privateClaimId);
    await expect(listCommentsForClaim(actor(), privateClaimId)).rejects.toMatchObject({ code: "not_found" });
    await expect(createComment(actor(), privateClaimId, commentInput("Mag ik?"))).rejects.toMatchObject({ code: "not_found" });
    await expect(createComment(actor(), privateClaimId, commentInput("Mag ik?", comment.id))).rejects.toMatchObject({ code: "not_found" });
    await expect(updateComment(actor(), comment.id, editInput("Gewijzigd"))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteComment(actor(), comment.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await countComments(privateClaimId)).toBe(before);
    expect((await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Privé");
  });
});

describe("createComment", () => {
  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => colleague },
  ])("a $role may comment; the comment is top-level and theirs", async ({ actor }) => {
    const comment = await createComment(actor(), claimId, commentInput("  Welke bron?  "));
    expect(comment).toMatchObject({
      claimId,
      parentId: null,
      body: "Welke bron?",
      author: { id: actor().userId, name: actor().name },
      editedAt: null,
      deletedAt: null,
      abilities: { canEdit: true, canDelete: true, canReply: true, canHide: actor() !== colleague, canUnhide: false },
      hidden: null,
    });
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ claimId, authorId: actor().userId, body: "Welke bron?", parentId: null });
  });

  it("a VIEWER gets forbidden and nothing is stored, but may read the thread", async () => {
    const before = await countComments(claimId);
    await expect(createComment(viewer, claimId, commentInput("Ik kijk alleen"))).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await countComments(claimId)).toBe(before);
    const thread = await listCommentsForClaim(viewer, claimId);
    expect(thread).toHaveLength(before);
    for (const comment of thread) {
      expect(comment.abilities).toEqual({ canEdit: false, canDelete: false, canReply: false, canHide: false, canUnhide: false });
    }
  });

  it("a reply attaches to its parent, and a reply to a reply attaches to the top-level comment", async () => {
    const top = await createComment(author, claimId, commentInput("Top"));
    const reply = await createComment(colleague, claimId, commentInput("Antwoord", top.id));
    const replyToReply = await createComment(owner, claimId, commentInput("Antwoord op antwoord", reply.id));
    expect(reply.parentId).toBe(top.id);
    expect(replyToReply.parentId).toBe(top.id);
    const stored = await getTestDb().comment.findUniqueOrThrow({ where: { id: replyToReply.id } });
    expect(stored.parentId).toBe(top.id);
  });

  it("a parentId from another claim is not_found and nothing is stored", async () => {
    const elsewhere = await createComment(author, otherClaimId, commentInput("Op een andere claim"));
    const before = await countComments(claimId);
    await expect(createComment(author, claimId, commentInput("Verkeerde draad", elsewhere.id))).rejects.toMatchObject({
      name: "AppError",
      code: "not_found",
    });
    await expect(createComment(author, claimId, commentInput("Geen ouder", randomUUID()))).rejects.toMatchObject({ code: "not_found" });
    expect(await countComments(claimId)).toBe(before);
    expect(await countComments(otherClaimId)).toBe(1);
  });

  it("a reply to a deleted comment still joins its thread", async () => {
    const top = await createComment(author, claimId, commentInput("Wordt verwijderd"));
    await deleteComment(author, top.id);
    const reply = await createComment(colleague, claimId, commentInput("Te laat", top.id));
    expect(reply.parentId).toBe(top.id);
  });
});

describe("listCommentsForClaim", () => {
  it("returns the thread oldest first, with each caller's abilities", async () => {
    const claim = await makeClaim(author, "Poetin moet iets doen om zijn greep");
    const first = await createComment(author, claim.id, commentInput("Een"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await createComment(colleague, claim.id, commentInput("Twee", first.id));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await createComment(moderator, claim.id, commentInput("Drie"));
    const thread = await listCommentsForClaim(author, claim.id);
    expect(thread.map((comment) => [comment.body, comment.parentId])).toEqual([
      ["Een", null],
      ["Twee", first.id],
      ["Drie", null],
    ]);
    expect(thread.map((comment) => comment.abilities)).toEqual([
      { canEdit: true, canDelete: true, canReply: true, canHide: false, canUnhide: false },
      { canEdit: false, canDelete: false, canReply: true, canHide: false, canUnhide: false },
      { canEdit: false, canDelete: false, canReply: true, canHide: false, canUnhide: false },
    ]);
    const asModerator = await listCommentsForClaim(moderator, claim.id);
    expect(asModerator.map((comment) => [comment.id, comment.abilities.canDelete])).toEqual([
      [first.id, true],
      [second.id, true],
      [third.id, true],
    ]);
  });
});

describe("updateComment", () => {
  it("lets the author edit their own comment and records when", async () => {
    const comment = await createComment(colleague, claimId, commentInput("Eerste versie"));
    expect(comment.editedAt).toBeNull();
    const edited = await updateComment(colleague, comment.id, editInput("  Tweede versie "));
    expect(edited.body).toBe("Tweede versie");
    expect(edited.editedAt).not.toBeNull();
    expect(Date.parse(edited.editedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(comment.createdAt));
    expect(edited.createdAt).toBe(comment.createdAt);
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.body).toBe("Tweede versie");
    expect(row.editedAt?.toISOString()).toBe(edited.editedAt);
  });

  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role cannot edit another's comment: forbidden, body unchanged", async ({ actor }) => {
    const comment = await createComment(author, claimId, commentInput("Van de auteur"));
    await expect(updateComment(actor(), comment.id, editInput("Overschreven"))).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ body: "Van de auteur", editedAt: null });
  });

  it("a deleted comment cannot be edited, even by its author", async () => {
    const comment = await createComment(author, claimId, commentInput("Weg"));
    await deleteComment(author, comment.id);
    await expect(updateComment(author, comment.id, editInput("Terug"))).rejects.toMatchObject({ code: "forbidden" });
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.body).toBe("");
  });
});

describe("deleteComment", () => {
  it("by its author leaves a tombstone: body null in the list, content gone from the database, replies kept", async () => {
    const claim = await makeClaim(author, "Maar veel opties heeft hij niet.");
    const top = await createComment(colleague, claim.id, commentInput("Gevoelige tekst"));
    const reply = await createComment(author, claim.id, commentInput("Reactie", top.id));
    const deleted = await deleteComment(colleague, top.id);
    expect(deleted).toMatchObject({ id: top.id, body: null, deletedAt: expect.any(String) });
    expect(deleted.abilities).toEqual({ canEdit: false, canDelete: false, canReply: true, canHide: false, canUnhide: false });

    const thread = await listCommentsForClaim(author, claim.id);
    expect(thread.map((comment) => [comment.id, comment.body, comment.parentId])).toEqual([
      [top.id, null, null],
      [reply.id, "Reactie", top.id],
    ]);
    expect(thread[0]?.deletedAt).toBe(deleted.deletedAt);
    expect(JSON.stringify(thread)).not.toContain("Gevoelige tekst");
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(row.body).toBe("");
    expect(row.deletedAt).not.toBeNull();
  });

  it("by a MEMBER on another's comment is forbidden and nothing changes", async () => {
    const comment = await createComment(author, claimId, commentInput("Blijft staan"));
    await expect(deleteComment(colleague, comment.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    await expect(deleteComment(viewer, comment.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ body: "Blijft staan", deletedAt: null });
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("by a $role works on anyone's comment", async ({ actor }) => {
    const comment = await createComment(author, claimId, commentInput("Ongepast"));
    const deleted = await deleteComment(actor(), comment.id);
    expect(deleted.body).toBeNull();
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.deletedAt).not.toBeNull();
  });

  it("twice is forbidden the second time (a tombstone is final)", async () => {
    const comment = await createComment(author, claimId, commentInput("Eenmalig"));
    const first = await deleteComment(author, comment.id);
    await expect(deleteComment(moderator, comment.id)).rejects.toMatchObject({ code: "forbidden" });
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.deletedAt?.toISOString()).toBe(first.deletedAt);
  });
});

describe("comment counts on claims", () => {
  it("exclude deleted comments, in the claim and in the document's list", async () => {
    const claim = await makeClaim(colleague, "Rusland heeft ook geen troepen op de grond");
    const one = await createComment(author, claim.id, commentInput("Een"));
    await createComment(colleague, claim.id, commentInput("Twee", one.id));
    const three = await createComment(owner, claim.id, commentInput("Drie"));
    expect((await getClaimForActor(author, claim.id)).commentCount).toBe(3);
    await deleteComment(owner, three.id);
    await deleteComment(moderator, one.id);
    expect((await getClaimForActor(author, claim.id)).commentCount).toBe(1);
    const listed = (await listClaimsForDocument(viewer, team.documentId)).find((item) => item.id === claim.id);
    expect(listed?.commentCount).toBe(1);
    expect(await countComments(claim.id)).toBe(3);
  });
});
