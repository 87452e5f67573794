/**
 * The language of the text at `element`, for `Intl.Segmenter`: the nearest `lang` attribute. The article carries
 * its document's language; a document whose language is undetermined ("und") has none, so the interface's
 * language on `<html lang>` applies, as the brief for keyboard selection asks.
 */
export function getContentLocale(element: Element): string {
  return element.closest("[lang]:not([lang=''])")?.getAttribute("lang") ?? (document.documentElement.lang || "en");
}
