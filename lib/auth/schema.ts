import { z } from "zod";

import { userText } from "@/lib/validation/text";

/** Limits shared by the forms and the server. */
export const authLimits = { nameMax: 80, emailMax: 254, passwordMin: 10, passwordMax: 128 } as const;

export const emailSchema = userText({ label: "An email address", trim: true })
  .toLowerCase()
  .max(authLimits.emailMax, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email: emailSchema,
  // No text rule here: a password is only hashed and compared, never stored, and one chosen before the rule
  // existed must keep working.
  password: z.string().min(1, "Enter your password").max(authLimits.passwordMax, "Password is too long"),
});

export const signUpSchema = z.object({
  name: userText({ label: "A name", trim: true })
    .min(1, "Enter your name")
    .max(authLimits.nameMax, `Name must be at most ${authLimits.nameMax} characters`),
  email: emailSchema,
  password: userText({ label: "A password" })
    .min(authLimits.passwordMin, `Password must be at least ${authLimits.passwordMin} characters`)
    .max(authLimits.passwordMax, `Password must be at most ${authLimits.passwordMax} characters`),
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
