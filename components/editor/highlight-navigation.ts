import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

import { findStop, type StopDirection } from "@/components/editor/highlight-stops";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    highlightNavigation: {
      /** Moves focus to the next or previous claim's highlight in document order; false when there is none. */
      focusHighlight: (direction: StopDirection) => ReturnType;
      /** Focuses the highlight where a claim begins; false when it is not drawn. */
      focusClaimHighlight: (claimId: string) => ReturnType;
    };
  }
}

/** Marks where claims begin (components/editor/claim-highlights.ts): the keyboard's stops. */
const stopSelector = "mark[data-claim-starts]";

/** A request to focus a claim's highlight once the view shows its new tab stop; `serial` tells requests apart. */
type NavigationState = { claimId: string | null; serial: number };
const highlightNavigationKey = new PluginKey<NavigationState>("highlightNavigation");

type Stop = { element: HTMLElement; claimIds: string[]; position: number };

const claimIdsOf = (element: HTMLElement) => (element.dataset.claimStarts ?? "").split(" ");

/** The stops in document order. A segment across a paragraph break is drawn once per paragraph: its first mark is the stop. */
function getStops(view: EditorView): Stop[] {
  const stops: Stop[] = [];
  for (const element of view.dom.querySelectorAll<HTMLElement>(stopSelector)) {
    if (stops.at(-1)?.element.dataset.claimStarts === element.dataset.claimStarts) continue;
    stops.push({ element, claimIds: claimIdsOf(element), position: view.posAtDOM(element, 0) });
  }
  return stops;
}

function getFocusedStop(view: EditorView): Stop | undefined {
  const active = view.root.activeElement;
  if (!(active instanceof HTMLElement) || active === view.dom || !view.dom.contains(active) || !active.matches(stopSelector)) return undefined;
  return getStops(view).find((stop) => stop.element === active);
}

/** The claim whose highlight has focus, if one has: the claim Enter opens. */
export function getFocusedHighlightClaimId(view: EditorView): string | null {
  return getFocusedStop(view)?.claimIds[0] ?? null;
}

/** `]` / `[` (with whatever modifier a keyboard layout needs to type them), Alt+↓ / Alt+↑. */
function getDirection(event: KeyboardEvent): StopDirection | null {
  if (event.metaKey || (event.ctrlKey && !event.altKey)) return null;
  if (event.key === "]") return "next";
  if (event.key === "[") return "previous";
  const isAltOnly = event.altKey && !event.shiftKey && !event.ctrlKey;
  if (isAltOnly && event.key === "ArrowDown") return "next";
  if (isAltOnly && event.key === "ArrowUp") return "previous";
  return null;
}

/** Keys a focused highlight keeps: they act on it (open, leave, close), or are only a modifier so far. */
const keysKeptByHighlight = new Set(["Enter", "Tab", "Escape", "Shift", "Alt", "Control", "Meta", "AltGraph", "CapsLock"]);

/**
 * Moves focus where the commands ask, once the view shows the new tab stop, and keeps a focused highlight focused
 * when ProseMirror redraws its mark (its decoration changed: say, its tags were changed by someone else).
 */
class HighlightFocusView {
  private focused: { element: HTMLElement; claimId: string } | null = null;
  private isPointerDown = false;

  constructor(private readonly view: EditorView) {
    view.dom.addEventListener("mousedown", this.onMouseDown);
    view.dom.addEventListener("focusin", this.onFocusIn);
    view.dom.addEventListener("focusout", this.onFocusOut);
  }

  update(view: EditorView, previous: EditorState) {
    const request = highlightNavigationKey.getState(view.state);
    if (request && request.serial !== highlightNavigationKey.getState(previous)?.serial && request.claimId) {
      const stop = getStops(view).find((item) => item.claimIds.includes(request.claimId!));
      if (stop) {
        stop.element.focus({ preventScroll: true });
        // Nearest, not centred: pressing `]` through a paragraph must not make the page jump at every press.
        stop.element.scrollIntoView({ block: "nearest" });
      }
      return;
    }
    const focused = this.focused;
    if (focused && !focused.element.isConnected && (view.root.activeElement === null || view.root.activeElement === document.body)) {
      const again = getStops(view).find((stop) => stop.claimIds.includes(focused.claimId) && stop.element.tabIndex === 0);
      again?.element.focus({ preventScroll: true });
    }
  }

