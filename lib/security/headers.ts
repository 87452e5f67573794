/**
 * Margin's security response headers. Pure (no Node or Next imports): proxy.ts sets them, with a fresh CSP
 * nonce, on every page (and Auth.js's endpoints, which can answer with HTML); next.config.ts sets the static
 * ones, with the API's own policy, on JSON API responses, and the static ones on build assets.
 */

/** Headers that are the same on every response. */
export const staticSecurityHeaders: ReadonlyArray<readonly [name: string, value: string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  // Margin uses none of these; a page (or an injected script) cannot turn them on.
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  // For browsers that predate CSP's frame-ancestors.
  ["X-Frame-Options", "DENY"],
];

/**
 * The policy of JSON API responses: they are data, never a document, so nothing may load or run in them, and
 * they may not be framed. Static, so API routes need no per-request proxy work (it cost ~0.4 ms a request;
 * docs/benchmarks.md).
 */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type ContentSecurityPolicyOptions = {
  nonce: string;
  /** `next dev` needs 'unsafe-eval' (React's dev tooling); production never gets it. */
  isDevelopment: boolean;
  /** Origins a sign-in form may be redirected to (the enabled OAuth providers), besides 'self'. */
  formActionOrigins?: readonly string[];
};

/**
 * The Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic' lets those scripts
 * load Next's chunks); no 'unsafe-inline' or 'unsafe-eval' for scripts in production. Styles may be inline:
 * React, Radix and ProseMirror set style attributes, and style injection is far less dangerous than script.
 */
export function buildContentSecurityPolicy({ nonce, isDevelopment, formActionOrigins = [] }: ContentSecurityPolicyOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/u.test(nonce)) throw new Error("CSP nonce must be at least 16 base64 characters");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formActionOrigins],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
