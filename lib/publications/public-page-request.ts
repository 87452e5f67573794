import "server-only";

import { getClientIp } from "@/lib/auth/client-ip";
import { consumePublicPageRequest, getRetryAfterSeconds } from "@/lib/auth/rate-limit";
import { negotiateRequestLocale } from "@/lib/i18n/negotiate";
import { matchesIfNoneMatch, readPublicPageVersion, toPublicPageEtag } from "@/lib/publications/public-page-version";

/** What proxy.ts does with a request for `/p/{slug}`, before the page renders. */
export type PublicPageRequestDecision =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "not_modified"; etag: string }
  /** Render the page; with an ETag to send along when the answer may be cached and revalidated. */
  | { kind: "render"; etag: string | null };

/** The public page's path: `/p/{slug}` exactly (the slug as it is in the URL), or null for any other path. */
export function matchPublicPagePath(pathname: string): string | null {
  const match = /^\/p\/([^/]+)$/u.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // Malformed percent-encoding: the page answers its 404.
  }
}

// The Auth.js session cookie, as lib/auth/actor.ts reads it (plain or __Secure-, possibly split into chunks).
const sessionCookiePattern = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/u;

/**
 * Rate limit, then conditional GET, for a public page (proxy.ts; the page itself cannot set headers):
 * - every request counts against its client IP (`MARGIN_RATE_LIMIT_PUBLIC_PAGE_IP`, 120 a minute by default),
 *   including those for slugs that do not exist, so slugs cannot be guessed at speed: over it, 429;
 * - a browser's GET or HEAD of the page's HTML without a session gets an ETag (`toPublicPageEtag`) and, when its
 *   If-None-Match names the current one, a 304 without rendering anything.
 * Signed-in readers and React's own navigation requests (`RSC: 1`) are rendered every time: the page's language
 * can follow a signed-in user's setting, which the proxy does not read, and an RSC payload is not the HTML the
 * ETag stands for.
 */
export async function decidePublicPageRequest({ slug, method, headers }: { slug: string; method: string; headers: Headers }): Promise<PublicPageRequestDecision> {
  try {
    await consumePublicPageRequest(getClientIp(headers));
  } catch (error) {
    const retryAfterSeconds = getRetryAfterSeconds(error);
    if (retryAfterSeconds === null) throw error;
    return { kind: "rate_limited", retryAfterSeconds };
  }
  const isCacheable =
    (method === "GET" || method === "HEAD") && headers.get("rsc") === null && !sessionCookiePattern.test(headers.get("cookie") ?? "");
  if (!isCacheable) return { kind: "render", etag: null };
  let version: string | null;
  try {
    version = await readPublicPageVersion(slug);
  } catch (error) {
    // Without a version the page is simply not cacheable; the page itself reports what is wrong.
    console.error("Could not read the public page's version for its ETag", error);
    return { kind: "render", etag: null };
  }
  if (version === null) return { kind: "render", etag: null };
  const etag = toPublicPageEtag(version, negotiateRequestLocale(headers));
  return matchesIfNoneMatch(headers.get("if-none-match"), etag) ? { kind: "not_modified", etag } : { kind: "render", etag };
}