  destroy() {
    this.view.dom.removeEventListener("mousedown", this.onMouseDown);
    this.view.dom.removeEventListener("focusin", this.onFocusIn);
    this.view.dom.removeEventListener("focusout", this.onFocusOut);
  }

  private readonly onMouseDown = () => {
    this.isPointerDown = true;
    document.addEventListener("mouseup", this.onMouseUp, { once: true, capture: true });
  };

  /**
   * A press on the focusable highlight focuses it, and a drag from there selects text while ProseMirror, which
   * follows the selection only while the article itself has focus, looks away. Once the button is up, the article
   * takes the focus back with the selection the press made, so a selection started on a highlight is a selection.
   */
  private readonly onMouseUp = () => {
    this.isPointerDown = false;
    const { view } = this;
    const active = view.root.activeElement;
    if (!(active instanceof HTMLElement) || active === view.dom || !view.dom.contains(active)) return;
    const selection = document.getSelection();
    const anchor = selection?.anchorNode && view.dom.contains(selection.anchorNode) ? view.posAtDOM(selection.anchorNode, selection.anchorOffset) : null;
    const head = selection?.focusNode && view.dom.contains(selection.focusNode) ? view.posAtDOM(selection.focusNode, selection.focusOffset) : null;
    view.dom.focus({ preventScroll: true });
    if (anchor !== null && head !== null) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  };

  private readonly onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches(stopSelector) || this.isPointerDown) return;
    this.focused = { element: target, claimId: claimIdsOf(target)[0]! };
  };

  private readonly onFocusOut = (event: FocusEvent) => {
    // Focus going somewhere (not lost to a redraw): the highlight no longer has it.
    if (event.relatedTarget !== null) this.focused = null;
  };
}

/**
 * Keyboard navigation through the claims' highlights, by claim in document order (components/editor/
 * highlight-stops.ts): `]` or Alt+↓ focuses the next claim's highlight, `[` or Alt+↑ the previous one, counting
 * from the focused highlight or else from the caret. One highlight at a time is in the tab order (roving tabindex,
 * drawn by ClaimHighlights). Any other key on a focused highlight gives the article its focus back with the caret
 * where the claim begins, and then does what it always does (arrows move, Shift+arrows select).
 */
export const HighlightNavigation = Extension.create({
  name: "highlightNavigation",
  // Before other key handlers: they must see the caret the article has once a highlight hands focus back.
  priority: 1000,

  addCommands() {
    return {
      focusHighlight:
        (direction) =>
        ({ tr, view, commands, dispatch }) => {
          const stops = getStops(view);
          const focused = getFocusedStop(view);
          const from = focused?.position ?? tr.selection.head;
          const stop = stops[findStop(stops.map((item) => item.position), from, direction, focused !== undefined)];
          if (!stop) return false;
          if (dispatch) commands.focusClaimHighlight(stop.claimIds[0]!);
          return true;
        },
      focusClaimHighlight:
        (claimId) =>
        ({ tr, view, commands, dispatch }) => {
          if (!getStops(view).some((stop) => stop.claimIds.includes(claimId))) return false;
          if (dispatch) {
            commands.setHighlightTabStop(claimId);
            const serial = (highlightNavigationKey.getState(view.state)?.serial ?? 0) + 1;
            tr.setMeta(highlightNavigationKey, { claimId, serial }).setMeta("addToHistory", false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    return [
      new Plugin<NavigationState>({
        key: highlightNavigationKey,
        state: {
          init: () => ({ claimId: null, serial: 0 }),
          apply: (transaction, previous) => transaction.getMeta(highlightNavigationKey) ?? previous,
        },
        view: (view) => new HighlightFocusView(view),
        props: {
          handleKeyDown(view, event) {
            const direction = getDirection(event);
            if (direction) {
              editor.commands.focusHighlight(direction);
              return true; // Even with no highlight that way: `]` never types into the article.
            }
            const focused = getFocusedStop(view);
            if (!focused || keysKeptByHighlight.has(event.key)) return false;
            view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, focused.position)));
            view.focus();
            return false;
          },
        },
      }),
    ];
  },
});
