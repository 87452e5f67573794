import { describe, expect, it } from "vitest";

import { negotiateLocale } from "@/lib/i18n/negotiate";

describe("negotiateLocale", () => {
  it("prefers the user's setting, then the cookie, then Accept-Language", () => {
    expect(negotiateLocale({ userSetting: "nl", cookie: "en", acceptLanguage: "en" })).toBe("nl");
    expect(negotiateLocale({ userSetting: null, cookie: "nl", acceptLanguage: "en" })).toBe("nl");
    expect(negotiateLocale({ acceptLanguage: "nl-BE,nl;q=0.9,en;q=0.8" })).toBe("nl");
    expect(negotiateLocale({ acceptLanguage: "fr-FR,fr;q=0.9,nl;q=0.5" })).toBe("nl");
  });

  it("falls back to English for unknown, absent or malformed input", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ userSetting: "de", cookie: "xx", acceptLanguage: "de-DE" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "*" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "%%%,;q=x" })).toBe("en");
  });
});
