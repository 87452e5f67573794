"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { buildDiffBlocks } from "@/components/versions/diff-blocks";
import { DiffInline } from "@/components/versions/diff-inline";
import { DiffSideBySide } from "@/components/versions/diff-side-by-side";
import { diffViews, type DiffView } from "@/components/versions/diff-view";
import type { TextDiff } from "@/lib/versions/diff";

/** Set when the comparison is on screen and interactive, and again after each change of view (`npm run bench:diff`). */
export const diffRenderedMark = "margin:diff-rendered";

/** `]` / `[` and Alt+↓ / Alt+↑, as between highlights in the article (components/editor/highlight-navigation.ts). */
function getDirection(event: KeyboardEvent): 1 | -1 | null {
  if (event.metaKey || (event.ctrlKey && !event.altKey)) return null;
  if (event.key === "]") return 1;
  if (event.key === "[") return -1;
  const isAltOnly = event.altKey && !event.shiftKey && !event.ctrlKey;
  if (isAltOnly && event.key === "ArrowDown") return 1;
  if (isAltOnly && event.key === "ArrowUp") return -1;
  return null;
}

type VersionDiffProps = {
  diff: TextDiff;
  from: number;
  to: number;
  initialView: DiffView;
  /** The article's language (BCP 47) for its text, or undefined when unknown. */
  contentLang: string | undefined;
};

/**
 * Two versions compared: inline or side by side (kept in `?view=`), long unchanged stretches folded, and "previous
 * change" / "next change" (buttons, `[` / `]`, Alt+↑ / Alt+↓) moving focus from change to change.
 */
export function VersionDiff({ diff, from, to, initialView, contentLang }: VersionDiffProps) {
  const t = useTranslations("versions");
  const [view, setView] = useState<DiffView>(initialView);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<number | null>(null);
  /** The fold just opened, whose first paragraph takes focus once shown. */
  const pendingFocus = useRef<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => buildDiffBlocks(diff.paragraphs), [diff.paragraphs]);
  const total = diff.stats.changes;

  // Each time a view of the comparison is on screen: first shown (hydrated), switched, unfolded.
  useEffect(() => {
    performance.mark(diffRenderedMark);
  }, [view, opened]);

  // An opened fold's first paragraph takes focus, so the keyboard carries on where the button was.
  useEffect(() => {
    if (!pendingFocus.current) return;
    containerRef.current?.querySelector<HTMLElement>(`[data-fold-start="${CSS.escape(pendingFocus.current)}"]`)?.focus();
    pendingFocus.current = null;
  }, [opened]);

  const chooseView = useCallback((next: DiffView) => {
    setView(next);
    const params = new URLSearchParams(window.location.search);
    if (next === "inline") params.delete("view");
    else params.set("view", next);
    window.history.replaceState(null, "", `?${params.toString()}`);
  }, []);

  const openFold = useCallback((id: string) => {
    pendingFocus.current = id;
    setOpened((previous) => new Set(previous).add(id));
  }, []);

  const move = useCallback(
    (direction: 1 | -1) => {
      if (total === 0) return;
      // From the change that has focus, if one has (the reader may have clicked or tabbed elsewhere).
      const focused = document.activeElement?.closest<HTMLElement>("[data-change]");
      const start = focused && containerRef.current?.contains(focused) ? Number(focused.dataset.change) : current;
      const next = start === null ? (direction === 1 ? 0 : total - 1) : Math.min(Math.max(start + direction, 0), total - 1);
      const target = containerRef.current?.querySelector<HTMLElement>(`[data-change="${next}"]`);
      if (!target) return;
      target.focus({ preventScroll: true });
      const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      setCurrent(next);
    },
    [current, total],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const direction = getDirection(event);
    if (direction === null) return;
    if (event.target instanceof HTMLElement && event.target.closest("input, select, textarea")) return;
    event.preventDefault();
    move(direction);
  };

  return (
    <section aria-labelledby="diff-heading" onKeyDown={onKeyDown} data-testid="version-diff">
      <h2 id="diff-heading" className="sr-only">
        {t("differencesHeading")}
      </h2>
      <div className="sticky top-0 z-10 -mx-4 mb-4 flex flex-wrap items-center gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-2">
        <div role="group" aria-label={t("viewLabel")} className="flex gap-1">
          {diffViews.map((option) => (
            <Button key={option} variant={view === option ? "primary" : "secondary"} size="sm" aria-pressed={view === option} onClick={() => chooseView(option)}>
              {option === "inline" ? t("viewInline") : t("viewSideBySide")}
            </Button>
          ))}
        </div>
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="sm" onClick={() => move(-1)} disabled={total === 0} aria-keyshortcuts="[ Alt+ArrowUp">
            {t("previousChange")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => move(1)} disabled={total === 0} aria-keyshortcuts="] Alt+ArrowDown">
            {t("nextChange")}
          </Button>
        </div>
        <p role="status" className="text-sm text-stone-600" data-testid="change-position">
          {current === null ? "" : t("changePosition", { current: current + 1, total })}
        </p>
      </div>
      {total > 0 ? <p className="mb-4 text-sm text-stone-600">{t("keyboardHint")}</p> : null}
      <div ref={containerRef}>
        {view === "inline" ? (
          <DiffInline blocks={blocks} opened={opened} onOpen={openFold} contentLang={contentLang} />
        ) : (
          <DiffSideBySide blocks={blocks} opened={opened} onOpen={openFold} from={from} to={to} contentLang={contentLang} />
        )}
      </div>
    </section>
  );
}
