import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import type { Actor } from "@/lib/auth/actor";
import { getDocumentForActor } from "@/lib/documents/service";
import { AppError } from "@/lib/errors";

/**
 * The document for this request, or Next's not-found page. Cached per request, so the layout (which decides the
 * 404 before any streaming starts), generateMetadata and the page share one lookup.
 */
export const loadDocument = cache(async (actor: Actor, documentId: string) => {
  try {
    return await getDocumentForActor(actor, documentId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});
