import { describe, expect, it } from "vitest";

import { mentionsMax } from "@/lib/threads/mentions";
import { commentBodyMax, createCommentInputSchema, setThreadResolvedInputSchema, updateCommentInputSchema } from "@/lib/threads/schema";

const parentId = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

describe("createCommentInputSchema", () => {
  it.each([
    { name: "a plain body", input: { body: "Bron?" }, expected: { body: "Bron?" } },
    { name: "a body with padding, trimmed", input: { body: "  \n Bron?\t " }, expected: { body: "Bron?" } },
    { name: "inner whitespace kept", input: { body: "Eerste regel\n\nTweede" }, expected: { body: "Eerste regel\n\nTweede" } },
    { name: "a reply", input: { body: "Eens", parentId }, expected: { body: "Eens", parentId } },
    { name: "a body at the cap", input: { body: "a".repeat(commentBodyMax) }, expected: { body: "a".repeat(commentBodyMax) } },
    // The cap applies after trimming: padding does not count.
    { name: "a body at the cap with padding", input: { body: ` ${"a".repeat(commentBodyMax)} ` }, expected: { body: "a".repeat(commentBodyMax) } },
    { name: "a mention", input: { body: "@Anna?", mentions: [parentId] }, expected: { body: "@Anna?", mentions: [parentId] } },
    { name: "no mentions", input: { body: "x", mentions: [] }, expected: { body: "x", mentions: [] } },
    {
      name: "mentions at the cap",
      input: { body: "x", mentions: Array.from({ length: mentionsMax }, () => parentId) },
      expected: { body: "x", mentions: Array.from({ length: mentionsMax }, () => parentId) },
    },
  ])("accepts $name", ({ input, expected }) => {
    expect(createCommentInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { name: "an empty body", input: { body: "" }, message: "A comment cannot be empty" },
    { name: "a blank body", input: { body: " \n\t " }, message: "A comment cannot be empty" },
    { name: "a body over the cap", input: { body: "a".repeat(commentBodyMax + 1) }, message: "A comment has at most 5,000 characters" },
    { name: "no body", input: {}, message: undefined },
    { name: "a non-string body", input: { body: 5 }, message: undefined },
    { name: "a malformed parent id", input: { body: "x", parentId: "nope" }, message: "Not a valid id" },
    { name: "an empty parent id", input: { body: "x", parentId: "" }, message: "Not a valid id" },
    { name: "a malformed mention", input: { body: "x", mentions: ["Anna"] }, message: "Not a valid id" },
    { name: "mentions that are not a list", input: { body: "x", mentions: parentId }, message: undefined },
    {
      name: "mentions over the cap",
      input: { body: "x", mentions: Array.from({ length: mentionsMax + 1 }, () => parentId) },
      message: "A comment mentions at most 20 people",
    },
  ])("rejects $name", ({ input, message }) => {
    const result = createCommentInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("updateCommentInputSchema", () => {
  it.each([
    { body: "  nieuw  ", ok: true, expected: "nieuw" },
    { body: "", ok: false },
    { body: "   ", ok: false },
    { body: "a".repeat(commentBodyMax + 1), ok: false },
  ])("body of length $body.length → ok: $ok", ({ body, ok, expected }) => {
    const result = updateCommentInputSchema.safeParse({ body });
    expect(result.success).toBe(ok);
    if (ok) expect(result.data?.body).toBe(expected);
  });
});

describe("setThreadResolvedInputSchema", () => {
  it.each([
    { input: { resolved: true }, ok: true },
    { input: { resolved: false }, ok: true },
    { input: { resolved: "true" }, ok: false },
    { input: { resolved: 1 }, ok: false },
    { input: {}, ok: false },
  ])("$input → ok: $ok", ({ input, ok }) => {
    expect(setThreadResolvedInputSchema.safeParse(input).success).toBe(ok);
  });
});
