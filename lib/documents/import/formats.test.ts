import { describe, expect, it } from "vitest";

import { formatFromFile, isImportFormat } from "@/lib/documents/import/formats";

describe("formatFromFile", () => {
  it.each([
    ["article.txt", "text/plain", "text"],
    ["ARTICLE.TXT", "", "text"],
    ["notes.md", "", "markdown"],
    ["notes.markdown", "text/x-markdown", "markdown"],
    ["page.html", "text/html", "html"],
    ["page.htm", "", "html"],
    ["page.xhtml", "application/xhtml+xml", "html"],
    ["report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    // The extension wins: browsers derive the type from it, or send a generic one.
    ["report.docx", "application/octet-stream", "docx"],
    ["notes.md", "text/plain", "markdown"],
    // Without a known extension, the media type decides.
    ["clipboard", "text/html; charset=utf-8", "html"],
    ["download", "text/markdown", "markdown"],
    ["Word file", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ] as const)("%s (%s) is %s", (name, type, format) => {
    expect(formatFromFile(name, type)).toBe(format);
  });

  it.each([
    ["report.doc", "application/msword"],
    ["report.pdf", "application/pdf"],
    ["photo.png", "image/png"],
    ["archive.zip", "application/zip"],
    ["no-extension", "application/octet-stream"],
    ["", ""],
  ])("%s (%s) is not a format Margin imports", (name, type) => {
    expect(formatFromFile(name, type)).toBeNull();
  });

  it("knows exactly the four formats", () => {
    expect(["text", "markdown", "html", "docx"].every(isImportFormat)).toBe(true);
    expect([undefined, null, 1, "pdf", "TEXT", "json"].some(isImportFormat)).toBe(false);
  });
});
