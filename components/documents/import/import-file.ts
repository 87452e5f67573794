/**
 * What the "Add a document" page accepts as a file, checked in the browser before anything is sent. The server
 * checks again (lib/documents/import, 413/415/422): these checks only spare a person a long upload that would fail.
 */

/** The largest file the import takes: 5 MB. */
export const importFileMaxBytes = 5 * 1024 * 1024;

/** File name endings the import reads (Markdown under both of its usual names, HTML under both). */
export const importFileExtensions = [".txt", ".md", ".markdown", ".html", ".htm", ".docx"] as const;

/** Media types browsers give those files, for a name without an ending. */
const importFileMediaTypes = [
  "text/plain",
  "text/markdown",
  "text/x-markdown",
  "text/html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

/** The file input's `accept`: the endings, and the media types for systems that filter by those. */
export const importFileAccept = [...importFileExtensions, ...importFileMediaTypes].join(",");

export type ImportFileProblem = "empty" | "tooLarge" | "unsupportedType";

/** A file as the check needs it (a browser `File` is one). */
export type ImportFileFacts = { name: string; size: number; type: string };

/** The name's ending ("Report.DOCX" → ".docx"), or "" without one. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/**
 * Why a file cannot be imported, or null when it may be sent. The ending decides (a browser's media type for a
 * `.md` file is often empty or `application/octet-stream`); a name without one is judged by its media type.
 */
export function checkImportFile(file: ImportFileFacts): ImportFileProblem | null {
  const extension = extensionOf(file.name);
  const isKnownType = extension
    ? (importFileExtensions as readonly string[]).includes(extension)
    : (importFileMediaTypes as readonly string[]).includes(file.type.split(";")[0]?.trim().toLowerCase() ?? "");
  if (!isKnownType) return "unsupportedType";
  if (file.size > importFileMaxBytes) return "tooLarge";
  if (file.size === 0) return "empty";
  return null;
}
