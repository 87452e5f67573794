/**
 * JSON-LD inside an HTML `<script type="application/ld+json">`. Pure.
 *
 * The browser ends a script element at the first `</script` whatever the JSON means, so a quote or summary holding
 * "</script><script>alert(1)</script>" would break out of it and run. Every `<` (and `>` and `&`, so no comment or
 * entity trick works either) is written as its JSON escape instead, which any JSON parser reads back as the same
 * character; U+2028 and U+2029 too, which older JavaScript parsers take for line breaks.
 */
export function serializeJsonLdForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</gu, "\\u003c")
    .replace(/>/gu, "\\u003e")
    .replace(/&/gu, "\\u0026")
    .replace(/\u2028/gu, "\\u2028")
    .replace(/\u2029/gu, "\\u2029");
}
