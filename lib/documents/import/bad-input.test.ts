/**
 * Input the import refuses, each with a clear answer (an AppError with its status, and for 422s the field), never a
 * 500 and never a partial result: an empty or blank article, a .docx that is not a zip or not a Word document, a
 * zip bomb, more than 5 MB, a 5 MB single paragraph, an unknown format, too many blocks, markup nested too deep.
 */
import { deflateRawSync } from "node:zlib";

import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";

import { importDocument, importLimits, type ImportFormat } from "@/lib/documents/import";
import { AppError } from "@/lib/errors";

/** A minimal zip archive (stored or deflated entries), written by hand to build broken and hostile archives. */
function createZip(entries: { name: string; data: Uint8Array; deflate?: boolean; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = entry.deflate ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function importError(input: Parameters<typeof importDocument>[0]): Promise<AppError> {
  const error: unknown = await importDocument(input).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function wordDocumentBytes(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("A real paragraph.")] }] })));
}

describe("an empty article", () => {
  it.each(["text", "markdown", "html"] as const)("%s: empty or whitespace only is a 422 on content", async (format) => {
    for (const content of ["", " ", "\n\n\t \r\n", "\u00a0\u2003"]) {
      const error = await importError({ format, content });
      expect(error.code).toBe("validation_failed");
      expect(error.details?.fields).toEqual({ content: "There is no text to import: nothing of the article is left once markup, scripts and styles are removed" });
    }
  });

  it("a blank uploaded file is a 422 on file", async () => {
    const error = await importError({ format: "text", content: new TextEncoder().encode("  \n\n "), fileName: "blank.txt" });
    expect(error.details?.fields).toEqual({ file: "The file has no text to import" });
  });

  it.each([
    ["html", "<html><head><title>Only a title</title><style>p{}</style></head><body><script>alert(1)</script><img src=x></body></html>"],
    ["html", "<p>&nbsp;</p><p> </p><ul><li></li></ul><blockquote><p></p></blockquote>"],
    ["markdown", "<script>alert(1)</script>\n\n![image](https://example.org/x.png)"],
    ["markdown", "---\ntitle: Only metadata\n---\n"],
    ["text", "date 2020-10"],
  ] as const)("%s with no text once sanitised (%s) is a 422 on content", async (format, content) => {
    const error = await importError({ format, content });
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details?.fields as object)).toEqual(["content"]);
  });
});

