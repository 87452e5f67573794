import { describe, expect, it } from "vitest";

import { normalizeLinkHref } from "@/components/editor/link-href";

describe("normalizeLinkHref", () => {
  it.each([
    ["https://example.org/page", "https://example.org/page"],
    ["  http://example.org  ", "http://example.org"],
    ["example.org/page?q=1", "https://example.org/page?q=1"],
    ["//example.org", "https://example.org"],
    ["www.nu.nl", "https://www.nu.nl"],
    ["name@example.org", "mailto:name@example.org"],
    ["mailto:name@example.org?subject=Hoi", "mailto:name@example.org?subject=Hoi"],
    ["HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"],
    ["http://localhost:3000/x", "http://localhost:3000/x"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normalizeLinkHref(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["javascript:alert(1)", "a script"],
    ["JavaScript:alert(1)", "a script in capitals"],
    ["data:text/html,<script>alert(1)</script>", "a data URL"],
    ["vbscript:msgbox", "vbscript"],
    ["ftp://example.org/file", "another scheme"],
    ["https://", "no host"],
    ["https://intranet", "a host without a dot"],
    ["example", "one word"],
    ["two words.org", "spaces"],
    ["mailto:", "an empty mailto"],
    ["mailto:nobody", "a mailto without an address"],
    [`https://example.org/${"a".repeat(2100)}`, "too long"],
  ])("refuses %j (%s)", (input) => {
    expect(normalizeLinkHref(input)).toBeNull();
  });
});
