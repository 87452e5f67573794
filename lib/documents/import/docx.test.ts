import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";

import { importDocument } from "@/lib/documents/import";
import { renderContentHtml } from "@/lib/documents/import/test-support";

/** A one-pixel PNG, for an image that must not survive the import. */
const pixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** A real Word document, written by the `docx` library as Word writes one (styles, numbering, core properties). */
async function createWordDocument(): Promise<Uint8Array> {
  const document = new Document({
    title: "Bridge repairs to start in May",
    creator: "Sanne Visser",
    sections: [
      {
        children: [
          new Paragraph({ text: "Bridge repairs to start in May", heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [
              new TextRun("The old "),
              new TextRun({ text: "swing bridge", bold: true }),
              new TextRun(" will close for "),
              new TextRun({ text: "six weeks", italics: true }),
              new TextRun(", the council "),
              new ExternalHyperlink({ link: "https://council.example.gov/bridge", children: [new TextRun({ text: "announced", style: "Hyperlink" })] }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ text: "Diversions", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Cyclists use the ferry.", bullet: { level: 0 } }),
          new Paragraph({ text: "Cars take the ring road.", bullet: { level: 0 } }),
          new Paragraph({ text: "Costs", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new ImageRun({ type: "png", data: pixelPng, transformation: { width: 10, height: 10 } })] }),
          new Paragraph({ text: "Budget details", heading: HeadingLevel.HEADING_4 }),
          new Paragraph({ children: [new TextRun("The repairs cost 2.4 million euros.")] }),
          new Paragraph({ children: [new ExternalHyperlink({ link: "javascript:alert(1)", children: [new TextRun("Click here")] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe("importing a Word document (.docx)", () => {
  it("keeps its headings, list, bold, italic and link, and takes its title and author from its properties", async () => {
    const imported = await importDocument({ format: "docx", content: await createWordDocument(), fileName: "bridge.docx" });
    expect(imported.title).toBe("Bridge repairs to start in May");
    expect(imported.byline).toBe("Sanne Visser");
    expect(imported.content.content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The old " },
          { type: "text", text: "swing bridge", marks: [{ type: "bold" }] },
          { type: "text", text: " will close for " },
          { type: "text", text: "six weeks", marks: [{ type: "italic" }] },
          { type: "text", text: ", the council " },
          { type: "text", text: "announced", marks: [{ type: "link", attrs: { href: "https://council.example.gov/bridge" } }] },
          { type: "text", text: "." },
        ],
      },
      // Heading 1 and 2 → level 2; Heading 3 to 6 → level 3.
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Diversions" }] },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Cyclists use the ferry." }] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Cars take the ring road." }] }] },
        ],
      },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Costs" }] },
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Budget details" }] },
      { type: "paragraph", content: [{ type: "text", text: "The repairs cost 2.4 million euros." }] },
      // The javascript: link keeps its text, not its target.
      { type: "paragraph", content: [{ type: "text", text: "Click here" }] },
    ]);
    expect(imported.text).toBe(
      "The old swing bridge will close for six weeks, the council announced.\n\nDiversions\n\nCyclists use the ferry.\n\nCars take the ring road.\n\nCosts\n\nBudget details\n\nThe repairs cost 2.4 million euros.\n\nClick here",
    );
    const html = renderContentHtml(imported.content);
    expect(html).not.toMatch(/<img|javascript:|data:/iu);
  });

  it("takes the title from the first heading when the properties have none, and leaves it out of the text", async () => {
    const document = new Document({
      sections: [{ children: [new Paragraph({ text: "Council votes on budget", heading: HeadingLevel.HEADING_1 }), new Paragraph("The vote is on Monday.")] }],
    });
    const imported = await importDocument({ format: "docx", content: new Uint8Array(await Packer.toBuffer(document)), fileName: "budget.docx" });
    expect(imported.title).toBe("Council votes on budget");
    expect(imported.text).toBe("The vote is on Monday.");
  });
});
