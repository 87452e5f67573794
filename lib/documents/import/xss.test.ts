/**
 * The XSS corpus: payloads from the usual filter-evasion lists (scripts, event handlers, dangerous URL schemes in
 * every spelling, SVG/MathML, frames and objects, styles, mutation-XSS, malformed nesting, Markdown links and
 * embedded HTML), each between two harmless paragraphs. Whatever an import keeps must be inert: the stored JSON
 * holds only the schema's nodes, marks and safe links, and the HTML the schema renders from it holds only the
 * article's elements and attributes.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

import { documentContentSchema, isSafeLinkHref } from "@/lib/documents/content-schema";
import { importDocument } from "@/lib/documents/import";
import { renderContentHtml } from "@/lib/documents/import/test-support";

const htmlPayloads = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<body onload=alert(1)>",
  "<svg onload=alert(1)><circle r=10 /></svg>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<a href="&#x6A;avascript&#x3A;alert(1)">click</a>',
  '<a href="java&#9;script:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<div style="width: expression(alert(1))">expr</div>',
  '<style>@import "javascript:alert(1)";</style><p>after style</p>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
  '<p onclick="alert(1)" onmouseover="alert(2)">handlers</p>',
  '<a href="https://ok.example/" onclick="alert(1)">ok link</a>',
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<<script>script>alert(1)<</script>/script>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><script>alert(1)</script></template>",
  '<base href="javascript:alert(1)//"><a href="/x">relative</a>',
  '<video><source onerror="alert(1)"></video>',
  "<audio src=x onerror=alert(1)>",
  "<isindex action=javascript:alert(1) type=image>",
  "<marquee onstart=alert(1)>m</marquee>",
  '<a href="https://ok.example/" style="x:expression(alert(1))" target="_top" id="x" class="y" name="z">attrs</a>',
  '<div xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)">xlink</a></div>',
  '<img src="https://tracker.example/pixel.gif">',
  '<picture><source srcset="https://images.example/y.jpg"><img src="https://images.example/y.jpg"></picture>',
  "<!--<script>alert(1)</script>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "<frameset onload=alert(1)>",
  "<h1 onmouseover=alert(1)>Heading</h1>",
  '<table background="javascript:alert(1)"><tr><td onclick="alert(1)">cell</td></tr></table>',
  '<p><span style="font-weight:bold" onmouseover="alert(1)">styled bold</span></p>',
];

const markdownPayloads = [
  "[x](javascript:alert(1))",
  "[x](JAVASCRIPT:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "![x](javascript:alert(1))",
  "![tracker](https://tracker.example/pixel.gif)",
  "<script>alert(1)</script>",
  "Inline <img src=x onerror=alert(1)> image",
  '<a href="javascript:alert(1)">x</a>',
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  '<iframe src="https://evil.example"></iframe>',
  "<javascript:alert(1)>",
  "[x](vbscript:msgbox)",
  "<details open ontoggle=alert(1)>\n\n*emphasis*\n\n</details>",
  '<div onmouseover="alert(1)">\n\n**bold inside HTML**\n\n</div>',
  "[x](&#106;avascript:alert(1))",
];

const allowedElements = new Set(["P", "H2", "H3", "FIGURE", "FIGCAPTION", "BLOCKQUOTE", "UL", "OL", "LI", "STRONG", "EM", "A"]);
const allowedAttributes: Record<string, Set<string>> = {
  A: new Set(["href", "target", "rel"]),
  OL: new Set(["start"]),
  FIGURE: new Set(["data-type", "class"]),
};
const executableTag = /<(script|iframe|frame|svg|math|img|object|embed|style|form|base|meta|link|video|audio|source|template|input|button)\b/iu;
const executableValue = /^\s*(javascript|vbscript|data):|expression\(|\bon\w+\s*=/iu;

/**
 * Everything the reader would get from the stored content is inert (the assertions this corpus exists for). Text
 * may say anything ("javascript:alert(1)" as words is harmless, and rendered escaped); structure may not.
 */
function expectInert(content: unknown) {
  expect(documentContentSchema.safeParse(content).success).toBe(true);
  // The stored JSON without its text: only the schema's node and mark types, and links' hrefs.
  const structure = JSON.stringify(content, (key, value: unknown) => (key === "text" ? undefined : value));
  expect(structure).not.toMatch(/javascript:|vbscript:|data:|expression\(|\bon\w+|style|src/iu);
  const html = renderContentHtml(documentContentSchema.parse(content) as Parameters<typeof renderContentHtml>[0]);
  expect(html).not.toMatch(executableTag);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.body.querySelectorAll("*")) {
    expect(allowedElements, html).toContain(element.tagName);
    for (const name of element.getAttributeNames()) {
      expect(allowedAttributes[element.tagName]?.has(name), `${element.tagName}[${name}] in ${html}`).toBe(true);
      expect(element.getAttribute(name)).not.toMatch(executableValue);
    }
    if (element.tagName === "A") expect(isSafeLinkHref(element.getAttribute("href") ?? "")).toBe(true);
  }
}

describe("the XSS corpus", () => {
  it("has at least 30 payloads", () => {
    expect(htmlPayloads.length + markdownPayloads.length).toBeGreaterThanOrEqual(60);
  });

  it.each(htmlPayloads)("HTML: %s leaves nothing executable", async (payload) => {
    const imported = await importDocument({ format: "html", content: `<p>Before</p>${payload}<p>After</p>` });
    // "After" may sit inside an element the payload left open (as in a browser), and go with it.
    expect(imported.text.startsWith("Before")).toBe(true);
    expectInert(imported.content);
  });

  it.each(htmlPayloads)("a whole page with %s leaves nothing executable", async (payload) => {
    const page = `<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article><h1>T</h1><p>${"A paragraph of article text, long enough to count. ".repeat(8)}</p>${payload}<p>${"More of the article, with commas, and words. ".repeat(8)}</p></article><footer>Footer</footer></body></html>`;
    const imported = await importDocument({ format: "html", content: page });
    expect(imported.text).toContain("A paragraph of article text");
    expectInert(imported.content);
  });

  it.each(markdownPayloads)("Markdown: %s leaves nothing executable", async (payload) => {
    const imported = await importDocument({ format: "markdown", content: `Before\n\n${payload}\n\nAfter` });
    expect(imported.text.startsWith("Before")).toBe(true);
    expect(imported.text).toContain("After");
    expectInert(imported.content);
  });

  it("keeps the text of a link whose target is refused, and a safe link with only its href", async () => {
    const imported = await importDocument({
      format: "html",
      content: '<p><a href="javascript:alert(1)">bad</a> and <a href="https://ok.example/" onclick="alert(1)" target="_top" class="x">good</a></p>',
    });
    expect(imported.content.content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "bad and " },
          { type: "text", text: "good", marks: [{ type: "link", attrs: { href: "https://ok.example/" } }] },
        ],
      },
    ]);
  });

  it("keeps markup written as text as text, rendered escaped", async () => {
    const imported = await importDocument({ format: "html", content: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" });
    expect(imported.text).toBe("<script>alert(1)</script>");
    const html = renderContentHtml(imported.content);
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    const plain = await importDocument({ format: "text", content: 'Een <img src=x onerror="alert(1)"> in platte tekst.' });
    expect(renderContentHtml(plain.content)).not.toMatch(/<img/iu);
  });

  it("refuses a page that is nothing but a payload: no text, nothing stored", async () => {
    await expect(importDocument({ format: "html", content: "<script>alert(1)</script><img src=x onerror=alert(1)>" })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { content: expect.stringMatching(/no text/u) } },
    });
  });
});
