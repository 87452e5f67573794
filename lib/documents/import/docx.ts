/**
 * A Word document (.docx) → HTML with mammoth (semantic HTML from Word's styles: headings, lists, bold, italic,
 * links), plus the title and author from its core properties. The archive is checked first (zip-archive.ts): not a
 * zip, or not a Word document, is a 415; one that unpacks to more than the import allows is a 413. Images are never
 * read (their HTML is dropped by the sanitiser anyway), nor are files the document points to outside itself.
 * Server-side.
 */
import mammoth from "mammoth";
import { DOMParser as XmlParser } from "linkedom";

import { notWordDocumentError, unpackedTooLargeError } from "@/lib/documents/import/errors";
import { importLimits } from "@/lib/documents/import/formats";
import { emptyMetadata, type ImportMetadata } from "@/lib/documents/import/metadata";
import { openZipArchive, readZipText } from "@/lib/documents/import/zip-archive";

/** Word's paragraph styles for a document's title, mapped to the heading the import takes a title from. */
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** The title and author a Word document's core properties (docProps/core.xml) give. */
export function readCoreProperties(xml: string | null): Pick<ImportMetadata, "title" | "byline"> {
  if (xml === null) return { title: null, byline: null };
  const document = new XmlParser().parseFromString(xml, "text/xml");
  const text = (name: string) => document.getElementsByTagName(name)[0]?.textContent?.trim() || null;
  return { title: text("dc:title"), byline: text("dc:creator") };
}

/** The Word document's HTML (not yet sanitised) and metadata; 415 or 413 when the bytes are not a usable .docx. */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; metadata: ImportMetadata }> {
  const archive = openZipArchive(bytes, importLimits.maxUnpackedBytes);
  if (!archive.ok) throw archive.reason === "too_large" ? unpackedTooLargeError() : notWordDocumentError();
  if (!archive.entries.some((entry) => entry.name === "word/document.xml")) throw notWordDocumentError();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        // Images are not part of an article's text: not decoded, not inlined as data: URLs.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (error) {
    // A zip with a document part mammoth cannot read (malformed or foreign XML): the file's fault, answered 415;
    // logged in case it is a document Word itself would open.
    console.warn("An uploaded .docx could not be converted", error);
    throw notWordDocumentError();
  }
  const coreProperties = readCoreProperties(readZipText(archive, "docProps/core.xml", importLimits.maxUnpackedBytes));
  return { html, metadata: { ...emptyMetadata, ...coreProperties } };
}
