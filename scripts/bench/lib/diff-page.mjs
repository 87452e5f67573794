/**
 * The browser half of `npm run bench:diff`. In Chromium it
 *   - loads a compare page again and again and reads, per load, how long after navigation start (the page's own
 *     time origin) the diff was in the DOM (the server-rendered comparison parsed and attached outside Suspense's
 *     hidden holder; a MutationObserver installed before any of the page's scripts) and rendered (the
 *     `margin:diff-rendered` mark components/versions/version-diff.tsx sets once React has hydrated it: on
 *     screen, its toggle, folds and keys working);
 *   - then, in a loaded page, unfolds every unchanged stretch and times switching the view (inline ↔ side by side):
 *     React rendering the whole comparison, every paragraph of the article, until the next frame.
 */
import { Samples } from "./stats.mjs";

export const renderedMark = "margin:diff-rendered";

/** Runs in the page before its own scripts: notes when the comparison is first attached to the document. */
function watchForDiff() {
  const isAttached = () => {
    const element = document.querySelector('[data-testid="version-diff"]');
    return element !== null && element.closest("[hidden]") === null;
  };
  const observer = new MutationObserver(() => {
    if (window.__marginDiffInDom === undefined && isAttached()) {
      window.__marginDiffInDom = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openPage(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, renderedMark, { timeout: 30_000 });
  return page;
}

async function loadOnce(context, url) {
  const page = await openPage(context, url);
  try {
    return await page.evaluate((mark) => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const diff = document.querySelector('[data-testid="version-diff"]');
      return {
        responseStart: navigation.responseStart,
        inDom: window.__marginDiffInDom ?? null,
        rendered: performance.getEntriesByName(mark)[0].startTime,
        documentBytes: navigation.decodedBodySize,
        diffElements: diff ? diff.querySelectorAll("*").length : 0,
        insertions: diff ? diff.querySelectorAll("ins").length : 0,
      };
    }, renderedMark);
  } finally {
    await page.close();
  }
}

const round = (number) => (number === null ? null : Math.round(number * 100) / 100);

/**
 * Loads `url` and `baselineUrl` (the same page with nothing changed) in turn, signed in with `cookie`
 * ("name=value"): one cold load of each (a new browser context: nothing cached), then `runs` warm pairs (scripts and
 * styles cached, as for a reader moving around the app). Alternating keeps both under the same load of a shared
 * machine; `cost` is the median of each pair's difference in "rendered". Summaries in ms.
 */
export async function measurePageLoads({ browser, url, baselineUrl, cookie, runs }) {
  const context = await signedInContext(browser, url, cookie);
  try {
    const cold = await loadOnce(context, url);
    if (cold.insertions === 0) throw new Error(`The compare page (${url}) shows no insertion: is the diff there?`);
    const baselineCold = await loadOnce(context, baselineUrl);
    const series = () => ({ responseStart: new Samples(runs), inDom: new Samples(runs), rendered: new Samples(runs) });
    const pages = { diff: series(), baseline: series() };
    const cost = new Samples(runs);
    let last = { diff: cold, baseline: baselineCold };
    for (let run = 0; run < runs; run += 1) {
      last = { diff: await loadOnce(context, url), baseline: await loadOnce(context, baselineUrl) };
      for (const key of ["diff", "baseline"]) {
        pages[key].responseStart.push(last[key].responseStart);
        if (last[key].inDom !== null) pages[key].inDom.push(last[key].inDom);
        pages[key].rendered.push(last[key].rendered);
      }
      cost.push(last.diff.rendered - last.baseline.rendered);
    }
    const describe = (key, coldLoad) => ({
      cold: { responseStart: round(coldLoad.responseStart), inDom: round(coldLoad.inDom), rendered: round(coldLoad.rendered) },
      responseStart: pages[key].responseStart.summary(),
      inDom: pages[key].inDom.summary(),
      rendered: pages[key].rendered.summary(),
      documentKiB: Math.round(last[key].documentBytes / 1024),
      diffElements: last[key].diffElements,
    });
    return { url, ...describe("diff", cold), baseline: { url: baselineUrl, ...describe("baseline", baselineCold) }, cost: cost.summary() };
  } finally {
    await context.close();
  }
}

/**
 * In one loaded page (`url`, inline view): times `runs` switches of view with the unchanged stretches folded, then
 * unfolds them all and times `runs` switches again, each from the click to the frame after React's commit.
 */
export async function measureViewSwitches({ browser, url, cookie, runs }) {
  const context = await signedInContext(browser, url, cookie);
  const page = await openPage(context, url);
  try {
    const switchOnce = () =>
      page.evaluate(async (mark) => {
        const buttons = [...document.querySelectorAll('[data-testid="version-diff"] [aria-pressed]')];
        const target = buttons.find((button) => button.getAttribute("aria-pressed") === "false");
        const marks = performance.getEntriesByName(mark).length;
        const started = performance.now();
        target.click();
        await new Promise((resolve) => {
          const check = () => (performance.getEntriesByName(mark).length > marks ? requestAnimationFrame(() => setTimeout(resolve, 0)) : requestAnimationFrame(check));
          check();
        });
        return performance.now() - started;
      }, renderedMark);
    const measure = async () => {
      await switchOnce();
      await switchOnce();
      const samples = new Samples(runs);
      for (let run = 0; run < runs; run += 1) samples.push(await switchOnce());
      return samples.summary();
    };
    const folded = await measure();
    // Every fold opened (in either view the same ones): the whole article is on screen.
    for (let fold = page.getByTestId("diff-fold").first(); (await fold.count()) > 0; fold = page.getByTestId("diff-fold").first()) await fold.click();
    const paragraphs = await page.evaluate(() => document.querySelectorAll('[data-testid="version-diff"] p, [data-testid="version-diff"] tr').length);
    const unfolded = await measure();
    return { folded, unfolded, unfoldedElements: paragraphs };
  } finally {
    await context.close();
  }
}

async function signedInContext(browser, url, cookie) {
  const [name, ...value] = cookie.split("=");
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies([{ name, value: value.join("="), url }]);
  await context.addInitScript(watchForDiff);
  return context;
}
