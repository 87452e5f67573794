/**
 * Request paths Next.js cannot route. Pure (runs in proxy.ts).
 *
 * Next decodes each dynamic segment of a path with `decodeURIComponent`; a malformed escape (`%zz`, `%E0%A4%A`,
 * a lone `%80`) makes it throw, and Next 16 then fails to render its own 400 page in an App Router project and
 * answers 500 "Internal Server Error" before any route handler or page runs. proxy.ts answers such paths with a
 * 400 first.
 */

/** True when a segment of `pathname` (as sent, still percent-encoded) is not valid percent-encoded UTF-8. */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
