"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";

import { getClientIp } from "@/lib/auth/client-ip";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { listEnabledOAuthProviders, oauthProviderIds } from "@/lib/auth/oauth-config";
import { assertPasswordAccepted } from "@/lib/auth/password-policy";
import { consumeSignInAttempt, consumeSignUpAttempt } from "@/lib/auth/rate-limit";
import { signInSchema, signUpSchema, toSafeRedirectPath } from "@/lib/auth/schema";
import { registerUser } from "@/lib/auth/users";
import { getEnv, getOAuthEnv } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { formFields, toActionState } from "@/lib/forms/action-state";

export type AuthFormState = {
  /** A message for the whole form. */
  message?: string;
  /** Messages per field. */
  fields?: Partial<Record<"name" | "email" | "password", string>>;
  /** What the user typed (never the password), to refill the form. */
  values?: { name?: string; email?: string };
};

/** Codes of the sign-in and sign-up failures a person can fix (or wait out), said in the form. */
const expectedFailures = new Set<ErrorCode>(["rate_limited", "conflict", "validation_failed"]);

/**
 * An expected failure (the form's schema, or an AppError) as form state, in the page's language: its field
 * errors, else its message.
 */
async function toAuthFormState(error: z.ZodError | AppError, values: AuthFormState["values"]): Promise<AuthFormState> {
  const { message, fields } = toActionState(error, await getLocale());
  return fields ? { fields, values } : { message, values };
}

/** A text field of the form, or "" (also when the action was called with something other than a form). */
function formString(formData: unknown, key: string): string {
  return formFields(formData, [key])[key] ?? "";
}

async function requestIp(): Promise<string | null> {
  return getClientIp(await headers());
}

async function signInWithCredentials(email: string, password: string, callbackUrl: string): Promise<AuthFormState> {
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: toSafeRedirectPath(callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      return { message: (await getTranslations("actions"))("signInFailed"), values: { email } };
    }
    throw error;
  }
}

/**
 * Sign-in form: rate-limited per account and per IP (lib/auth/rate-limit.ts), with generic messages, so it never
 * tells which emails have accounts.
 */
export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = formString(formData, "email");
  const parsed = signInSchema.safeParse({ email, password: formString(formData, "password") });
  if (!parsed.success) return toAuthFormState(parsed.error, { email });
  try {
    await consumeSignInAttempt({ email: parsed.data.email, ip: await requestIp() });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return toAuthFormState(error, { email });
    throw error;
  }
  return signInWithCredentials(parsed.data.email, parsed.data.password, formString(formData, "callbackUrl"));
}

/**
 * Sign-up form: creates the account, then signs in. Rate-limited per IP once the input is valid (a person fixing
 * a weak password does not use up the budget); a weak password comes back with zxcvbn's feedback.
 */
export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { name: formString(formData, "name"), email: formString(formData, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return toAuthFormState(parsed.error, values);
  try {
    // The policy is checked first so that fixing a weak password costs no sign-up budget; registerUser checks
    // again (it guards every way an account is created).
    await assertPasswordAccepted(parsed.data.password, parsed.data);
    await consumeSignUpAttempt(await requestIp());
    await registerUser(parsed.data, { joinDemoTeam: getEnv().MARGIN_DEMO });
  } catch (error) {
    if (error instanceof AppError && expectedFailures.has(error.code)) return toAuthFormState(error, values);
    throw error;
  }
  return signInWithCredentials(parsed.data.email, parsed.data.password, formString(formData, "callbackUrl"));
}

const oauthSignInSchema = z.object({ provider: z.enum(oauthProviderIds), callbackUrl: z.string().max(2048).optional() });

/** "Sign in with GitHub/Google/…" buttons: hands over to the provider (a redirect), if that provider is on. */
export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const parsed = oauthSignInSchema.safeParse({ provider: formString(formData, "provider"), callbackUrl: formString(formData, "callbackUrl") });
  const enabled = listEnabledOAuthProviders(getOAuthEnv()).map((provider) => provider.id);
  // A provider that is not on (a stale page, or a forged form): back to the sign-in page, which says it did not work.
  if (!parsed.success || !enabled.includes(parsed.data.provider)) redirect("/sign-in?error=UnknownProvider");
  // Throws Next's redirect to the provider.
  await signIn(parsed.data.provider, { redirectTo: toSafeRedirectPath(parsed.data.callbackUrl) });
}

/** Sign-out button: ends this browser's session row (events.signOut) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