describe("a .docx that is not one", () => {
  it.each([
    ["plain text", new TextEncoder().encode("This is not a Word document.")],
    ["an empty file", new Uint8Array(0)],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n1 0 obj\n")],
    ["a zip without a Word document", createZip([{ name: "hello.txt", data: new TextEncoder().encode("hello") }])],
    ["a zip whose document part is not XML", createZip([{ name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") }, { name: "word/document.xml", data: new TextEncoder().encode("not xml at all") }])],
    ["only a zip's first bytes", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
  ])("%s is a 415 on file", async (_name, bytes) => {
    const error = await importError({ format: "docx", content: bytes, fileName: "article.docx" });
    expect(error.code).toBe("unsupported_media_type");
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/not a Word document/u);
  });

  it("a truncated Word document is a 415", async () => {
    const bytes = await wordDocumentBytes();
    const error = await importError({ format: "docx", content: bytes.subarray(0, Math.floor(bytes.length / 2)), fileName: "cut.docx" });
    expect(error.code).toBe("unsupported_media_type");
  });

  it("a .docx sent as text (JSON) is a 415", async () => {
    const error = await importError({ format: "docx", content: "PK not really" });
    expect(error.code).toBe("unsupported_media_type");
  });

  it("a zip bomb (a few kilobytes that unpack past the limit) is a 413 before anything unpacks it", async () => {
    const zeros = new Uint8Array(importLimits.maxUnpackedBytes + 1024);
    const bomb = createZip([{ name: "word/document.xml", data: zeros, deflate: true, declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(200_000);
    const error = await importError({ format: "docx", content: bomb, fileName: "bomb.docx" });
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toMatch(/too large once unpacked/u);
  });
});

describe("size limits", () => {
  it("more than 5 MB is a 413 naming the limit, as text or as a file", async () => {
    const content = "a".repeat(importLimits.maxBytes + 1);
    for (const input of [
      { format: "text" as const, content },
      { format: "html" as const, content: new TextEncoder().encode(content), fileName: "big.html" },
      { format: "docx" as const, content: new Uint8Array(importLimits.maxBytes + 1), fileName: "big.docx" },
    ]) {
      const error = await importError(input);
      expect(error.code).toBe("payload_too_large");
      expect(error.status).toBe(413);
      expect(error.message).toBe("The article is too large: Margin imports files and pasted text up to 5 MB");
    }
  });

  it("counts bytes, not characters: 5 MB of UTF-8 is the limit for any script", async () => {
    const error = await importError({ format: "text", content: "€".repeat(Math.ceil(importLimits.maxBytes / 3) + 1) });
    expect(error.code).toBe("payload_too_large");
  });

  it.each(["text", "markdown", "html"] as const)("%s: a 5 MB single paragraph is a clear 422 (more text than an article holds)", { timeout: 60_000 }, async (format) => {
    const paragraph = "word ".repeat(importLimits.maxBytes / 5 - 10);
    const content = format === "html" ? `<p>${paragraph}</p>` : paragraph;
    const error = await importError({ format, content });
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields).toEqual({ content: expect.stringMatching(/^An article has at most 200,000 characters of text; this one has 5,242,\d{3}$/u) });
  });

  it("an article at the text limit is accepted", async () => {
    const imported = await importDocument({ format: "text", content: "a".repeat(importLimits.textMax) });
    expect(imported.text.length).toBe(importLimits.textMax);
  });

  it("more blocks than a document holds is a 422", async () => {
    const error = await importError({ format: "html", content: "<p>a</p>".repeat(importLimits.blocksMax + 1), fileName: "many.html" });
    expect(error.details?.fields).toEqual({ file: "An article has at most 10,000 paragraphs; this one has 10,001" });
    const atLimit = await importDocument({ format: "html", content: "<p>a</p>".repeat(importLimits.blocksMax) });
    expect(atLimit.content.content).toHaveLength(importLimits.blocksMax);
  });
});

describe("formats and encodings", () => {
  it.each(["pdf", "doc", "json", "", "TEXT"])("format %j is a 415", async (format) => {
    const error = await importError({ format: format as ImportFormat, content: "Tekst." });
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toMatch(/plain text \(\.txt\), Markdown \(\.md\), HTML \(\.html\) and Word \(\.docx\)/u);
  });

  it("a file that is not UTF-8 (and declares nothing else) is a 422 on file", async () => {
    const error = await importError({ format: "text", content: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]), fileName: "latin1.txt" });
    expect(error.details?.fields).toEqual({ file: expect.stringMatching(/not UTF-8/u) });
  });

  it("control characters in text are refused, naming the field", async () => {
    const pasted = await importError({ format: "markdown", content: "Een\u0000 alinea." });
    expect(pasted.details?.fields).toEqual({ content: "An article cannot contain control characters other than tabs and line breaks" });
    const file = await importError({ format: "text", content: new TextEncoder().encode("Een\u0007 alinea."), fileName: "bell.txt" });
    expect(Object.keys(file.details?.fields as object)).toEqual(["file"]);
  });

  it("markup nested thousands deep is a 422, not a crash", { timeout: 60_000 }, async () => {
    for (const input of [
      { format: "html" as const, content: `${"<div>".repeat(50_000)}x` },
      { format: "markdown" as const, content: `${">".repeat(5_000)} x` },
      { format: "markdown" as const, content: Array.from({ length: 200 }, (_, level) => `${"  ".repeat(level)}- item`).join("\n") },
      { format: "markdown" as const, content: `${"- ".repeat(500)}x` },
    ]) {
      const error = await importError(input);
      expect(error.code).toBe("validation_failed");
      expect(error.details?.fields).toEqual({ content: "The article's markup is nested too deeply to read" });
    }
  });

  it("a real Word document still imports after all this", async () => {
    expect((await importDocument({ format: "docx", content: await wordDocumentBytes(), fileName: "ok.docx" })).text).toBe("A real paragraph.");
  });
});
