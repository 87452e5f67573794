import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

import type { HighlightSegment } from "@/components/editor/highlight-segments";
import { findTabStopSegment, getClaimsStartingAt, getDescribingClaims, getHighlightSummaryId } from "@/components/editor/highlight-stops";
import { createVerdictBadgeElement, getVerdictBadgeKey, placeVerdictBadges } from "@/components/editor/verdict-badges";
import { getDocTextIndex } from "@/components/editor/doc-text-index";
import { textOffsetToPosition } from "@/lib/documents/text-index";

/** What the highlights are drawn from; the decorations are rebuilt whenever one of these changes. */
type HighlightsInput = {
  segments: HighlightSegment[];
  activeClaimId: string | null;
  /** The claim whose highlight is the one tab stop among the highlights (null: the first claim's). */
  tabStopClaimId: string | null;
};
type HighlightsState = HighlightsInput & { decorations: DecorationSet };

export const claimHighlightsKey = new PluginKey<HighlightsState>("claimHighlights");

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    claimHighlights: {
      /** Replaces the drawn highlights; offsets are UTF-16 offsets into the document text. */
      setClaimHighlights: (segments: HighlightSegment[], activeClaimId: string | null) => ReturnType;
      /** Makes this claim's highlight the one the Tab key reaches (components/editor/highlight-navigation.ts). */
      setHighlightTabStop: (claimId: string | null) => ReturnType;
    };
  }
}

type DecorationOptions = { activeClaimId: string | null; isTabStop: boolean };

function toDecoration(segment: HighlightSegment, from: number, to: number, { activeClaimId, isTabStop }: DecorationOptions): Decoration {
  const ids = segment.claims.map((claim) => claim.claimId);
  // One inset underline band per covering claim, in its tag colour, so overlaps stay distinguishable.
  const bands = segment.claims.map((claim, index) => `inset 0 -${(index + 1) * 3}px 0 ${claim.color}`).join(", ");
  const isActive = activeClaimId !== null && ids.includes(activeClaimId);
  // A claim whose text changed under it is marked by its shape too (a dashed line), not by colour alone.
  const isChanged = segment.claims.some((claim) => claim.isChanged);
  const starting = getClaimsStartingAt(segment);
  return Decoration.inline(from, to, {
    nodeName: "mark",
    class: ["claim-highlight", isActive && "claim-highlight--active", isChanged && "claim-highlight--changed"].filter(Boolean).join(" "),
    "data-claim-id": ids[0] ?? "",
    "data-claim-ids": ids.join(" "),
    style: `--claim-color: ${segment.claims[0]?.color ?? "#a3a3a3"}; --claim-depth: ${Math.min(ids.length, 4)}; box-shadow: ${bands};`,
    // A mark may not be named (ARIA: naming prohibited): its tags and comment count are its description, read from
    // hidden elements outside the editor (components/documents/highlight-summaries.tsx), so a new comment changes
    // no decoration. Where claims begin, the mark is a keyboard stop (components/editor/highlight-navigation.ts).
    "aria-describedby": getDescribingClaims(segment).map(getHighlightSummaryId).join(" "),
    ...(starting.length > 0 ? { "data-claim-starts": starting.join(" ") } : {}),
    ...(isTabStop ? { tabindex: "0" } : {}),
  });
}

function buildDecorations(doc: ProseMirrorNode, { segments, activeClaimId, tabStopClaimId }: HighlightsInput): DecorationSet {
  const textIndex = getDocTextIndex(doc);
  const drawn = segments.filter((segment) => segment.end <= textIndex.text.length);
  const tabStop = findTabStopSegment(drawn, tabStopClaimId);
  const decorations = drawn.flatMap((segment, index) => {
    const from = textOffsetToPosition(textIndex, segment.start);
    const to = textOffsetToPosition(textIndex, segment.end);
    if (index !== tabStop) return [toDecoration(segment, from, to, { activeClaimId, isTabStop: false })];
    // A segment across a paragraph break is drawn as one mark per paragraph; only the first may be a tab stop.
    const blockEnd = Math.min(doc.resolve(from).end(), to);
    return [
      toDecoration(segment, from, blockEnd, { activeClaimId, isTabStop: true }),
      ...(blockEnd < to ? [toDecoration(segment, blockEnd, to, { activeClaimId, isTabStop: false })] : []),
    ];
  });
  // A published verdict's badge after its claim's text: a widget, so the stored document never changes.
  const badges = placeVerdictBadges(drawn).map((badge) =>
    Decoration.widget(textOffsetToPosition(textIndex, badge.offset), (view) => createVerdictBadgeElement(badge, view.dom.ownerDocument), {
      key: getVerdictBadgeKey(badge),
      side: -1,
      ignoreSelection: true,
    }),
  );
  return DecorationSet.create(doc, [...decorations, ...badges]);
}

/**
 * Draws claims as ProseMirror decorations (never as marks in the stored document). The set is rebuilt whenever
 * the claims, the open claim or the tab stop change, and mapped through any other transaction.
 */
export const ClaimHighlights = Extension.create({
  name: "claimHighlights",

  addCommands() {
    const update =
      (input: Partial<HighlightsInput>) =>
      ({ tr, dispatch }: { tr: Transaction; dispatch: unknown }) => {
        if (dispatch) tr.setMeta(claimHighlightsKey, input).setMeta("addToHistory", false);
        return true;
      };
    return {
      setClaimHighlights: (segments, activeClaimId) => update({ segments, activeClaimId }),
      setHighlightTabStop: (tabStopClaimId) => update({ tabStopClaimId }),
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightsState>({
        key: claimHighlightsKey,
        state: {
          init: () => ({ segments: [], activeClaimId: null, tabStopClaimId: null, decorations: DecorationSet.empty }),
          apply: (transaction, previous) => {
            const input = transaction.getMeta(claimHighlightsKey) as Partial<HighlightsInput> | undefined;
            if (!input) return { ...previous, decorations: previous.decorations.map(transaction.mapping, transaction.doc) };
            const next = { ...previous, ...input };
            return { ...next, decorations: buildDecorations(transaction.doc, next) };
          },
        },
        props: {
          decorations: (state) => claimHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
