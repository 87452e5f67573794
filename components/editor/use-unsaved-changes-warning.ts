"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * While there is unsaved work, leaving the page (closing the tab, reloading, typing another address) asks the
 * browser's own "Leave site?" question. Links inside the app are client navigations the browser does not see:
 * the editor's Cancel asks itself (components/editor/article-editor.tsx). `allowLeaving` lets the page go without
 * asking, for a reload the person chose (it takes effect at once, before React renders again).
 */
export function useUnsavedChangesWarning(hasUnsavedChanges: boolean): { allowLeaving: () => void } {
  const isLeavingAllowed = useRef(false);
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (isLeavingAllowed.current) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsavedChanges]);
  const allowLeaving = useCallback(() => {
    isLeavingAllowed.current = true;
  }, []);
  return { allowLeaving };
}
