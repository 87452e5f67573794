import { describe, expect, it } from "vitest";

import { evidenceUrlMax, getEvidenceLinkHost, parseEvidenceUrl } from "@/lib/evidence/url";

describe("parseEvidenceUrl", () => {
  it.each([
    { name: "an https link", text: "https://www.nu.nl/buitenland/6083542/artikel.html", href: "https://www.nu.nl/buitenland/6083542/artikel.html" },
    { name: "an http link", text: "http://example.com", href: "http://example.com/" },
    { name: "an upper-case scheme and host", text: "HTTPS://EXAMPLE.com/Pad", href: "https://example.com/Pad" },
    { name: "a space in the path, percent-encoded", text: "https://example.com/a b", href: "https://example.com/a%20b" },
    { name: "a query and a fragment", text: "https://example.com/?q=wapens&lang=nl#p3", href: "https://example.com/?q=wapens&lang=nl#p3" },
    { name: "an international domain, as punycode", text: "https://bücher.de/", href: "https://xn--bcher-kva.de/" },
    { name: "an IPv6 host with a port", text: "http://[::1]:8080/x", href: "http://[::1]:8080/x" },
  ])("keeps $name", ({ text, href }) => {
    expect(parseEvidenceUrl(text)).toEqual({ ok: true, href });
  });

  it.each([
    // Other schemes, however they are spelled: the parser reads them as a browser would.
    { name: "javascript:", text: "javascript:alert(1)", problem: "scheme" },
    { name: "javascript: in mixed case", text: "JaVaScRiPt:alert(1)", problem: "scheme" },
    { name: "javascript: after a space", text: " javascript:alert(1)", problem: "scheme" },
    { name: "javascript: after a tab", text: "\tjavascript:alert(1)", problem: "scheme" },
    { name: "javascript: with a tab inside the scheme", text: "java\tscript:alert(1)", problem: "scheme" },
    { name: "javascript: with a line break inside the scheme", text: "java\nscript:alert(1)", problem: "scheme" },
    { name: "javascript: after a NUL", text: "\u0000javascript:alert(1)", problem: "scheme" },
    { name: "a data: URL", text: "data:text/html,<script>alert(1)</script>", problem: "scheme" },
    { name: "a base64 data: URL", text: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", problem: "scheme" },
    { name: "vbscript:", text: "vbscript:msgbox(1)", problem: "scheme" },
    { name: "file:", text: "file:///etc/passwd", problem: "scheme" },
    { name: "ftp:", text: "ftp://example.com/", problem: "scheme" },
    { name: "mailto:", text: "mailto:someone@example.com", problem: "scheme" },
    { name: "blob:", text: "blob:https://example.com/1234", problem: "scheme" },
    // Nothing to resolve against: not absolute, not a link of its own.
    { name: "a protocol-relative link", text: "//evil.example", problem: "invalid" },
    { name: "a root-relative link", text: "/documents/1", problem: "invalid" },
    { name: "a relative link", text: "artikel.html", problem: "invalid" },
    { name: "a bare host", text: "www.example.com", problem: "invalid" },
    { name: "an entity-encoded scheme", text: "&#106;avascript:alert(1)", problem: "invalid" },
    { name: "http: without a host", text: "http://", problem: "invalid" },
    { name: "empty text", text: "", problem: "invalid" },
    { name: "a link over the cap", text: `https://example.com/${"a".repeat(evidenceUrlMax)}`, problem: "too_long" },
    { name: "a link that percent-encoding takes over the cap", text: `https://example.com/${"é".repeat(1_000)}`, problem: "too_long" },
  ])("refuses $name", ({ text, problem }) => {
    expect(parseEvidenceUrl(text)).toEqual({ ok: false, problem });
  });

  it("keeps a link of exactly the cap", () => {
    const text = `https://example.com/${"a".repeat(evidenceUrlMax - "https://example.com/".length)}`;
    expect(text).toHaveLength(evidenceUrlMax);
    expect(parseEvidenceUrl(text)).toEqual({ ok: true, href: text });
  });
});

describe("getEvidenceLinkHost", () => {
  it.each([
    { href: "https://www.nu.nl/buitenland/artikel.html", host: "www.nu.nl" },
    { href: "http://example.com:8080/", host: "example.com:8080" },
    { href: "https://xn--bcher-kva.de/", host: "xn--bcher-kva.de" },
    // What a reader should see for a link dressed up as another site: where it really goes.
    { href: "https://www.nu.nl@evil.example/", host: "evil.example" },
    { href: "javascript:alert(1)", host: null },
    { href: "not a link", host: null },
  ])("$href → $host", ({ href, host }) => {
    expect(getEvidenceLinkHost(href)).toBe(host);
  });
});
