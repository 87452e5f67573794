import { randomUUID } from "node:crypto";

import type { APIRequestContext, BrowserContext, Locator, Page } from "@playwright/test";

import { articleReader, openDocument, selectWithMouse } from "../fixtures/article";
import { unsafeCreateEvidence, unsafeCreatePublishedVerdict } from "../../lib/testing/verdict-factories";
import { signInThroughApi } from "../fixtures/auth";
import { blockingViolations, describeViolations, scanWithAxe } from "../fixtures/axe";
import { addModerator, commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";
import { unsafeCreateUser, type TestUser } from "../../lib/testing/factories";

/**
 * axe (WCAG 2.0–2.2 A and AA) on every page and state that matters, in English and in Dutch. A test fails on
 * a violation of impact serious or critical; every violation, of every impact, goes to the report
 * (e2e/reporters/axe-report.ts → <test results>/accessibility/axe-report.{json,md}).
 *
 * To cover a new page, add one line to `pages`: who looks at it, and how to get there. `visit` must end when
 * the state is on screen (wait for something visible that does not depend on the language), never after a
 * fixed sleep.
 */

/** Who looks: nobody (signed out), the team's owner, a member, a moderator, or someone outside the team. */
type Viewer = "anonymous" | "owner" | "member" | "moderator" | "outsider";

type Scene = {
  page: Page;
  team: TeamFixture;
  /** An API client signed in as another person, e.g. to set data up as the member while the owner looks. */
  requestAs: (viewer: Exclude<Viewer, "anonymous">) => Promise<APIRequestContext>;
};

type AxePage = { name: string; as: Viewer; visit: (scene: Scene) => Promise<void> };

const quote = "Het Turkse optreden bedreigt de Russische machtspositie in de regio.";

const pages: AxePage[] = [
  { name: "sign-in", as: "anonymous", visit: ({ page }) => goto(page, "/sign-in", page.locator("input[name=password]")) },
  { name: "sign-in, wrong password", as: "anonymous", visit: signInWithWrongPassword },
  { name: "sign-up", as: "anonymous", visit: ({ page }) => goto(page, "/sign-up", page.locator("input[name=name]")) },
  { name: "sign-up, a password too short", as: "anonymous", visit: signUpWithShortPassword },
  { name: "team switcher open", as: "member", visit: ({ page }) => openHeaderMenu(page, "first") },
  { name: "language menu open", as: "member", visit: ({ page }) => openHeaderMenu(page, "last") },
  { name: "documents", as: "member", visit: ({ page, team }) => goto(page, "/documents", page.locator(`a[href="${team.documentUrl}"]`)) },
  { name: "document", as: "member", visit: ({ page, team }) => openDocument(page, team.documentUrl) },
  { name: "document, passage selected", as: "member", visit: selectPassage },
  { name: "document, open claim and thread", as: "member", visit: openClaimWithThread },
  { name: "document, highlight hovered", as: "member", visit: hoverHighlight },
  { name: "document, resolved thread shown, mention picker open", as: "member", visit: openResolvedThreadWithPicker },
  { name: "document, claims list with a resolved claim", as: "member", visit: listResolvedClaim },
  { name: "document, delete confirmation", as: "member", visit: (scene) => openClaimDialog(scene, "alertdialog") },
  { name: "document, hide dialog (moderator)", as: "moderator", visit: (scene) => openClaimDialog(scene, "dialog") },
  { name: "document, hidden claim (moderator)", as: "moderator", visit: openHiddenClaim },
  { name: "document on a phone, open claim", as: "member", visit: openClaimOnPhone },
  { name: "notifications open", as: "member", visit: openNotifications },
  { name: "team", as: "owner", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}`, page.locator(`a[href="${team.documentUrl}"]`)) },
  { name: "desk", as: "member", visit: ({ page, team }) => openDesk(page, team, "") },
  { name: "desk, board searched", as: "member", visit: ({ page, team }) => openDesk(page, team, "?view=board&q=turkse") },
  { name: "tag manager", as: "owner", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}/tags`, page.locator(`[data-tag-id="${team.tagIds.military}"]`)) },
  { name: "tag manager, editing a tag without a name", as: "owner", visit: editTagWithoutName },
  { name: "rating scale", as: "member", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}/ratings`, page.locator('[data-rating-key="mostly_false"]')) },
  { name: "rating scale, editing", as: "owner", visit: editRatingScale },
  { name: "document, published verdict and a correction proposed (moderator)", as: "moderator", visit: openClaimWithVerdict },
  { name: "members", as: "owner", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}/members`, page.getByRole("listitem", { name: team.bob.name })) },
  { name: "invites, one just created", as: "owner", visit: createInvitation },
  { name: "audit log", as: "owner", visit: openAuditLog },
  { name: "team settings", as: "owner", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}/settings`, page.locator("main form").first()) },
  { name: "add a document", as: "owner", visit: ({ page, team }) => goto(page, `/teams/${team.teamId}/documents/new`, page.locator("main form").first()) },
  { name: "add a document, a file chosen that is too large", as: "owner", visit: chooseTooLargeFile },
  { name: "new team", as: "member", visit: ({ page }) => goto(page, "/teams/new", page.locator("main form").first()) },
  { name: "sessions", as: "member", visit: ({ page }) => goto(page, "/settings/sessions", page.locator("[data-session-id]").first()) },
  { name: "join with a code", as: "member", visit: ({ page }) => goto(page, "/join", page.locator("input[name=code]")) },
  { name: "join, invitation", as: "outsider", visit: openInvitation },
  { name: "not found", as: "anonymous", visit: ({ page }) => goto(page, `/no-such-page-${randomUUID()}`, page.locator("main h1")) },
  { name: "document not found", as: "member", visit: ({ page }) => goto(page, `/documents/${randomUUID()}`, page.locator("main h1")) },
  { name: "document, published, unpublish confirmation (owner)", as: "owner", visit: openUnpublishConfirmation },
  { name: "document with byline and source, details dialog (owner)", as: "owner", visit: openDetailsDialog },
  { name: "public page", as: "anonymous", visit: openPublicPage },
  { name: "edit article (owner)", as: "owner", visit: ({ page, team }) => goto(page, `${team.documentUrl}/edit`, page.getByTestId("article-editor")) },
  { name: "edit article, link dialog open (owner)", as: "owner", visit: openLinkDialog },
  { name: "public page not found", as: "anonymous", visit: ({ page }) => goto(page, "/p/never-published", page.locator("main h1")) },
  { name: "versions", as: "member", visit: openVersions },
  { name: "older version with a claim", as: "member", visit: openOlderVersion },
  { name: "compare versions, inline", as: "member", visit: (scene) => openComparison(scene, "") },
  { name: "compare versions, side by side", as: "member", visit: (scene) => openComparison(scene, "&view=side-by-side") },
];

const languages = [
  { code: "en", locale: "en-US" },
  { code: "nl", locale: "nl-NL" },
] as const;

for (const language of languages) {
  test.describe(`axe, ${language.code}`, () => {
    test.use({ locale: language.locale });

    for (const entry of pages) {
      test(`${entry.name} (${language.code}) has no serious or critical violation`, async ({ browser, context, page, team }, testInfo) => {
        const contexts: BrowserContext[] = [];
        const users = await usersOf(team);
        const requestAs: Scene["requestAs"] = async (viewer) => {
          const other = await signedInContext(browser, await users(viewer));
          contexts.push(other);
          return other.request;
        };
        if (entry.as !== "anonymous") await signInThroughApi(context, await users(entry.as));
        try {
          await entry.visit({ page, team, requestAs });
          await expect(page.locator("html")).toHaveAttribute("lang", language.code);
          const scan = await scanWithAxe(page, testInfo, { page: entry.name, language: language.code });
          expect(scan.passedRules, "axe looked at the page").toBeGreaterThan(10);
          const blocking = blockingViolations(scan);
          expect(blocking.map((violation) => violation.rule), `serious or critical axe violations on ${scan.url}:\n${describeViolations(blocking)}`).toEqual([]);
        } finally {
          for (const other of contexts) await other.close();
        }
      });
    }
  });
}

/** The people of the scene; the moderator and the outsider are created when first asked for. */
async function usersOf(team: TeamFixture): Promise<(viewer: Exclude<Viewer, "anonymous">) => Promise<TestUser>> {
  let moderator: Promise<TestUser> | undefined;
  let outsider: Promise<TestUser> | undefined;
  return async (viewer) => {
    if (viewer === "owner") return team.alice;
    if (viewer === "member") return team.bob;
    if (viewer === "moderator") return (moderator ??= addModerator(team));
    return (outsider ??= unsafeCreateUser("Olga Outsider"));
  };
}

async function goto(page: Page, url: string, ready: Locator): Promise<void> {
  await page.goto(url);
  await expect(ready).toBeVisible();
}

/** Clicks `trigger` until `shows` is visible: a click that lands before React has hydrated the page is lost. */
async function clickUntilVisible(trigger: Locator, shows: Locator): Promise<void> {
  await expect(async () => {
    if (!(await shows.isVisible())) await trigger.click();
    await expect(shows).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

async function signInWithWrongPassword({ page, team }: Scene): Promise<void> {
  await goto(page, "/sign-in", page.locator("input[name=password]"));
  await page.locator("input[name=email]").fill(team.bob.email);
  await page.locator("input[name=password]").fill("not the password");
  await page.locator("main button[type=submit]").click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/u }).first()).toBeVisible();
}

async function signUpWithShortPassword({ page }: Scene): Promise<void> {
  await goto(page, "/sign-up", page.locator("input[name=name]"));
  await page.locator("input[name=name]").fill("Sam Short");
  await page.locator("input[name=email]").fill(`sam.${randomUUID().slice(0, 8)}@example.test`);
  await page.locator("input[name=password]").fill("short");
  await page.locator("main button[type=submit]").click();
  await expect(page.locator('input[name=password][aria-invalid="true"]')).toBeVisible();
}

/** The header's team switcher (its first menu button) or language menu (its last), open. */
async function openHeaderMenu(page: Page, which: "first" | "last"): Promise<void> {
  await goto(page, "/documents", page.getByRole("banner"));
  await clickUntilVisible(page.getByRole("banner").locator('button[aria-haspopup="menu"]')[which](), page.getByRole("menu"));
}

async function selectPassage({ page, team }: Scene): Promise<void> {
  await openDocument(page, team.documentUrl);
  await selectWithMouse(page, "Weinig opties");
  await expect(page.locator("button[aria-keyshortcuts]")).toBeEnabled();
}

/** The member's own claim, tagged, with a comment and a reply from the owner, open in the side panel. */
async function openClaimWithThread({ page, team, requestAs }: Scene): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, quote, ["military", "diplomatic"]);
  const comment = await commentThroughApi(page.request, claim.id, "Bron: persbericht van het ministerie");
  const reply = await commentThroughApi(await requestAs("owner"), claim.id, "Welk ministerie?", comment.id);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  await expect(page.locator(`[data-open-claim-id="${claim.id}"] [data-comment-id="${reply.id}"]`)).toBeVisible();
}

/** The member's claim with a resolved discussion, shown again, and `@` typed in its comment box. */
async function openResolvedThreadWithPicker({ page, team }: Scene): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, quote, ["military"]);
  await commentThroughApi(page.request, claim.id, "Bron: persbericht van het ministerie");
  expect((await page.request.put(`/api/claims/${claim.id}/thread`, { data: { resolved: true } })).status()).toBe(200);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  const panel = page.locator(`[data-open-claim-id="${claim.id}"]`);
  await panel.locator(`[data-testid="thread-resolved"] + button[aria-expanded="false"]`).click();
  await panel.locator("textarea").first().pressSequentially("@");
  await expect(panel.getByRole("listbox").getByRole("option")).toHaveCount(1);
}

/** The claims list, one claim of which has a resolved discussion (its status and "Resolved" badges). */
async function listResolvedClaim({ page, team }: Scene): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, quote, ["military"]);
  await createClaimThroughApi(page.request, team, "Het Turkse optreden");
  expect((await page.request.put(`/api/claims/${claim.id}/thread`, { data: { resolved: true } })).status()).toBe(200);
  await openDocument(page, team.documentUrl);
  await expect(page.locator(`aside button[data-claim-id="${claim.id}"] [data-testid="thread-resolved-badge"]`)).toBeVisible();
}

/** Two overlapping claims, no claim open, the mouse over the first highlight. */
async function hoverHighlight({ page, team }: Scene): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, quote, ["energy"]);
  await createClaimThroughApi(page.request, team, "Het Turkse optreden", ["mercenaries"]);
  await openDocument(page, team.documentUrl);
  const mark = articleReader(page).locator(`mark[data-claim-ids~="${claim.id}"]`).last();
  await mark.hover();
  await expect(mark).toBeVisible();
}

/**
 * The member's claim open, and the dialog of its panel: the delete confirmation (an alertdialog, the member's
 * own claim) or, for a moderator, the hide dialog.
 */
async function openClaimDialog({ page, team, requestAs }: Scene, role: "dialog" | "alertdialog"): Promise<void> {
  const claim = await createClaimThroughApi(role === "alertdialog" ? page.request : await requestAs("member"), team, quote, ["military"]);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  const triggers = page.locator(`[data-open-claim-id="${claim.id}"] button[aria-haspopup="dialog"]`);
  // The panel offers Delete first, then (to moderators) Hide.
  await (role === "alertdialog" ? triggers.first() : triggers.last()).click();
  await expect(page.getByRole(role)).toBeVisible();
}

/** A phone's screen (390 × 844) with the member's claim and its thread open. */
async function openClaimOnPhone(scene: Scene): Promise<void> {
  await scene.page.setViewportSize({ width: 390, height: 844 });
  await openClaimWithThread(scene);
}

/** The owner edits the rating scale: every rating's label and colour fields are on screen. */
async function editRatingScale({ page, team }: Scene): Promise<void> {
  await goto(page, `/teams/${team.teamId}/ratings`, page.locator('[data-rating-key="mostly_false"]'));
  const edit = page.locator("section[aria-labelledby=ratings-heading] > div button");
  await clickUntilVisible(edit, page.locator('[data-rating-key="mostly_false"] input:not([type="radio"])').first());
}

/**
 * The member's claim with a published verdict and a correction proposed, open for a moderator: the verdict's chip
 * and summary, the proposal with "Publish verdict", and the badge after the highlight in the article.
 */
async function openClaimWithVerdict({ page, team, requestAs }: Scene): Promise<void> {
  const member = await requestAs("member");
  const claim = await createClaimThroughApi(member, team, quote, ["military"]);
  expect((await member.put(`/api/claims/${claim.id}/verdict`, { data: { rating: "mostly_false", summary: "Het Kremlin zei iets anders." } })).status()).toBe(200);
  expect((await page.request.post(`/api/claims/${claim.id}/verdict/publish`)).status()).toBe(200);
  expect((await member.put(`/api/claims/${claim.id}/verdict`, { data: { rating: "false", summary: "Later ook tegengesproken." } })).status()).toBe(200);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  await expect(page.locator(`[data-open-claim-id="${claim.id}"] [data-testid="verdict-proposal"] button`)).toBeVisible();
  await expect(articleReader(page).locator(`[data-verdict-for="${claim.id}"]`)).toBeVisible();
}

/** The owner edits a tag, empties its name and saves: the form shows the error. */
async function editTagWithoutName({ page, team }: Scene): Promise<void> {
  const row = page.locator(`[data-tag-id="${team.tagIds.military}"]`);
  await goto(page, `/teams/${team.teamId}/tags`, row);
  const name = row.locator('input:not([type="radio"])');
  await clickUntilVisible(row.locator("button").first(), name);
  await name.fill("");
  await row.locator("button[type=submit]").click();
  await expect(row.locator('input[aria-invalid="true"]')).toBeVisible();
}

/** A claim the moderator hid, open: the moderator still reads it, greyed, with Unhide. */
async function openHiddenClaim({ page, team, requestAs }: Scene): Promise<void> {
  const member = await requestAs("member");
  const claim = await createClaimThroughApi(member, team, quote, ["military"]);
  await commentThroughApi(member, claim.id, "Bron: persbericht");
  expect((await page.request.post(`/api/claims/${claim.id}/hide`, { data: { reason: "Dubbel met een andere claim" } })).status()).toBe(200);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  await expect(page.locator(`[data-open-claim-id="${claim.id}"]`)).toContainText("Dubbel met een andere claim");
}

/** The member's bell, opened, with one notification: a moderator hid their comment. */
async function openNotifications({ page, team, requestAs }: Scene): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, "Weinig opties");
  const comment = await commentThroughApi(page.request, claim.id, "Mijn bron is de buurman");
  const moderator = await requestAs("moderator");
  expect((await moderator.post(`/api/comments/${comment.id}/hide`, { data: { reason: "Geen bron" } })).status()).toBe(200);
  await goto(page, "/documents", page.locator(`a[href="${team.documentUrl}"]`));
  await clickUntilVisible(page.getByRole("banner").locator('button[aria-haspopup="dialog"]'), page.getByRole("dialog"));
  await expect(page.getByRole("dialog").locator(`a[href*="claim=${claim.id}"]`)).toBeVisible();
}

/** The members page after the owner created an invitation: its code and link shown, the table below. */
async function createInvitation({ page, team }: Scene): Promise<void> {
  const invitationForm = page.locator("form", { has: page.locator("select[name=expiresInHours]") });
  await goto(page, `/teams/${team.teamId}/members`, invitationForm);
  await invitationForm.locator("button[type=submit]").click();
  await expect(page.getByTestId("invite-code")).toBeVisible();
  await expect(page.locator("tr[data-invite-id]")).toHaveCount(1);
}

/** The audit log with a few events in it. */
async function openAuditLog({ page, team }: Scene): Promise<void> {
  const created = await page.request.post(`/api/teams/${team.teamId}/invites`, { data: { role: "MEMBER" } });
  expect(created.status()).toBe(201);
  expect((await page.request.delete(`/api/invites/${((await created.json()) as { id: string }).id}`)).ok()).toBe(true);
  await goto(page, `/teams/${team.teamId}/audit`, page.locator("tr[data-audit-action]").first());
}

/** An outsider opening an invitation link: the preview with its Join button. */
async function openInvitation({ page, team, requestAs }: Scene): Promise<void> {
  const created = await (await requestAs("owner")).post(`/api/teams/${team.teamId}/invites`, { data: { role: "VIEWER" } });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };
  await goto(page, path, page.locator("main button"));
}

/** A claim with a published verdict and evidence, and the document published by its owner; returns the page's path. */
async function publishWithVerdict(owner: APIRequestContext, team: TeamFixture): Promise<string> {
  const claim = await createClaimThroughApi(owner, team, quote);
  await unsafeCreatePublishedVerdict(claim.id, { rating: "mostly_false", summary: "Rusland houdt de regio stevig in handen." });
  await unsafeCreateEvidence(claim.id, {
    title: "Verslag van de OVSE",
    url: "https://www.osce.org/minsk-group",
    quote: "De Minsk-groep blijft bemiddelen.",
    note: "Rusland zit de groep mede voor.",
    stance: "REFUTES",
  });
  const response = await owner.post(`/api/documents/${team.documentId}/publication`);
  expect(response.status()).toBe(201);
  return new URL(((await response.json()) as { url: string }).url).pathname;
}

/** The published document, read signed out: the article with its verdict, the verdict list and its evidence. */
async function openPublicPage({ page, team, requestAs }: Scene): Promise<void> {
  const path = await publishWithVerdict(await requestAs("owner"), team);
  await goto(page, path, page.locator("main li[id^=claim-]"));
}

/** The owner's published document, with the header's unpublish confirmation open. */
async function openUnpublishConfirmation({ page, team }: Scene): Promise<void> {
  await publishWithVerdict(page.request, team);
  await openDocument(page, team.documentUrl);
  await clickUntilVisible(page.getByTestId("publication-control").locator('button[aria-haspopup="dialog"]'), page.getByRole("alertdialog"));
}

/** The article editor with its link dialog open (the toolbar's Link button, which says it opens a dialog). */
async function openLinkDialog({ page, team }: Scene): Promise<void> {
  await goto(page, `${team.documentUrl}/edit`, page.getByTestId("article-editor"));
  await clickUntilVisible(page.locator('[data-editor-action="link"]'), page.getByRole("dialog"));
  await expect(page.getByRole("dialog").locator("input")).toBeFocused();
}

/** The desk with one claim, as a list or (with `search`) any other view of it. */
async function openDesk(page: Page, team: TeamFixture, search: string): Promise<void> {
  await createClaimThroughApi(page.request, team, quote, ["military"]);
  await goto(page, `/teams/${team.teamId}/desk${search}`, page.locator("main li[data-claim-id]"));
}

/** "Add a document", switched to uploading, with a file over 5 MB chosen: the file, its size and the error. */
async function chooseTooLargeFile({ page, team }: Scene): Promise<void> {
  await goto(page, `/teams/${team.teamId}/documents/new`, page.getByTestId("paste-area"));
  await page.locator('input[type="radio"][value="file"]').check({ force: true });
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: "groot.md", mimeType: "text/markdown", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
  await expect(input).toHaveAttribute("aria-invalid", "true");
}

/** The owner's document with a byline and a source, its "Edit details" dialog open. */
async function openDetailsDialog({ page, team }: Scene): Promise<void> {
  const saved = await page.request.patch(`/api/documents/${team.documentId}`, { data: { byline: "Anna de Vries", sourceUrl: "https://nos.nl/artikel/1" } });
  expect(saved.ok()).toBe(true);
  await openDocument(page, team.documentUrl);
  await expect(page.getByTestId("document-credits").getByRole("link")).toBeVisible();
  await clickUntilVisible(page.getByTestId("edit-document-details"), page.getByRole("dialog"));
}

/** The owner saves a second version of the article (one word corrected) through the API. */
async function saveSecondVersion({ team, requestAs }: Scene): Promise<void> {
  const text = team.documentText.replace("amper twaalf uur", "amper tien uur");
  const response = await (await requestAs("owner")).post(`/api/documents/${team.documentId}/versions`, { data: { format: "text", content: `date 2020-10 ${text}`, note: "Correctie" } });
  expect(response.status()).toBe(201);
}

/** The document's history: two versions, the newer with a note and what re-anchoring did. */
async function openVersions(scene: Scene): Promise<void> {
  await createClaimThroughApi(scene.page.request, scene.team, "amper twaalf uur");
  await saveSecondVersion(scene);
  await goto(scene.page, `${scene.team.documentUrl}/versions`, scene.page.locator('li[data-version-number="2"]'));
}

/** Version 1 of 2, read-only, with the member's claim highlighted where it was. */
async function openOlderVersion(scene: Scene): Promise<void> {
  const claim = await createClaimThroughApi(scene.page.request, scene.team, "amper twaalf uur", ["military"]);
  await saveSecondVersion(scene);
  await goto(scene.page, `${scene.team.documentUrl}/versions/1`, scene.page.locator(`main mark[data-claim-id="${claim.id}"]`));
}

/** Versions 1 and 2 compared (inline, or with `search` side by side), with the first change focused. */
async function openComparison(scene: Scene, search: string): Promise<void> {
  await saveSecondVersion(scene);
  await goto(scene.page, `${scene.team.documentUrl}/compare?from=1&to=2${search}`, scene.page.locator("main ins").first());
  await clickUntilVisible(scene.page.locator('main button[aria-keyshortcuts^="]"]'), scene.page.locator('[data-change="0"]:focus'));
}
