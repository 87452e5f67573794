"use client";

import { useTranslations } from "next-intl";

import { highlightShortcut } from "@/components/documents/article-reader";
import { TagToggles } from "@/components/tags/tag-toggles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TagView } from "@/lib/tags/schema";

type ClaimComposerProps = {
  canCreate: boolean;
  /** The selected passage, or null. */
  selectedText: string | null;
  /** A non-empty selection exists outside the article. */
  isSelectionOutside: boolean;
  isPrivate: boolean;
  onPrivateChange: (isPrivate: boolean) => void;
  /** The team's tags, offered for the new claim while a passage is selected. */
  tags: readonly TagView[];
  /** Names of the tags the new claim will carry. */
  selectedTags: ReadonlySet<string>;
  onToggleTag: (tagName: string, isOn: boolean) => void;
  isCreating: boolean;
  error: string | null;
  onCreate: () => void;
  /** The `lang` of the document's text, for the selected passage (none when undetermined). */
  contentLang?: string;
};

const previewLength = 80;

/**
 * The bar above the article: what is selected, the tags to give it, and the "Highlight claim" button. The claim
 * is created with its tags in one request; they can be changed afterwards in the side panel.
 */
export function ClaimComposer(props: ClaimComposerProps) {
  const { canCreate, selectedText, isSelectionOutside, isPrivate, onPrivateChange, tags, selectedTags, onToggleTag, isCreating, error, onCreate, contentLang } =
    props;
  const t = useTranslations("claims");
  if (!canCreate) {
    return <p className="rounded-md border border-stone-200 bg-white px-3 py-2 text-sm text-stone-600">{t("readOnly")}</p>;
  }
  const areTagsShown = selectedText !== null && !isCreating;
  const preview =
    selectedText && selectedText.length > previewLength ? `${selectedText.slice(0, previewLength).trimEnd()}…` : selectedText;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-stone-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={onCreate}
          disabled={!selectedText || isCreating}
          aria-keyshortcuts={highlightShortcut.aria}
          title={t("highlightTitle", { shortcut: highlightShortcut.label })}
          size="sm"
        >
          {isCreating ? t("highlighting") : t("highlight")}
        </Button>
        <label className="flex items-center gap-1.5 text-sm text-stone-700">
          <input type="checkbox" checked={isPrivate} onChange={(event) => onPrivateChange(event.target.checked)} className="size-4" />
          {t("onlyMe")}
        </label>
        <p className="min-w-0 flex-1 truncate text-sm text-stone-600" aria-live="polite">
          {selectedText
            ? t.rich("selected", {
                text: preview ?? "",
                quote: (chunks) => (
                  <span lang={contentLang} className="font-serif text-stone-900">
                    {chunks}
                  </span>
                ),
              })
            : isSelectionOutside
              ? t("selectInside")
              : t.rich("selectHint", {
                  shortcut: highlightShortcut.label,
                  kbd: (chunks) => <kbd className="rounded border px-1 text-xs">{chunks}</kbd>,
                })}
        </p>
      </div>
      {tags.length > 0 ? (
        // Always laid out, shown only while a passage is selected and not yet being highlighted: the bar never
        // changes height under a mouse that is still selecting, so the text does not move. Hidden, its toggles are
        // out of the tab order and the accessibility tree; once the claim exists, its tags are the panel's.
        <div className={`flex max-h-16 flex-wrap items-center gap-2 overflow-y-auto ${areTagsShown ? "" : "invisible"}`} aria-hidden={!areTagsShown}>
          <span className="text-xs font-semibold tracking-wide text-stone-500 uppercase" aria-hidden="true">
            {t("tags")}
          </span>
          <TagToggles label={t("newClaimTags")} tags={tags} selected={selectedTags} onToggle={onToggleTag} />
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
