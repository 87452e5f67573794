import { useLocale, useTranslations } from "next-intl";

/** Stands for a stretch of unchanged paragraphs; opening it shows them in place. */
export function FoldButton({ count, onOpen }: { count: number; onOpen: () => void }) {
  const t = useTranslations("versions");
  // In the interface's language, also where it sits inside the article's text.
  const locale = useLocale();
  return (
    <button
      type="button"
      lang={locale}
      onClick={onOpen}
      data-testid="diff-fold"
      className="my-4 flex w-full items-center gap-3 font-sans text-sm text-stone-600 hover:text-stone-900"
    >
      <span aria-hidden="true" className="h-px flex-1 bg-stone-300" />
      <span className="rounded-full border border-stone-300 bg-white px-3 py-1 font-medium">{t("showUnchanged", { count })}</span>
      <span aria-hidden="true" className="h-px flex-1 bg-stone-300" />
    </button>
  );
}
