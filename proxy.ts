import { NextResponse, type NextRequest } from "next/server";

import { listEnabledOAuthProviders } from "@/lib/auth/oauth-config";
import { getOAuthEnv } from "@/lib/env";
import type { ErrorBody } from "@/lib/errors";
import { renderMessage, type MessageKey } from "@/lib/i18n/localized-message";
import { negotiateRequestLocale } from "@/lib/i18n/negotiate";
import { getTranslate } from "@/lib/i18n/translators";
import { apiContentSecurityPolicy, buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { decidePublicPageRequest, matchPublicPagePath } from "@/lib/publications/public-page-request";
import { isCrossSiteRequest } from "@/lib/security/origin";
import { hasMalformedPercentEncoding } from "@/lib/security/request-path";

/**
 * Next 16's proxy (formerly middleware): security headers on every page, with a fresh CSP nonce per request.
 * JSON API routes skip it and get a static, stricter policy from next.config.ts (nothing runs in JSON), which
 * keeps the proxy's per-request cost off the API; Auth.js's endpoints (which can answer with HTML) keep it. Next reads the nonce from the request's Content-Security-Policy header and puts it on its
 * own scripts, which is why every page is rendered per request (app/layout.tsx).
 *
 * This is NOT an access check: it never looks at sessions. Authorisation happens in lib/, where data is read
 * and written (a proxy can be skipped, e.g. CVE-2025-29927).
 *
 * It also answers two kinds of request that Next itself would answer with a bare 500: paths with malformed
 * percent-encoding (400; lib/security/request-path.ts; for the JSON API the matcher runs the proxy only on paths
 * containing "%"), and server actions posted from another site (403: Next refuses them too, but by throwing).
 *
 * Public pages (`/p/{slug}`, read without signing in) are rate-limited per IP and answered with an ETag, or a 304
 * when the browser's copy is current (lib/publications/public-page-request.ts): a page cannot set its own headers.
 * Next's proxy runs on Node.js, so this may read the database.
 */

let formActionOrigins: string[] | undefined;

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (hasMalformedPercentEncoding(pathname)) return errorResponse(request, 400, "bad_request", "errors.request.malformedPath");
  const publicSlug = matchPublicPagePath(pathname);
  const publicPage = publicSlug === null ? null : await decidePublicPageRequest({ slug: publicSlug, method: request.method, headers: request.headers });
  if (publicPage?.kind === "rate_limited") return rateLimitedResponse(request, publicPage.retryAfterSeconds);
  if (publicPage?.kind === "not_modified") {
    // No Content-Security-Policy here: the browser keeps the headers it stored with the page, whose nonce is the
    // one in the cached HTML. A fresh policy would update them and block the page's own scripts.
    return new NextResponse(null, { status: 304, headers: { ETag: publicPage.etag, "Cache-Control": publicPageCacheControl } });
  }
  // A JSON API path reaches the proxy only for the check above; its headers come from next.config.ts.
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/")) return NextResponse.next();
  // Pages take POSTs only as server actions (with or without JavaScript), never from another site.
  if (request.method === "POST" && !pathname.startsWith("/api/") && isCrossSiteRequest(request.headers)) {
    return errorResponse(request, 403, "forbidden", "errors.request.crossOrigin");
  }
  // The environment does not change while the server runs; read the enabled OAuth providers once.
  formActionOrigins ??= listEnabledOAuthProviders(getOAuthEnv()).map((provider) => provider.authorizationOrigin);
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development", formActionOrigins });

  // `set` replaces anything a client sent under these names.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of staticSecurityHeaders) response.headers.set(name, value);
  if (publicPage?.etag) {
    // Next keeps a Cache-Control that is already set. `private`: the HTML carries this response's nonce, which a
    // shared cache must not hand to others; `no-cache`: the browser revalidates every time, with If-None-Match.
    response.headers.set("ETag", publicPage.etag);
    response.headers.set("Cache-Control", publicPageCacheControl);
  }
  return response;
}

const publicPageCacheControl = "private, no-cache";

/** 429 for a public page requested too often: plain text in the request's language, with Retry-After. */
function rateLimitedResponse(request: NextRequest, retryAfterSeconds: number): NextResponse {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const text = renderMessage({ key: "errors.publications.tooManyRequests", values: { seconds } }, getTranslate(negotiateRequestLocale(request.headers)));
  const response = new NextResponse(text, {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(seconds), "Cache-Control": "no-store" },
  });
  response.headers.set("Content-Security-Policy", apiContentSecurityPolicy);
  for (const [name, value] of staticSecurityHeaders) response.headers.set(name, value);
  return response;
}

/**
 * A refusal the proxy answers itself: the API's JSON error, in the request's language (the cookie stands for a
 * signed-in user's setting here: the proxy reads no sessions), with the API's headers (it is data, not a page).
 */
function errorResponse(request: NextRequest, status: 400 | 403, code: "bad_request" | "forbidden", message: MessageKey): NextResponse {
  const body: ErrorBody = { error: { code, message: renderMessage(message, getTranslate(negotiateRequestLocale(request.headers))) } };
  const response = NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
  response.headers.set("Content-Security-Policy", apiContentSecurityPolicy);
  for (const [name, value] of staticSecurityHeaders) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets, the icon and the JSON API (not /api/auth), which get their headers from
  // next.config.ts; and API paths with a "%" in them, to refuse malformed percent-encoding.
  matcher: ["/((?!_next/static|_next/image|icon\\.svg|favicon\\.ico|api/(?!auth/)).*)", "/api/(.*%.*)"],
};
