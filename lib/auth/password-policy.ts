import "server-only";

import type { TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";

import { authLimits } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import type { LocalizedMessage } from "@/lib/i18n/localized-message";
import type { Messages } from "@/lib/i18n/messages";

/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const minimumPasswordScore = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common and English dictionaries (~1.5 MB of word lists, ~100 ms to build), loaded on the first
 * check rather than at import, so pages that never check a password do not pay for it. Server-only: the
 * dictionaries never reach the browser bundle. Its feedback comes back as the names of its messages
 * (`feedbackAsNames`), which Margin words in each language (`errors.password.*`).
 */
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: feedbackAsNames(english.translations),
    });
  })();
  // A failed load is retried on the next check instead of being cached forever.
  estimator.catch(() => {
    estimator = undefined;
  });
  return estimator;
}

/**
 * What the password must not be built from: the person's name and email, whole and in pieces
 * ("Ana de Vries", "ana.de.vries@example.com" → "anadevries", "vries", "example", …).
 */
export function passwordUserInputs(person: { name?: string; email?: string }): string[] {
  const inputs = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim().toLowerCase();
    if (trimmed && trimmed.length >= 3) inputs.add(trimmed);
  };
  const nameParts = person.name?.split(/[\s._+-]+/u) ?? [];
  add(person.name);
  add(nameParts.join(""));
  nameParts.forEach(add);
  const [local, domain] = person.email?.split("@") ?? [];
  add(person.email);
  add(local);
  const localParts = local?.split(/[._+-]+/u) ?? [];
  add(localParts.join(""));
  localParts.forEach(add);
  add(domain?.split(".")[0]);
  return [...inputs];
}

type PasswordMessages = Messages["errors"]["password"];

/** zxcvbn's translations with each warning and suggestion worded as its own name ("straightRow"). */
function feedbackAsNames(translations: TranslationKeys): TranslationKeys {
  const asNames = <Group extends Record<string, string>>(group: Group) => Object.fromEntries(Object.keys(group).map((name) => [name, name])) as Group;
  return { ...translations, warnings: asNames(translations.warnings), suggestions: asNames(translations.suggestions) };
}

export type PasswordCheck = { ok: true } | { ok: false; message: LocalizedMessage };

/**
 * Checks a new password against the policy: 10–128 characters and a zxcvbn score of at least 3, counting the
 * person's own name and email as known words. On failure, the message is zxcvbn's own feedback (its warning and
 * suggestions), fit to show under the password field.
 */
export async function checkPasswordStrength(password: string, person: { name?: string; email?: string }): Promise<PasswordCheck> {
  if (password.length < authLimits.passwordMin) {
    return { ok: false, message: { key: "validation.auth.passwordTooShort", values: { minimum: authLimits.passwordMin } } };
  }
  if (password.length > authLimits.passwordMax) {
    return { ok: false, message: { key: "validation.auth.passwordTooLong", values: { maximum: authLimits.passwordMax } } };
  }
  const zxcvbn = await getEstimator();
  const result = zxcvbn.check(password, passwordUserInputs(person));
  if (result.score >= minimumPasswordScore) return { ok: true };
  const { warning, suggestions } = result.feedback;
  const advice: LocalizedMessage[] = [
    ...(warning ? [{ key: `errors.password.warnings.${warning as keyof PasswordMessages["warnings"]}` } as const] : []),
    ...suggestions.map((suggestion) => ({ key: `errors.password.suggestions.${suggestion as keyof PasswordMessages["suggestions"]}` }) as const),
  ];
  return { ok: false, message: { key: "errors.password.tooEasy", values: { advice: advice.length > 0 ? advice : [{ key: "errors.password.fallbackAdvice" }] } } };
}

/**
 * Throws a 422 AppError with the feedback as the `password` field error unless the password meets the policy.
 * Every way of setting a password (sign-up, and any future password change) goes through here.
 */
export async function assertPasswordAccepted(password: string, person: { name?: string; email?: string }): Promise<void> {
  const check = await checkPasswordStrength(password, person);
  if (!check.ok) throw new AppError("validation_failed", check.message, { fields: { password: check.message } });
}
