import { describe, expect, it } from "vitest";

import { createEvidenceInputSchema, evidenceTextMax, evidenceTitleMax, updateEvidenceInputSchema } from "@/lib/evidence/schema";

const minimal = { title: "Persbericht van het ministerie", stance: "supports" };

/** The first issue of a failed parse, as `{ path, message }`. */
function firstIssue(result: ReturnType<typeof createEvidenceInputSchema.safeParse>) {
  expect(result.success).toBe(false);
  const issue = result.error?.issues[0];
  return { path: issue?.path.join("."), message: issue?.message };
}

describe("createEvidenceInputSchema", () => {
  it.each([
    { name: "a title and a stance", input: minimal, expected: { ...minimal } },
    {
      name: "every field, trimmed",
      input: { url: "  https://example.com/a  ", title: "  Bron  ", quote: "\n Citaat \n", note: " Notitie\tmet tab ", stance: "refutes" },
      expected: { url: "https://example.com/a", title: "Bron", quote: "Citaat", note: "Notitie\tmet tab", stance: "refutes" },
    },
    { name: "a link as the parser writes it", input: { ...minimal, url: "HTTPS://Example.com" }, expected: { ...minimal, url: "https://example.com/" } },
    { name: "blank optional fields as none", input: { ...minimal, url: " ", quote: "", note: "  " }, expected: { ...minimal, url: null, quote: null, note: null } },
    { name: "null optional fields", input: { ...minimal, url: null, quote: null, note: null }, expected: { ...minimal, url: null, quote: null, note: null } },
    { name: "a title at the cap", input: { ...minimal, title: "t".repeat(evidenceTitleMax) }, expected: { ...minimal, title: "t".repeat(evidenceTitleMax) } },
    { name: "a note at the cap", input: { ...minimal, note: "n".repeat(evidenceTextMax) }, expected: { ...minimal, note: "n".repeat(evidenceTextMax) } },
    { name: "context as the stance", input: { ...minimal, stance: "context" }, expected: { ...minimal, stance: "context" } },
    { name: "forged fields, dropped", input: { ...minimal, authorId: "x", claimId: "y", id: "z" }, expected: { ...minimal } },
  ])("accepts $name", ({ input, expected }) => {
    expect(createEvidenceInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { name: "javascript:", url: "javascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: in mixed case", url: "JaVaScRiPt:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: after a space", url: " javascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: after a tab", url: "\tjavascript:alert(1)", message: "Only http:// and https:// links are allowed" },
    { name: "javascript: with a tab inside", url: "java\tscript:alert(1)", message: "A link cannot contain control characters" },
    { name: "a data: URL", url: "data:text/html,<script>alert(1)</script>", message: "Only http:// and https:// links are allowed" },
    { name: "vbscript:", url: "vbscript:msgbox(1)", message: "Only http:// and https:// links are allowed" },
    { name: "a protocol-relative link", url: "//evil.example", message: "Enter a full web address, starting with http:// or https://" },
    { name: "a relative link", url: "/documents/1", message: "Enter a full web address, starting with http:// or https://" },
    { name: "a link over the cap", url: `https://example.com/${"a".repeat(2048)}`, message: "A link has at most 2,048 characters" },
    { name: "a link that is not text", url: 5, message: "Invalid input: expected string, received number" },
  ])("refuses $name as the url", ({ url, message }) => {
    expect(firstIssue(createEvidenceInputSchema.safeParse({ ...minimal, url }))).toEqual({ path: "url", message });
  });

  it.each([
    { name: "no title", input: { stance: "supports" }, path: "title", message: "Invalid input: expected string, received undefined" },
    { name: "a blank title", input: { ...minimal, title: "  " }, path: "title", message: "Give the evidence a title" },
    { name: "a title over the cap", input: { ...minimal, title: "t".repeat(evidenceTitleMax + 1) }, path: "title", message: "An evidence title has at most 300 characters" },
    { name: "a NUL in the title", input: { ...minimal, title: "a\u0000b" }, path: "title", message: "A title cannot contain control characters" },
    { name: "a quote over the cap", input: { ...minimal, quote: "q".repeat(evidenceTextMax + 1) }, path: "quote", message: "A quote from the source has at most 5,000 characters" },
    { name: "a note over the cap", input: { ...minimal, note: "n".repeat(evidenceTextMax + 1) }, path: "note", message: "A note has at most 5,000 characters" },
    { name: "a lone surrogate in the note", input: { ...minimal, note: "\ud800" }, path: "note", message: "A note is not valid Unicode text (it contains a lone surrogate)" },
    { name: "no stance", input: { title: "Bron" }, path: "stance", message: "Choose supports, refutes or context" },
    { name: "an unknown stance", input: { ...minimal, stance: "SUPPORTS" }, path: "stance", message: "Choose supports, refutes or context" },
  ])("refuses $name", ({ input, path, message }) => {
    expect(firstIssue(createEvidenceInputSchema.safeParse(input))).toEqual({ path, message });
  });
});

describe("updateEvidenceInputSchema", () => {
  it.each([
    { name: "a new title", input: { title: " Nieuw " }, expected: { title: "Nieuw" } },
    { name: "the link removed", input: { url: null }, expected: { url: null } },
    { name: "the link set", input: { url: "http://example.com/x" }, expected: { url: "http://example.com/x" } },
    { name: "the quote and note removed", input: { quote: null, note: "" }, expected: { quote: null, note: null } },
    { name: "a new stance", input: { stance: "context" }, expected: { stance: "context" } },
  ])("accepts $name", ({ input, expected }) => {
    expect(updateEvidenceInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { name: "nothing", input: {}, path: "", message: "Nothing to update" },
    { name: "only forged fields", input: { authorId: "x" }, path: "", message: "Nothing to update" },
    { name: "a null title", input: { title: null }, path: "title", message: "Invalid input: expected string, received null" },
    { name: "a null stance", input: { stance: null }, path: "stance", message: "Choose supports, refutes or context" },
    { name: "a javascript: link", input: { url: "javascript:alert(1)" }, path: "url", message: "Only http:// and https:// links are allowed" },
  ])("refuses $name", ({ input, path, message }) => {
    const result = updateEvidenceInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect({ path: result.error?.issues[0]?.path.join("."), message: result.error?.issues[0]?.message }).toEqual({ path, message });
  });
});
