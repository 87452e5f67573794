import type { ReactNode } from "react";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { requirePageActor } from "@/lib/auth/actor";

// Resolves the document before the page's loading state streams, so a foreign or missing document answers with
// a real 404 status. The page reads it again through the same per-request cache.
export default async function DocumentLayout({ children, params }: { children: ReactNode; params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}`);
  await loadDocument(actor, documentId);
  return children;
}
