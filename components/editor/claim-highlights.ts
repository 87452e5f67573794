import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

import type { HighlightSegment } from "@/components/editor/highlight-segments";
import { textOffsetToPosition } from "@/lib/documents/text-index";

export const claimHighlightsKey = new PluginKey<DecorationSet>("claimHighlights");

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    claimHighlights: {
      /** Replaces the drawn highlights; offsets are UTF-16 offsets into the document text. */
      setClaimHighlights: (segments: HighlightSegment[], activeClaimId: string | null) => ReturnType;
    };
  }
}

function toDecoration(segment: HighlightSegment, activeClaimId: string | null): Decoration {
  const ids = segment.claims.map((claim) => claim.claimId);
  // One inset underline band per covering claim, in its tag colour, so overlaps stay distinguishable.
  const bands = segment.claims.map((claim, index) => `inset 0 -${(index + 1) * 3}px 0 ${claim.color}`).join(", ");
  const isActive = activeClaimId !== null && ids.includes(activeClaimId);
  return Decoration.inline(textOffsetToPosition(segment.start), textOffsetToPosition(segment.end), {
    nodeName: "mark",
    class: isActive ? "claim-highlight claim-highlight--active" : "claim-highlight",
    "data-claim-id": ids[0] ?? "",
    "data-claim-ids": ids.join(" "),
    style: `--claim-color: ${segment.claims[0]?.color ?? "#a3a3a3"}; --claim-depth: ${Math.min(ids.length, 4)}; box-shadow: ${bands};`,
  });
}

/**
 * Draws claims as ProseMirror decorations (never as marks in the stored document). The set is replaced
 * whenever claims change and mapped through any other transaction.
 */
export const ClaimHighlights = Extension.create({
  name: "claimHighlights",

  addCommands() {
    return {
      setClaimHighlights:
        (segments, activeClaimId) =>
        ({ tr, dispatch, state }) => {
          if (dispatch) {
            const size = state.doc.content.size;
            const decorations = segments
              .filter((segment) => textOffsetToPosition(segment.end) <= size)
              .map((segment) => toDecoration(segment, activeClaimId));
            tr.setMeta(claimHighlightsKey, DecorationSet.create(state.doc, decorations));
            tr.setMeta("addToHistory", false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: claimHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (transaction, previous) =>
            transaction.getMeta(claimHighlightsKey) ?? previous.map(transaction.mapping, transaction.doc),
        },
        props: {
          decorations: (state) => claimHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
