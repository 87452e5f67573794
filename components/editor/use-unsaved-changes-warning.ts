"use client";

import { useEffect } from "react";

/**
 * While there is unsaved work, leaving the page (closing the tab, reloading, typing another address) asks the
 * browser's own "Leave site?" question. Links inside the app are client navigations the browser does not see:
 * the editor's Cancel asks itself (components/editor/article-editor.tsx).
 */
export function useUnsavedChangesWarning(hasUnsavedChanges: boolean): void {
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsavedChanges]);
}
