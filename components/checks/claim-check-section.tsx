"use client";

import type { ClaimView } from "@/lib/claims/schema";

/** The claim panel's status, assignee and due date (issue 14 §1). Placeholder until that part lands; renders nothing. */
export function ClaimCheckSection(_props: { claim: ClaimView; teamId: string; documentId: string }) {
  return null;
}
