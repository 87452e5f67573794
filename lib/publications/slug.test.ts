import { describe, expect, it } from "vitest";

import { firstFreeSlug, slugifyTitle, slugMaxLength, slugPattern } from "@/lib/publications/slug";

describe("slugifyTitle", () => {
  it.each([
    ["Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand", "nagorno-karabach-ruslands-wapenstilstand-houdt-geen-stand"],
    ["Erdoğan en Aliyev: één front?", "erdogan-en-aliyev-een-front"],
    ["  Straße   über   Łódź  ", "strasse-uber-lodz"],
    ["Drones — 2020/10 (update)", "drones-2020-10-update"],
    ["Ænima & Œuvre", "aenima-oeuvre"],
    ["Россия", "article"],
    ["!!!", "article"],
    ["<script>alert(1)</script>", "script-alert-1-script"],
  ])("%j → %j", (title, slug) => {
    expect(slugifyTitle(title)).toBe(slug);
    expect(slug).toMatch(slugPattern);
  });

  it("cuts a long title at a word boundary, within the maximum", () => {
    const slug = slugifyTitle("Het Turkse optreden bedreigt de Russische machtspositie in de regio en daarbuiten volgens analisten in Moskou");
    expect(slug.length).toBeLessThanOrEqual(slugMaxLength);
    expect(slug).toBe("het-turkse-optreden-bedreigt-de-russische-machtspositie-in-de-regio-en");
    expect(slug).toMatch(slugPattern);
  });

  it("cuts one very long word at the maximum", () => {
    expect(slugifyTitle("a".repeat(200))).toBe("a".repeat(slugMaxLength));
  });
});

describe("firstFreeSlug", () => {
  it("takes the base when it is free, else the first free number from 2", () => {
    expect(firstFreeSlug("nieuws", new Set())).toBe("nieuws");
    expect(firstFreeSlug("nieuws", new Set(["nieuws"]))).toBe("nieuws-2");
    expect(firstFreeSlug("nieuws", new Set(["nieuws", "nieuws-2", "nieuws-4"]))).toBe("nieuws-3");
    expect(firstFreeSlug("nieuws", new Set(["nieuws-2"]))).toBe("nieuws");
  });
});
