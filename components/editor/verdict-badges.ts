/**
 * A published verdict in the article: the claim's highlight takes the rating's colour, and right after the
 * claim's last character a small badge shows the rating's icon and words (never colour alone). The badge is
 * hidden from assistive technology: the same words are in the highlight's description
 * (components/documents/highlight-descriptions.tsx), read with the highlight.
 */
import { ratingIconPaths } from "@/components/verdicts/rating-icon-paths";
import type { HighlightRange, HighlightSegment } from "@/components/editor/highlight-segments";

/** Where one verdict badge goes: `offset` is the claim's end in the document text. */
export type VerdictBadge = { claimId: string; offset: number; verdict: NonNullable<HighlightRange["verdict"]> };

/**
 * One badge per drawn claim with a verdict, at its end, in text order. Claims ending at the same place put the
 * innermost (the one beginning last) first, next to its own text. Pure.
 */
export function placeVerdictBadges(segments: readonly HighlightSegment[]): VerdictBadge[] {
  const claims = new Map<string, HighlightRange>();
  for (const segment of segments) for (const claim of segment.claims) claims.set(claim.claimId, claim);
  return [...claims.values()]
    .filter((claim) => claim.verdict !== undefined)
    .sort((a, b) => a.end - b.end || b.start - a.start || a.claimId.localeCompare(b.claimId))
    .map((claim) => ({ claimId: claim.claimId, offset: claim.end, verdict: claim.verdict! }));
}

/** A key that changes when the badge would look different, so ProseMirror redraws only changed badges. */
export function getVerdictBadgeKey(badge: VerdictBadge): string {
  return `verdict:${badge.claimId}:${badge.verdict.icon}:${badge.verdict.color}:${badge.verdict.label}`;
}

const svgNamespace = "http://www.w3.org/2000/svg";

/**
 * The badge's element: icon and label in white on the rating's colour (4.5:1, lib/verdicts/rating-colors.ts).
 * Not editable, hidden from assistive technology; a click on it opens its claim, as a click on the highlight does.
 */
export function createVerdictBadgeElement(badge: VerdictBadge, document: Document): HTMLElement {
  const element = document.createElement("span");
  element.className = "verdict-badge";
  element.setAttribute("contenteditable", "false");
  element.setAttribute("aria-hidden", "true");
  element.dataset.verdictFor = badge.claimId;
  element.style.backgroundColor = badge.verdict.color;
  const icon = document.createElementNS(svgNamespace, "svg");
  icon.setAttribute("viewBox", "0 0 16 16");
  icon.setAttribute("fill", "none");
  icon.setAttribute("stroke", "currentColor");
  icon.setAttribute("stroke-width", "2");
  icon.setAttribute("stroke-linecap", "round");
  icon.setAttribute("stroke-linejoin", "round");
  for (const path of ratingIconPaths[badge.verdict.icon]) {
    const line = document.createElementNS(svgNamespace, "path");
    line.setAttribute("d", path.d);
    if (path.filled) line.setAttribute("fill", "currentColor");
    icon.append(line);
  }
  element.append(icon, document.createTextNode(badge.verdict.label));
  return element;
}
