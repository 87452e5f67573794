import { describe, expect, it } from "vitest";

import { assertPasswordAccepted, checkPasswordStrength, passwordUserInputs } from "@/lib/auth/password-policy";
import { authLimits } from "@/lib/auth/schema";
import { renderEnglish } from "@/lib/i18n/localized-message";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const ana = { name: "Ana de Vries", email: "ana.de.vries@example.com" };

/** `length` printable characters without a repeating pattern (a linear congruential walk over ASCII 33–126). */
function varied(length: number): string {
  let state = 7;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(33 + (state % 94));
  }).join("");
}

describe("checkPasswordStrength", () => {
  it.each([
    { name: "four uncommon words", password: "zebra mango quartz lantern" },
    { name: "a long passphrase", password: "correct horse battery staple" },
    { name: "random characters", password: "kH9#vLq2!pZx" },
    { name: "exactly the maximum length", password: varied(authLimits.passwordMax) },
  ])("accepts $name", async ({ password }) => {
    expect(await checkPasswordStrength(password, ana)).toEqual({ ok: true });
  });

  it.each([
    { name: "one short", password: "kH9#vLq2!", message: /at least 10 characters/u },
    { name: "one over the maximum", password: varied(authLimits.passwordMax + 1), message: /at most 128 characters/u },
    { name: "a famous password", password: "password1234", message: /similar to a commonly used password/u },
    { name: "a keyboard row", password: "qwertyuiop", message: /frequently used password/u },
    { name: "digits in order", password: "1234567890", message: /frequently used password/u },
    { name: "one repeated letter", password: "aaaaaaaaaa", message: /Repeated characters/u },
    { name: "an alphabet run", password: "abcdefghij", message: /Common character sequences/u },
    { name: "the person's name and a year", password: "anadevries2024", message: /personal or page related data/u },
    { name: "the name, capitalised, with a symbol", password: "AnaDeVries!2024", message: /personal or page related data/u },
    { name: "the email itself", password: "ana.de.vries@example.com", message: /personal or page related data/u },
  ])("refuses $name, with zxcvbn's feedback", async ({ password, message }) => {
    const check = await checkPasswordStrength(password, ana);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(renderEnglish(check.message)).toMatch(message);
      expect(renderEnglish(check.message).length).toBeLessThan(300);
    }
  });

  it("the name counts only for its owner: another person may use it", async () => {
    expect((await checkPasswordStrength("AnaDeVries!2024", { name: "Bob", email: "bob@example.test" })).ok).toBe(true);
  });

  it("a long password is checked quickly once the dictionaries are loaded", async () => {
    await checkPasswordStrength("warm-up password", ana);
    const started = performance.now();
    await checkPasswordStrength("x".repeat(authLimits.passwordMax), ana);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("zxcvbn's feedback", () => {
  it("has a message in every language for each warning and suggestion zxcvbn can give", async () => {
    const { translations } = await import("@zxcvbn-ts/language-en");
    for (const messages of [en, nl]) {
      expect(Object.keys(messages.errors.password.warnings).sort()).toEqual(Object.keys(translations.warnings).sort());
      expect(Object.keys(messages.errors.password.suggestions).sort()).toEqual(Object.keys(translations.suggestions).sort());
    }
  });

  it("is worded in English as zxcvbn's own English words it", async () => {
    const { translations } = await import("@zxcvbn-ts/language-en");
    expect(en.errors.password.warnings).toEqual(translations.warnings);
    expect(en.errors.password.suggestions).toEqual(translations.suggestions);
  });
});

describe("assertPasswordAccepted", () => {
  it("throws a 422 AppError with the feedback as the password field's error", async () => {
    await expect(assertPasswordAccepted("password1234", ana)).rejects.toMatchObject({
      name: "AppError",
      code: "validation_failed",
      details: { fields: { password: expect.stringMatching(/too easy to guess/u) } },
    });
  });

  it("resolves for a strong password", async () => {
    await expect(assertPasswordAccepted("zebra mango quartz lantern", ana)).resolves.toBeUndefined();
  });
});

describe("passwordUserInputs", () => {
  it("splits the name and email into the words a person would reuse", () => {
    expect(passwordUserInputs(ana).sort()).toEqual(
      ["ana de vries", "anadevries", "ana", "vries", "ana.de.vries@example.com", "ana.de.vries", "example"].sort(),
    );
  });

  it("skips what is missing or shorter than three characters", () => {
    expect(passwordUserInputs({})).toEqual([]);
    expect(passwordUserInputs({ name: "Jo", email: "j@x.io" })).toEqual(["j@x.io"]);
  });
});
