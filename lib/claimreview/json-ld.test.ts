import { describe, expect, it } from "vitest";

import { serializeJsonLdForScript } from "@/lib/claimreview/json-ld";

describe("serializeJsonLdForScript", () => {
  it.each([
    ["a closing script tag", "</script><script>alert(1)</script>"],
    ["upper case", "</SCRIPT >"],
    ["an HTML comment opener", "<!-- <script>"],
    ["an entity", "&lt;/script&gt;"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
  ])("%s cannot end the script element, and parses back to the same text", (_name, text) => {
    const serialized = serializeJsonLdForScript([{ claimReviewed: text }]);
    expect(serialized).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(JSON.parse(serialized)).toEqual([{ claimReviewed: text }]);
  });

  it("leaves everything else as JSON.stringify writes it", () => {
    const data = { "@context": "https://schema.org", name: "Erdoğan \"zegt\" — 100%", n: 2 };
    expect(serializeJsonLdForScript(data)).toBe(JSON.stringify(data));
  });
});
