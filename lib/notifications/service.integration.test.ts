import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead } from "@/lib/notifications/service";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { createComment, hideComment } from "@/lib/threads/service";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let team: TestTeam;

async function makeClaim(actor: TestUser, needle: string) {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] } }));
}

beforeAll(async () => {
  [moderator, author, colleague, outsider] = await unsafeCreateUsers("Moderator", "Author", "Colleague", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
  ]);
  const claim = await makeClaim(author, "Weinig opties");
  await hideClaim(moderator, claim.id, hideInputSchema.parse({ reason: "Dubbel" }));
  const other = await makeClaim(colleague, "Het Turkse optreden");
  const comment = await createComment(author, other.id, createCommentInputSchema.parse({ body: "Bron: mijn buurman" }));
  await new Promise((resolve) => setTimeout(resolve, 5));
  await hideComment(moderator, comment.id, hideInputSchema.parse({ reason: "Geen bron" }));
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("someone else's notifications are never listed, and marking all read leaves them unread", async () => {
    expect(await listNotifications(outsider)).toEqual({ items: [], unreadCount: 0 });
    expect(await listNotifications(colleague)).toEqual({ items: [], unreadCount: 0 });
    expect(await countUnreadNotifications(outsider)).toBe(0);
    await markAllNotificationsRead(outsider);
    await markAllNotificationsRead(colleague);
    expect((await listNotifications(author)).unreadCount).toBe(2);
  });
});

describe("listNotifications and markAllNotificationsRead", () => {
  it("lists the author's notifications newest first, with the unread count and readable payloads", async () => {
    const { items, unreadCount } = await listNotifications(author);
    expect(unreadCount).toBe(2);
    expect(await countUnreadNotifications(author)).toBe(2);
    expect(items.map((item) => item.kind)).toEqual(["comment.hidden", "claim.hidden"]);
    // What the bell words in the reader's language (components/notifications): who hid what, where, and why.
    const title = "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand";
    const moderation = items.flatMap((item) => (item.kind === "claim.hidden" || item.kind === "comment.hidden" ? [item.payload] : []));
    expect(moderation.map(({ moderatorName, excerpt, reason, documentTitle }) => ({ moderatorName, excerpt, reason, documentTitle }))).toEqual([
      { moderatorName: "Moderator", excerpt: "Bron: mijn buurman", reason: "Geen bron", documentTitle: title },
      { moderatorName: "Moderator", excerpt: "Weinig opties", reason: "Dubbel", documentTitle: title },
    ]);
    for (const item of items) {
      expect(item.readAt).toBeNull();
      expect(item.payload.documentId).toBe(team.documentId);
    }
  });

  it("marks all of the actor's notifications read, once", async () => {
    await markAllNotificationsRead(author);
    const { items, unreadCount } = await listNotifications(author);
    expect(unreadCount).toBe(0);
    expect(await countUnreadNotifications(author)).toBe(0);
    expect(items.every((item) => item.readAt !== null)).toBe(true);
    const readAt = items.map((item) => item.readAt);
    await markAllNotificationsRead(author);
    expect((await listNotifications(author)).items.map((item) => item.readAt)).toEqual(readAt);
    expect(await getTestDb().notification.count({ where: { userId: author.userId } })).toBe(2);
  });
});
