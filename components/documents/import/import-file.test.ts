import { describe, expect, it } from "vitest";

import { checkImportFile, importFileAccept, importFileMaxBytes } from "@/components/documents/import/import-file";

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("checkImportFile", () => {
  it.each([
    ["article.txt", 10, "text/plain"],
    ["article.md", 10, ""],
    ["article.markdown", 10, "application/octet-stream"],
    ["Page.HTML", 10, "text/html"],
    ["page.htm", 10, "text/html"],
    ["Verslag.docx", 10, docxType],
    ["no-ending", 10, "text/markdown; charset=utf-8"],
    ["exactly-five.md", importFileMaxBytes, "text/markdown"],
  ])("accepts %s (%i bytes, %j)", (name, size, type) => {
    expect(checkImportFile({ name, size, type })).toBeNull();
  });

  it.each([
    ["report.pdf", 10, "application/pdf"],
    ["old.doc", 10, "application/msword"],
    ["photo.png", 10, "image/png"],
    // The ending decides: a PDF called text/plain by a confused system is still a PDF.
    ["report.pdf", 10, "text/plain"],
    ["no-ending", 10, "application/octet-stream"],
    [".md", 10, ""],
  ])("refuses the type of %s (%j)", (name, size, type) => {
    expect(checkImportFile({ name, size, type })).toBe("unsupportedType");
  });

  it("refuses a file one byte over 5 MB, and an empty one", () => {
    expect(checkImportFile({ name: "big.md", size: importFileMaxBytes + 1, type: "text/markdown" })).toBe("tooLarge");
    expect(checkImportFile({ name: "empty.txt", size: 0, type: "text/plain" })).toBe("empty");
  });

  it("names what it accepts in the input's accept attribute", () => {
    expect(importFileAccept.split(",")).toEqual(expect.arrayContaining([".txt", ".md", ".html", ".docx", docxType]));
  });
});
