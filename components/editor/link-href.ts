/**
 * What a person types into the link dialog, made into a link the article may hold: http(s) or mailto only
 * (lib/documents/content-schema.ts `isSafeLinkHref`, the same rule the server and the Link extension apply).
 * Pure.
 */
import { isSafeLinkHref } from "@/lib/documents/content-schema";

const hasScheme = /^[a-z][a-z\d+.-]*:/iu;
const looksLikeEmail = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/u;

/**
 * The link's target, or null when it is not a web or e-mail address. A bare "example.org/page" becomes
 * "https://example.org/page" and "name@example.org" becomes "mailto:name@example.org", as people type them;
 * anything with another scheme (`javascript:`, `data:`, `ftp:`) is refused, not rewritten.
 */
export function normalizeLinkHref(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || /\s/u.test(trimmed)) return null;
  let href: string;
  if (hasScheme.test(trimmed)) href = trimmed;
  else if (looksLikeEmail.test(trimmed)) href = `mailto:${trimmed}`;
  else href = `https://${trimmed.replace(/^\/\//u, "")}`;
  if (!isSafeLinkHref(href)) return null;
  const url = new URL(href);
  // "https://" alone, or "https://nothing": a web address names a host with a dot in it (or localhost).
  if (url.protocol !== "mailto:" && !(url.hostname.includes(".") || url.hostname === "localhost")) return null;
  if (url.protocol === "mailto:" && !looksLikeEmail.test(decodeURIComponent(url.pathname))) return null;
  return href;
}
