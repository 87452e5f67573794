import { z } from "zod";

import { slugMaxLength, slugPattern } from "@/lib/publications/slug";

/** A document's public page as the API describes it. `url` is absolute. */
export type PublicationView = { published: true; slug: string; url: string; publishedAt: string; updatedAt: string };

/** Whether a document is published, and where. */
export type PublicationState = PublicationView | { published: false };

/** A `/p/{slug}` path parameter that could name a page: anything else is a 404 without a database read. */
export const publicSlugSchema = z.string().max(slugMaxLength + 12).regex(slugPattern);
