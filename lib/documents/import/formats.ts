/**
 * The formats an article can be imported from, how a file's name and type map to one, and the import's limits.
 * Pure: shared by the server's import and any client that wants to say up front what it will accept.
 */
import { documentBlocksMax } from "@/lib/documents/content-schema";

export const importFormats = ["text", "markdown", "html", "docx"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The formats a JSON body may name: a Word document is binary, so it only comes as a file. */
export const jsonImportFormats = ["text", "markdown", "html"] as const satisfies readonly ImportFormat[];

export const importLimits = {
  /** The most bytes an import reads: a file, or pasted content counted as UTF-8. */
  maxBytes: 5 * 1024 * 1024,
  /** The same, as people read it in messages. */
  maxMegabytes: 5,
  /** The most characters of text an imported article may hold (what selectors index into). */
  textMax: 200_000,
  /** The most text blocks (paragraphs, subheadings, captions, list items) an imported article may hold. */
  blocksMax: documentBlocksMax,
  /** The most bytes a Word document may unpack to (its parts together): a guard against zip bombs. */
  maxUnpackedBytes: 64 * 1024 * 1024,
} as const;

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === "string" && (importFormats as readonly string[]).includes(value);
}

const formatsByExtension: Readonly<Record<string, ImportFormat>> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  docx: "docx",
};

const formatsByMediaType: Readonly<Record<string, ImportFormat>> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

/**
 * The format of an uploaded file, from its name's extension (what people see and browsers derive the type from),
 * else its media type; null when neither is one Margin imports (answered 415).
 */
export function formatFromFile(fileName: string, mimeType: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/iu.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension !== undefined && Object.hasOwn(formatsByExtension, extension)) return formatsByExtension[extension] ?? null;
  const mediaType = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  return Object.hasOwn(formatsByMediaType, mediaType) ? (formatsByMediaType[mediaType] ?? null) : null;
}
