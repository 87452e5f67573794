import { randomUUID } from "node:crypto";

import { openDocument } from "../fixtures/article";
import { watchCspViolations } from "../fixtures/csp";
import { addModerator, commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { unsafeCreateEvidence, unsafeCreatePublishedVerdict } from "../../lib/testing/verdict-factories";

const checkedQuote = "Het toont dat Rusland zijn greep op de regio dreigt te verliezen.";
const privateQuote = "De drones hebben de dynamiek van het conflict veranderd.";
const uncheckedQuote = "Weinig opties";

/**
 * The public side of a fact check, end to end: an editor publishes the document from its header; a reader who is
 * not signed in opens /p/{slug} and sees the verdict (label, icon, summary, dates) and its evidence, the ClaimReview
 * JSON-LD (parsed and checked), the Open Graph tags, and nothing private: no comment, no private claim, no member
 * names. A repeated request with If-None-Match gets a 304; unpublishing makes the page a 404.
 */
test("an editor publishes; a signed-out reader sees the verdicts and evidence and nothing private; 304 with the ETag; unpublished it is a 404", async ({
  browser,
  team,
  baseURL,
}) => {
  const unique = randomUUID().slice(0, 8);
  const carol = await addModerator(team);
  const bobContext = await signedInContext(browser, team.bob);
  const checked = await createClaimThroughApi(bobContext.request, team, checkedQuote);
  await createClaimThroughApi(bobContext.request, team, uncheckedQuote);
  const comment = `Interne discussie ${unique}`;
  await commentThroughApi(bobContext.request, checked.id, comment);
  // Bob's private claim, with a verdict of its own: it must never reach the public page.
  const privateStart = team.documentText.indexOf(privateQuote);
  const privateResponse = await bobContext.request.post(`/api/documents/${team.documentId}/claims`, {
    data: {
      target: { selector: [{ type: "TextQuoteSelector", exact: privateQuote }, { type: "TextPositionSelector", start: privateStart, end: privateStart + privateQuote.length }] },
      visibility: "private",
    },
  });
  expect(privateResponse.status()).toBe(201);
  const privateClaim = (await privateResponse.json()) as { id: string };
  const summary = `Rusland heeft de regio nog stevig in handen ${unique}.`;
  await unsafeCreatePublishedVerdict(checked.id, { rating: "mostly_false", summary, firstPublishedAt: new Date("2026-12-01T09:30:00Z"), lastPublishedAt: new Date("2026-12-02T14:00:00Z") });
  await unsafeCreatePublishedVerdict(privateClaim.id, { rating: "false", summary: `Geheim oordeel ${unique}` });
  await unsafeCreateEvidence(checked.id, {
    title: "Verslag van de OVSE",
    url: "https://www.osce.org/minsk-group",
    quote: "De Minsk-groep blijft bemiddelen.",
    note: "Rusland zit de groep mede voor.",
    stance: "REFUTES",
    authorId: team.bob.userId,
  });

  // Bob (a member) sees no Publish button; Carol (a moderator) publishes from the document's header.
  const bobPage = await bobContext.newPage();
  await openDocument(bobPage, team.documentUrl);
  await expect(bobPage.getByRole("button", { name: "Publish" })).toHaveCount(0);
  const carolContext = await signedInContext(browser, carol);
  const carolPage = await carolContext.newPage();
  await openDocument(carolPage, team.documentUrl);
  const header = carolPage.getByTestId("publication-control");
  await expect(header).toContainText("Not published");
  await header.getByRole("button", { name: "Publish" }).click();
  const link = header.getByRole("link");
  await expect(link).toHaveText(new RegExp(`^${baseURL}/p/[a-z0-9-]+$`, "u"));
  const path = (await link.getAttribute("href"))!;
  expect(path).toMatch(/^\/p\/nagorno-karabach-ruslands-wapenstilstand-houdt-geen-stand(-\d+)?$/u);

  // A reader who is not signed in.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const csp = await watchCspViolations(reader);
  const response = await reader.goto(path);
  expect(response!.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand");
  await expect(reader.getByText(/^Fact-checked by Test team /u)).toBeVisible();

  // The claim, highlighted, with its number, icon and label beside it (never colour alone).
  const mark = reader.locator("main mark", { hasText: checkedQuote });
  await expect(mark).toHaveCount(1);
  const marker = reader.locator(`a[href="#claim-${checked.id}"]`);
  await expect(marker).toHaveText("Claim 1 Mostly false");
  await expect(marker.locator("svg[data-rating-shape]")).toHaveCount(1);

  // The verdict: label, summary, dates, evidence (a plain link, stance as text, quote, note).
  const verdict = reader.locator(`li[id="claim-${checked.id}"]`);
  await expect(verdict.getByRole("heading", { level: 3 })).toHaveText("Claim 1 Mostly false");
  await expect(verdict).toContainText(checkedQuote);
  await expect(verdict).toContainText(summary);
  await expect(verdict).toContainText("Published on December 1, 2026");
  await expect(verdict).toContainText("Updated on December 2, 2026");
  const evidenceLink = verdict.getByRole("link", { name: "Verslag van de OVSE" });
  await expect(evidenceLink).toHaveAttribute("href", "https://www.osce.org/minsk-group");
  await expect(evidenceLink).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(verdict).toContainText("refutes the claim");
  await expect(verdict).toContainText("De Minsk-groep blijft bemiddelen.");
  await expect(verdict).toContainText("Rusland zit de groep mede voor.");
  await expect(reader.locator("main li[id^=claim-]")).toHaveCount(1);

  // The ClaimReview JSON-LD: parsed, with the page's nonce, its fields as the page shows them.
  const script = reader.locator('script[type="application/ld+json"]');
  await expect(script).toHaveCount(1);
  expect(await script.evaluate((element) => (element as HTMLScriptElement).nonce)).toMatch(/^[A-Za-z0-9+/=]{16,}$/u);
  const reviews = JSON.parse((await script.textContent())!) as Record<string, unknown>[];
  expect(reviews).toEqual([
    {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${baseURL}${path}#claim-${checked.id}`,
      claimReviewed: checkedQuote,
      reviewRating: { "@type": "Rating", alternateName: "Grotendeels onwaar", ratingValue: 2, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        "@type": "Claim",
        datePublished: "2020-10",
        appearance: { "@type": "CreativeWork", url: `${baseURL}${path}`, headline: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand", datePublished: "2020-10" },
      },
      author: { "@type": "Organization", name: expect.stringMatching(/^Test team /u), url: `${baseURL}/` },
      reviewBody: summary,
      datePublished: "2026-12-01T09:30:00.000Z",
      dateModified: "2026-12-02T14:00:00.000Z",
    },
  ]);

  // Open Graph.
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand");
  await expect(reader.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(reader.locator('meta[property="og:url"]')).toHaveAttribute("content", `${baseURL}${path}`);
  await expect(reader.locator('meta[property="og:description"]')).toHaveAttribute("content", /checked 1 claim in this article/u);

  // Nothing private: no comment, no private claim or its verdict, no proposal, no member's name or email.
  const html = await reader.content();
  for (const secret of [comment, `Geheim oordeel ${unique}`, privateClaim.id, team.alice.name, team.bob.name, carol.name, team.bob.email, carol.email]) {
    expect(html, secret).not.toContain(secret);
  }
  // The private claim's words are the article's, but never highlighted or listed.
  await expect(reader.locator("main mark", { hasText: privateQuote })).toHaveCount(0);
  await expect(reader.locator("main mark", { hasText: uncheckedQuote })).toHaveCount(0);
  expect(csp.violations).toEqual([]);

  // The browser revalidates on a revisit (If-None-Match), is answered 304, and keeps the policy stored with the page:
  // its scripts still run under their nonce.
  // (Playwright reports the revalidated page as the cached 200; Chromium's own network log has the 304.)
  const network = await readerContext.newCDPSession(reader);
  await network.send("Network.enable");
  const pageRequestIds = new Set<string>();
  const statuses: number[] = [];
  network.on("Network.requestWillBeSent", (event) => {
    if (event.request.url === `${baseURL}${path}`) pageRequestIds.add(event.requestId);
  });
  network.on("Network.responseReceivedExtraInfo", (event) => {
    if (pageRequestIds.has(event.requestId)) statuses.push(event.statusCode);
  });
  const revisit = reader.waitForRequest((request) => request.url() === `${baseURL}${path}`);
  await reader.reload();
  const revalidation = await revisit;
  expect((await revalidation.allHeaders())["if-none-match"]).toMatch(/^W\/"/u);
  await expect.poll(() => statuses).toContain(304);
  await expect(verdict).toContainText(summary);
  expect(csp.violations).toEqual([]);

  // The ETag: a plain HTTP request gets 200 with it, the same request with If-None-Match a 304 and no body.
  const first = await fetch(`${baseURL}${path}`);
  expect(first.status).toBe(200);
  const etag = first.headers.get("etag");
  expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/u);
  expect(first.headers.get("cache-control")).toBe("private, no-cache");
  expect(await first.text()).toContain(summary);
  const second = await fetch(`${baseURL}${path}`, { headers: { "If-None-Match": etag! } });
  expect(second.status).toBe(304);
  expect(second.headers.get("etag")).toBe(etag);
  expect(second.headers.get("content-security-policy")).toBeNull();
  expect(await second.text()).toBe("");

  // Carol unpublishes, after confirming; the page is a 404 from then on, signed in or not.
  await header.getByRole("button", { name: "Unpublish" }).click();
  const dialog = carolPage.getByRole("alertdialog", { name: "Unpublish this page?" });
  await dialog.getByRole("button", { name: "Unpublish" }).click();
  await expect(header).toContainText("Not published");
  const gone = await fetch(`${baseURL}${path}`, { headers: { "If-None-Match": etag! } });
  expect(gone.status).toBe(404);
  const goneResponse = await reader.goto(path);
  expect(goneResponse!.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("This page is not published");

  for (const context of [bobContext, carolContext, readerContext]) await context.close();
});
