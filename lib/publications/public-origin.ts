import "server-only";

import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/security/origin";

/** Used when a request names no host at all (never from a browser); links then at least point somewhere local. */
const fallbackOrigin = "http://localhost";

/**
 * The origin absolute links are built on (the public page's og:url, ClaimReview's URLs): AUTH_URL's when it is set
 * (the deployment's public URL, as Auth.js uses it), otherwise the origin the request addressed.
 */
export function getPublicOrigin(headers: Headers): string {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  return getRequestOrigin(headers) ?? fallbackOrigin;
}
