/**
 * A team whose article has one claim of every kind the public side must tell apart, for integration tests of
 * ClaimReview and publishing: published verdicts (one corrected, one unscored) with evidence, a private claim and a
 * hidden claim that have verdicts too, a claim with only a proposal, an open claim, and a comment thread. Claims
 * are made through the claims service (as a member would); verdicts and evidence straight in the database.
 */
import { randomUUID } from "node:crypto";

import { createClaim, hideClaim } from "@/lib/claims/service";
import { createComment } from "@/lib/threads/service";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateEvidence, unsafeCreatePublishedVerdict } from "@/lib/testing/verdict-factories";

export const sceneQuotes = {
  published: "Het toont dat Rusland zijn greep op de regio dreigt te verliezen.",
  corrected: "Turkije heeft op zijn beurt veel wapens verkocht aan Azerbeidzjan.",
  unverifiable: "De regio heeft een bijna heilige status onder Azerbeidzjanen én Armeniërs.",
  private: "De drones hebben de dynamiek van het conflict veranderd.",
  hidden: "De oorlog geniet ook grote steun in Turkije.",
  proposed: "Het bestand werd zaterdagochtend door de presidenten van beide landen aangekondigd.",
  open: "Maar zaterdagnacht sneuvelde het bestand alweer.",
} as const;

export type SceneClaim = keyof typeof sceneQuotes;

export type PublishingScene = {
  team: TestTeam;
  owner: TestUser;
  moderator: TestUser;
  member: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  claimIds: Record<SceneClaim, string>;
  /**
   * Text that must never leave the team: the comment, the proposal, the hide reason, the private and hidden claims'
   * verdicts and evidence, member names and emails. (The claims' quotes are words of the article, which is public.)
   */
  secrets: string[];
  firstPublishedAt: Date;
  correctedAt: Date;
};

export async function unsafeCreatePublishingScene(): Promise<PublishingScene> {
  const unique = randomUUID().slice(0, 6);
  const [owner, moderator, member, viewer, outsider] = await unsafeCreateUsers(
    `Olga Owner ${unique}`,
    `Mo Moderator ${unique}`,
    `Mia Member ${unique}`,
    `Vera Viewer ${unique}`,
    `Otto Outsider ${unique}`,
  );
  const team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Outsider's team");

  const claimIds = {} as Record<SceneClaim, string>;
  for (const [name, quote] of Object.entries(sceneQuotes) as [SceneClaim, string][]) {
    const input = claimInputFor(team.documentText, quote, { visibility: name === "private" ? "private" : "team" });
    claimIds[name] = (await createClaim(member, team.documentId, input)).id;
  }

  const firstPublishedAt = new Date("2026-12-01T09:30:00.000Z");
  const correctedAt = new Date("2026-12-02T14:00:00.000Z");
  await unsafeCreatePublishedVerdict(claimIds.published, { rating: "mostly_false", summary: "Rusland heeft de regio nog stevig in handen.", firstPublishedAt, publishedById: moderator.userId });
  await unsafeCreatePublishedVerdict(claimIds.corrected, {
    rating: "true",
    summary: "Turkije leverde drones en ander materieel.",
    firstPublishedAt,
    lastPublishedAt: correctedAt,
    publishedById: moderator.userId,
  });
  await unsafeCreatePublishedVerdict(claimIds.unverifiable, { rating: "unverifiable", summary: "Daar is geen maat voor.", firstPublishedAt });
  await unsafeCreatePublishedVerdict(claimIds.private, { rating: "false", summary: `Geheim oordeel ${unique}`, firstPublishedAt });
  await unsafeCreatePublishedVerdict(claimIds.hidden, { rating: "false", summary: `Verborgen oordeel ${unique}`, firstPublishedAt });
  await getTestDb().verdictProposal.create({
    data: { claimId: claimIds.proposed, rating: "half_true", summary: `Voorstel in concept ${unique}`, proposedById: member.userId },
  });

  await unsafeCreateEvidence(claimIds.published, {
    title: "Verslag van de OVSE",
    url: "https://www.osce.org/minsk-group",
    quote: "De Minsk-groep blijft bemiddelen.",
    note: "Rusland zit de groep mede voor.",
    stance: "REFUTES",
    authorId: member.userId,
  });
  await unsafeCreateEvidence(claimIds.published, { title: "Interview met een analist", stance: "CONTEXT", authorId: member.userId });
  await unsafeCreateEvidence(claimIds.hidden, { title: `Bron bij verborgen claim ${unique}`, stance: "SUPPORTS" });

  const comment = `Interne discussie ${unique}: niet naar buiten`;
  await createComment(member, claimIds.published, createCommentInputSchema.parse({ body: comment }));
  const hideReason = `Verborgen om redenen ${unique}`;
  await hideClaim(moderator, claimIds.hidden, hideInputSchema.parse({ reason: hideReason }));

  return {
    team,
    owner,
    moderator,
    member,
    viewer,
    outsider,
    claimIds,
    secrets: [
      comment,
      hideReason,
      `Voorstel in concept ${unique}`,
      `Geheim oordeel ${unique}`,
      `Verborgen oordeel ${unique}`,
      `Bron bij verborgen claim ${unique}`,
      ...[owner, moderator, member, viewer].flatMap((user) => [user.name, user.email]),
    ],
    firstPublishedAt,
    correctedAt,
  };
}
