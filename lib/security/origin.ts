/**
 * Cross-site request forgery: whether a request was sent by a page of another site. Pure (proxy.ts and
 * lib/api/route.ts use it).
 *
 * A browser always sends `Origin` on POST, PATCH and DELETE, so a foreign origin (or "null", or garbage) gives it
 * away; without `Origin`, `Sec-Fetch-Site: cross-site` does. Clients that send neither (curl, scripts) are not
 * browsers: they hold the cookie themselves.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" or garbage: not our origin.
  }
}
