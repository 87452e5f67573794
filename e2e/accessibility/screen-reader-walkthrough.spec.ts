import type { Locator, Page } from "@playwright/test";

import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { claimMarks } from "../fixtures/live";
import { expect, test } from "../fixtures/team";

// docs/accessibility.md's screen-reader walk-through, held to what the accessibility tree says at each step
// (Playwright's ariaSnapshot: the roles and names a screen reader announces), in English and in Dutch, from the
// keyboard alone.

const firstSentence =
  "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen in het conflict tussen Armenië en Azerbeidzjan om de betwiste regio Nagorno-Karabach.";

/** What the reader hears, in each interface language (written out, not read from messages/: a test of them). */
const heard = {
  en: {
    locale: "en-GB",
    articleText: "Article text",
    sidebar: "Claims and discussion",
    newClaimTags: "Tags for the new claim",
    highlight: "Highlight claim",
    selected: "Selected:",
    claimBy: "Claim by Alice Test",
    back: "Back to all claims",
    showInText: "Show in text",
    claimTags: "Tags of this claim",
    discussion: "Discussion",
    comment: "Comment",
    post: "Post",
    commentBy: "Comment by Alice Test",
    description: "Claim: military; 1 comment",
    announced: "Claim highlighted and tagged military. Start the discussion in the side panel.",
  },
  nl: {
    locale: "nl-NL",
    articleText: "Tekst van het artikel",
    sidebar: "Claims en discussie",
    newClaimTags: "Tags voor de nieuwe claim",
    highlight: "Claim markeren",
    selected: "Geselecteerd:",
    claimBy: "Claim van Alice Test",
    back: "Terug naar alle claims",
    showInText: "In de tekst tonen",
    claimTags: "Tags van deze claim",
    discussion: "Discussie",
    comment: "Reactie",
    post: "Plaatsen",
    commentBy: "Reactie van Alice Test",
    description: "Claim: military; 1 reactie",
    announced: "Claim gemarkeerd, met de tags military. Begin de discussie in het zijpaneel.",
  },
} as const;

/** Presses `key` until `target` has focus (at most `limit` times), as a keyboard user tabs to a control. */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit && !(await target.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

for (const [language, words] of Object.entries(heard)) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: words.locale });

    test("a screen-reader user creates a claim, tags it, starts the thread and reads it back", async ({ page, context, team }) => {
      await signInThroughApi(context, team.alice);
      await openDocument(page, team.documentUrl);
      await expect(page.locator("html")).toHaveAttribute("lang", language);

      // Finding the way: the article named by its title (in its own language), the text box, the side panel.
      const reader = articleReader(page);
      await expect(page.getByRole("article")).toHaveAttribute("lang", "nl");
      await expect(page.getByRole("article")).toMatchAriaSnapshot(`- textbox "${words.articleText}"`);
      await expect(page.getByRole("complementary", { name: words.sidebar })).toBeVisible();

      // Into the article, select the first sentence by keyboard.
      await pressUntilFocused(page, "Tab", reader);
      await page.keyboard.press("Shift+Alt+ArrowRight");
      await expect(page.getByText(words.selected)).toContainText(firstSentence.slice(0, 30));

      // The tags for the new claim: toggle buttons (by name, in the team's order), not pressed; Space presses one.
      const military = page.getByRole("group", { name: words.newClaimTags }).getByRole("button", { name: "military", exact: true });
      await expect(page.getByRole("group", { name: words.newClaimTags })).toMatchAriaSnapshot(`
        - group "${words.newClaimTags}":
          - button "diplomatic"
          - button "energy"
          - button "mercenaries"
          - button "military"
      `);
      await expect(military).toHaveAttribute("aria-pressed", "false");
      await pressUntilFocused(page, "Shift+Tab", military);
      await page.keyboard.press("Space");
      await expect(military).toHaveAttribute("aria-pressed", "true");

      // The Highlight button; focus moves into the new claim's panel.
      await pressUntilFocused(page, "Shift+Tab", page.getByRole("button", { name: words.highlight }));
      await page.keyboard.press("Enter");
      const panel = page.getByRole("region", { name: words.claimBy });
      await expect(panel.getByRole("button", { name: words.back })).toBeFocused();
      await expect(panel).toMatchAriaSnapshot(`
        - region "${words.claimBy}":
          - button "${words.back}"
          - button "${words.showInText}"
          - group "${words.claimTags}":
            - button "diplomatic"
            - button "military" [pressed]
      `);
      await expect(page.getByRole("status").filter({ hasText: words.announced })).toHaveCount(1);
      const claimId = (await panel.getAttribute("data-open-claim-id"))!;

      // Start the discussion: Tab to the comment box, type, Ctrl+Enter.
      const commentBox = panel.getByRole("textbox", { name: words.comment, exact: true });
      await pressUntilFocused(page, "Tab", commentBox);
      await page.keyboard.type("Is dit een bestand of een pauze?");
      await page.keyboard.press("Control+Enter");
      const discussion = panel.getByRole("region", { name: words.discussion });
      await expect(discussion.getByText("Is dit een bestand of een pauze?")).toBeVisible();
      await expect(discussion).toMatchAriaSnapshot(`
        - region "${words.discussion}":
          - list:
            - listitem "${words.commentBy}"
      `);

      // Close the panel with Escape and read the claim back from the text: its highlight, described by its tags
      // and comment count (] and [ move between highlights: e2e/claims/keyboard-navigation.spec.ts); Enter opens
      // the thread again.
      await panel.getByRole("button", { name: words.back }).focus();
      await page.keyboard.press("Escape");
      await expect(panel).toHaveCount(0);
      // Focus comes back to the new claim's highlight (what the panel was opened for).
      await expect(claimMarks(page, claimId).first()).toBeFocused();
      const mark = page.locator("mark:focus");
      await expect(mark).toMatchAriaSnapshot(`- mark: /^Even leek Rusland/`);
      await expect(mark).toHaveAccessibleDescription(words.description);
      await page.keyboard.press("Enter");
      await expect(panel.getByRole("button", { name: words.back })).toBeFocused();
      await expect(panel.getByRole("region", { name: words.discussion }).getByText("Is dit een bestand of een pauze?")).toBeVisible();
    });
  });
}
