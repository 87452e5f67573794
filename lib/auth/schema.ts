import { z } from "zod";

/** Limits shared by the forms and the server. */
export const authLimits = { nameMax: 80, emailMax: 254, passwordMin: 10, passwordMax: 128 } as const;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(authLimits.emailMax, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(authLimits.passwordMax, "Password is too long"),
});

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name")
    .max(authLimits.nameMax, `Name must be at most ${authLimits.nameMax} characters`),
  email: emailSchema,
  password: z
    .string()
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
