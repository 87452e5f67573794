import { z } from "zod";

import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** Limits shared by the forms and the server. */
export const authLimits = { nameMax: 80, emailMax: 254, passwordMin: 10, passwordMax: 128 } as const;

export const emailSchema = userText({ label: "validation.labels.email", trim: true })
  .toLowerCase()
  .max(authLimits.emailMax, validationMessage("validation.auth.emailTooLong"))
  .pipe(z.email(validationMessage("validation.auth.emailInvalid")));

export const signInSchema = z.object({
  email: emailSchema,
  // No text rule here: a password is only hashed and compared, never stored, and one chosen before the rule
  // existed must keep working.
  password: z
    .string()
    .min(1, validationMessage("validation.auth.passwordRequired"))
    .max(authLimits.passwordMax, validationMessage("validation.auth.signInPasswordTooLong")),
});

export const signUpSchema = z.object({
  name: userText({ label: "validation.labels.name", trim: true })
    .min(1, validationMessage("validation.auth.nameRequired"))
    .max(authLimits.nameMax, validationMessage("validation.auth.nameTooLong", { maximum: authLimits.nameMax })),
  email: emailSchema,
  password: userText({ label: "validation.labels.password" })
    .min(authLimits.passwordMin, validationMessage("validation.auth.passwordTooShort", { minimum: authLimits.passwordMin }))
    .max(authLimits.passwordMax, validationMessage("validation.auth.passwordTooLong", { maximum: authLimits.passwordMax })),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * Reduces a post-sign-in redirect target to a same-origin path. Anything else (absolute URLs,
 * protocol-relative `//host`, backslash tricks, control characters) becomes `/`.
 */
export function toSafeRedirectPath(target: unknown): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return "/";
  if (!isSafePath(target)) return "/";
  let url: URL;
  try {
    url = new URL(target, "http://margin.invalid");
  } catch {
    return "/"; // Unparseable: not a path we will send anyone to.
  }
  if (url.origin !== "http://margin.invalid") return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Check again after the parser resolved dot segments: "/.//evil.com" resolves to "//evil.com".
  return isSafePath(path) ? path : "/";
}

function isSafePath(path: string): boolean {
  return (
    path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") && !/[\u0000-\u001f\u007f]/u.test(path)
  );
}
