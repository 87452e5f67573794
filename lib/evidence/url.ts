/**
 * The one rule for an evidence link, shared by the server's schema and the browser: an absolute `http:` or
 * `https:` URL, as the WHATWG URL parser (the browser's own, and Node's) reads it. Pure.
 *
 * Why the parser and not a pattern: a link is dangerous by how a browser reads it, not by how it looks. The
 * parser strips leading and trailing spaces and control characters and removes tabs and line breaks anywhere,
 * so ` javascript:…`, `java\tscript:…` and `JaVaScRiPt:…` all come out as the `javascript:` scheme and are
 * refused here, as are `data:`, `vbscript:`, `file:` and the rest. A relative (`/a`) or protocol-relative
 * (`//evil.example`) link has no scheme of its own and does not parse without a base: refused too.
 *
 * What is stored is the parser's serialisation (`href`), so the page links to exactly what was checked.
 * Nothing is ever fetched: the server only parses the text.
 */

/** The longest link, in characters (of the normalised `href`). */
export const evidenceUrlMax = 2048;

const webProtocols = new Set(["http:", "https:"]);

/** The parsed URL, or null when `text` is not an absolute URL (`URL.canParse` is older in browsers than `URL.parse`). */
function parseAbsoluteUrl(text: string): URL | null {
  return URL.canParse(text) ? new URL(text) : null;
}

export type EvidenceUrlProblem = "invalid" | "scheme" | "too_long";

export type ParsedEvidenceUrl = { ok: true; href: string } | { ok: false; problem: EvidenceUrlProblem };

/** Parses a link as a browser would and keeps it only when it is an absolute http(s) URL of at most 2048 characters. */
export function parseEvidenceUrl(text: string): ParsedEvidenceUrl {
  if (text.length > evidenceUrlMax) return { ok: false, problem: "too_long" };
  const url = parseAbsoluteUrl(text);
  if (url === null) return { ok: false, problem: "invalid" };
  if (!webProtocols.has(url.protocol)) return { ok: false, problem: "scheme" };
  // Percent-encoding can lengthen what was sent.
  if (url.href.length > evidenceUrlMax) return { ok: false, problem: "too_long" };
  return { ok: true, href: url.href };
}

/**
 * The host to show beside a link (`www.example.com`, `[::1]`, a punycode `xn--…` name as the parser gives it),
 * so a reader sees where it leads before following it; null for anything that is not a web link.
 */
export function getEvidenceLinkHost(href: string): string | null {
  const url = parseAbsoluteUrl(href);
  return url && webProtocols.has(url.protocol) ? url.host : null;
}
