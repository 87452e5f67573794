"use client";

import type { ClaimView } from "@/lib/claims/schema";

/** The claim panel's evidence list and form (issue 14 §2). Placeholder until that part lands; renders nothing. */
export function ClaimEvidenceSection(_props: { claim: ClaimView; teamId: string; documentId: string }) {
  return null;
}
