"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

/**
 * Reads and writes `?claim=`, `?tag=` and `?resolved=hide` (claims with a resolved discussion left out of the list
 * and the text; shown by default) without a server round trip (Next syncs useSearchParams).
 */
export function useUrlState() {
  const searchParams = useSearchParams();
  const set = useCallback((key: "claim" | "tag" | "resolved", value: string | null) => {
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(key, value);
    else params.delete(key);
    const query = params.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
  return { activeClaimId: searchParams.get("claim"), tagFilter: searchParams.get("tag"), showResolved: searchParams.get("resolved") !== "hide", set };
}

/** A polite live region's text; the same sentence twice in a row is made new with a trailing no-break space. */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)), []);
  return { announcement, announce };
}
