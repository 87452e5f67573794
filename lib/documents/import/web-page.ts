/**
 * An HTML import that is a whole web page (a saved page: `<html>`/`<body>` with navigation, a header, a footer or
 * asides) is reduced to its article with Mozilla Readability, the algorithm of Firefox's Reader View, over a
 * server DOM (linkedom). Any HTML, page or fragment, gives the metadata it declares: title, author, canonical URL,
 * publication time. Server-side; no network: nothing the page refers to is fetched.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import { cleanPublishedOn, cleanSourceUrl, mergeMetadata, type ImportMetadata } from "@/lib/documents/import/metadata";

/** Readability walks the whole tree several times: a page with more elements keeps its chrome rather than wait. */
const readabilityMaxElements = 50_000;

/** Elements of a page's chrome: their presence says the HTML is a page, not an article someone copied. */
const pageChromeSelector = "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]";

/**
 * Advertisements, by the names sites and ad servers give their slots. Readability scores them low but keeps a slot
 * inside the article's container; an ad's "Advertisement" label is not the article's text.
 */
const advertisementSelector = [
  '[class~="ad"]', '[class~="ads"]', '[class^="ad-"]', '[class*=" ad-"]', '[class*="advert"]', '[class*="sponsor"]',
  '[id^="ad-"]', '[id*="advert"]', '[id*="div-gpt-ad"]', "ins.adsbygoogle", "[data-ad-slot]", "[data-ad]",
].join(", ");

type PageDocument = ReturnType<typeof parseHTML>["document"];

function attribute(document: PageDocument, selector: string, name: string): string | null {
  return document.querySelector(selector)?.getAttribute(name) ?? null;
}

function metaContent(document: PageDocument, names: readonly string[]): string | null {
  for (const name of names) {
    const value = attribute(document, `meta[property="${name}"], meta[name="${name}"]`, "content");
    if (value?.trim()) return value;
  }
  return null;
}

/** The metadata a page declares in its `<head>` (and the first `<time datetime>`), before Readability's own. */
export function readPageMetadata(document: PageDocument): ImportMetadata & { baseUrl: string | null } {
  const sourceUrl = cleanSourceUrl(attribute(document, 'link[rel~="canonical"]', "href")) ?? cleanSourceUrl(metaContent(document, ["og:url"]));
  const author = metaContent(document, ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"]);
  return {
    title: metaContent(document, ["og:title", "twitter:title"]) ?? document.querySelector("title")?.textContent ?? null,
    // article:author is often a profile URL rather than a name.
    byline: author !== null && cleanSourceUrl(author) === null ? author : null,
    sourceUrl,
    publishedOn:
      cleanPublishedOn(metaContent(document, ["article:published_time", "datePublished", "date", "dc.date", "dcterms.created", "pubdate", "publishdate"])) ??
      cleanPublishedOn(attribute(document, "time[datetime]", "datetime")),
    baseUrl: sourceUrl ?? cleanSourceUrl(attribute(document, "base[href]", "href")),
  };
}

/** Whether `html` is a whole page with chrome around its article (then Readability keeps only the article). */
function isWholePage(html: string, document: PageDocument): boolean {
  return /<(?:html|body)[\s>]/iu.test(html) && document.querySelector(pageChromeSelector) !== null;
}

export type HtmlArticle = {
  /** The article's HTML (not yet sanitised): the page's article, or the HTML as given when it is not a page. */
  html: string;
  metadata: ImportMetadata;
  /** What relative links resolve against: the page's canonical URL or `<base href>`. */
  baseUrl: string | null;
  /** Whether Readability reduced a whole page to its article. */
  isReducedPage: boolean;
};

/** The article in an HTML import, with the metadata the page declares (its own first, then Readability's). */
export function extractHtmlArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const { baseUrl, ...declared } = readPageMetadata(document);
  const elementCount = document.getElementsByTagName("*").length;
  if (!isWholePage(html, document) || elementCount > readabilityMaxElements) {
    return { html, metadata: declared, baseUrl, isReducedPage: false };
  }
  const ogTitle = metaContent(document, ["og:title"]);
  for (const advertisement of document.querySelectorAll(advertisementSelector)) advertisement.remove();
  // Readability takes a browser Document; linkedom's implements what it uses (its documented server setup uses jsdom).
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content || !article.textContent?.trim()) return { html, metadata: declared, baseUrl, isReducedPage: false };
  const metadata = mergeMetadata(
    { title: ogTitle },
    { title: article.title, byline: article.byline, publishedOn: cleanPublishedOn(article.publishedTime) },
    declared,
  );
  return { html: article.content, metadata, baseUrl, isReducedPage: true };
}
