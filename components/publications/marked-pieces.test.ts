import { describe, expect, it } from "vitest";

import { buildArticlePieces } from "@/components/publications/article-pieces";
import { addMarksToPieces } from "@/components/publications/marked-pieces";
import type { TextNode } from "@/lib/documents/content-schema";

const bold = { type: "bold" } as const;
const italic = { type: "italic" } as const;
const link = { type: "link", attrs: { href: "https://example.org" } } as const;

describe("addMarksToPieces", () => {
  it("leaves unmarked text as one run", () => {
    const nodes: TextNode[] = [{ type: "text", text: "Een twee" }];
    expect(addMarksToPieces(buildArticlePieces(["Een twee"], [])[0]!, nodes)).toEqual([{ kind: "text", claimIds: [], runs: [{ text: "Een twee", marks: [] }] }]);
  });

  it("cuts a claim's text where the marks change, and keeps its marker", () => {
    // "Een " + bold "twee" + " drie": the claim covers "n twee d" (2–10).
    const nodes: TextNode[] = [
      { type: "text", text: "Een " },
      { type: "text", text: "twee", marks: [bold] },
      { type: "text", text: " drie" },
    ];
    const pieces = buildArticlePieces(["Een twee drie"], [{ claimId: "a", start: 2, end: 10 }])[0]!;
    expect(addMarksToPieces(pieces, nodes)).toEqual([
      { kind: "text", claimIds: [], runs: [{ text: "Ee", marks: [] }] },
      {
        kind: "text",
        claimIds: ["a"],
        runs: [
          { text: "n ", marks: [] },
          { text: "twee", marks: [bold] },
          { text: " d", marks: [] },
        ],
      },
      { kind: "marker", claimId: "a" },
      { kind: "text", claimIds: [], runs: [{ text: "rie", marks: [] }] },
    ]);
  });

  it("splits a link a claim starts inside of into two runs with the same link", () => {
    const nodes: TextNode[] = [{ type: "text", text: "lees dit", marks: [link, italic] }];
    const pieces = buildArticlePieces(["lees dit"], [{ claimId: "a", start: 5, end: 8 }])[0]!;
    expect(addMarksToPieces(pieces, nodes)).toEqual([
      { kind: "text", claimIds: [], runs: [{ text: "lees ", marks: [link, italic] }] },
      { kind: "text", claimIds: ["a"], runs: [{ text: "dit", marks: [link, italic] }] },
      { kind: "marker", claimId: "a" },
    ]);
  });

  it("keeps every character: the runs of each piece join to the piece", () => {
    const nodes: TextNode[] = [
      { type: "text", text: "Zolang er " },
      { type: "text", text: "geen", marks: [italic] },
      { type: "text", text: " vrede is, " },
      { type: "text", text: "blijft het", marks: [bold, link] },
      { type: "text", text: " onrustig." },
    ];
    const text = nodes.map((node) => node.text).join("");
    const pieces = buildArticlePieces([text], [
      { claimId: "a", start: 3, end: 17 },
      { claimId: "b", start: 12, end: 30 },
    ])[0]!;
    const marked = addMarksToPieces(pieces, nodes);
    expect(marked.flatMap((piece) => (piece.kind === "text" ? piece.runs.map((run) => run.text) : [])).join("")).toBe(text);
    for (const [index, piece] of marked.entries()) {
      const original = pieces[index]!;
      if (piece.kind === "text" && original.kind === "text") expect(piece.runs.map((run) => run.text).join("")).toBe(original.text);
    }
    expect(marked.filter((piece) => piece.kind === "marker")).toHaveLength(2);
  });

  it("an empty block has no pieces", () => {
    expect(addMarksToPieces(buildArticlePieces([""], [])[0]!, [])).toEqual([]);
  });
});
