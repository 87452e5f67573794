"use client";

import type { ClaimView } from "@/lib/claims/schema";

/** The claim panel's proposed and published verdict (issue 14 §3). Placeholder until that part lands; renders nothing. */
export function ClaimVerdictSection(_props: { claim: ClaimView; teamId: string; documentId: string }) {
  return null;
}
