/**
 * Bytes of an uploaded text, Markdown or HTML file → its text. UTF-8 unless a byte order mark says UTF-16 or, for
 * HTML, a `<meta charset>` names another encoding the platform knows (as browsers read saved pages). Text that is
 * not valid in its encoding is refused rather than read with replacement characters: a quote would never match.
 */
import { invalidImportError } from "@/lib/documents/import/errors";

/** How far into an HTML file browsers look for its `<meta charset>` (the HTML standard's prescan: 1,024 bytes). */
const charsetPrescanBytes = 1024;

function encodingFromByteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** The encoding an HTML file declares in its first bytes (`<meta charset=…>` or `http-equiv` content), if known. */
export function declaredHtmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, charsetPrescanBytes));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/iu.exec(head)?.[1];
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    // A page that says UTF-16 in its own (ASCII-readable) bytes cannot be UTF-16: the HTML standard reads UTF-8.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return null; // An encoding the platform does not know: read as UTF-8 (and refused below if it is not).
  }
}

/** The text of a file, or a 422 on `file` when its bytes are not text in its encoding. */
export function decodeTextFile(bytes: Uint8Array, { isHtml }: { isHtml: boolean }): string {
  const encoding = encodingFromByteOrderMark(bytes) ?? (isHtml ? declaredHtmlEncoding(bytes) : null) ?? "utf-8";
  try {
    // The decoder drops a byte order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidImportError("file", "validation.import.notUtf8");
  }
}
