import { getTranslations } from "next-intl/server";

/** The id of the element that wraps a page's content below the header (app/(app)/layout.tsx). */
export const contentId = "content";

/**
 * The first stop of the Tab key: "Skip to main content", shown only when focused, jumps past the header to the
 * page's content. A plain in-page link, so it works before (and without) JavaScript.
 */
export async function SkipLink() {
  const t = await getTranslations("accessibility");
  return (
    <a
      href={`#${contentId}`}
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-stone-900 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      {t("skipToContent")}
    </a>
  );
}
