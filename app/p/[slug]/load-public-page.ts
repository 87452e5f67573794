import "server-only";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";

import { getPublicOrigin } from "@/lib/publications/public-origin";
import { getPublicPage } from "@/lib/publications/public-page";

/**
 * The public page for this request, or Next's not-found page (a real 404: there is no loading state to stream
 * first). Cached per request, so generateMetadata and the page share one read.
 */
export const loadPublicPage = cache(async (slug: string) => {
  const origin = getPublicOrigin(await headers());
  const page = await getPublicPage(slug, { origin });
  if (!page) notFound();
  return { page, origin };
});
