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

/**
 * The origin the browser addressed ("https://margin.example"), from `Host` / `X-Forwarded-Host` and
 * `X-Forwarded-Proto` (set by the one reverse proxy Margin runs behind; docs/security.md), or null when the Host
 * is missing or not a host. Behind `next start` a route handler's `request.url` names the server's own listening
 * address (http://localhost:PORT), so absolute links and redirects are built from this instead.
 */
export function getRequestOrigin(headers: Headers): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return null;
  const protocol = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  // A Host is a host and an optional port: a path, credentials or a query ("a/b", "user@host") are not one.
  if (/[/\\@?#\s]/u.test(host)) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}
