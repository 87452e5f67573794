"use server";

import { AuthError } from "next-auth";
import { z } from "zod";

import { signIn, signOut } from "@/lib/auth/next-auth";
import { signInSchema, signUpSchema, toSafeRedirectPath } from "@/lib/auth/schema";
import { registerUser } from "@/lib/auth/users";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type AuthFormState = {
  /** A message for the whole form. */
  message?: string;
  /** Messages per field. */
  fields?: Partial<Record<"name" | "email" | "password", string>>;
  /** What the user typed (never the password), to refill the form. */
  values?: { name?: string; email?: string };
};

function fieldErrors(error: z.ZodError): AuthFormState["fields"] {
  const fields: AuthFormState["fields"] = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if ((key === "name" || key === "email" || key === "password") && !fields[key]) fields[key] = issue.message;
  }
  return fields;
}

function formString(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

async function signInWithCredentials(email: string, password: string, callbackUrl: string): Promise<AuthFormState> {
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: toSafeRedirectPath(callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      return { message: "Email or password is incorrect.", values: { email } };
    }
    throw error;
  }
}

/** Sign-in form: generic failure message, so it never tells which emails have accounts. */
export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = formString(formData, "email");
  const parsed = signInSchema.safeParse({ email, password: formString(formData, "password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: { email } };
  return signInWithCredentials(parsed.data.email, parsed.data.password, formString(formData, "callbackUrl"));
}

/** Sign-up form: creates the account, then signs in. */
export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { name: formString(formData, "name"), email: formString(formData, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    await registerUser(parsed.data, { joinDemoTeam: getEnv().MARGIN_DEMO });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return { fields: { email: error.message }, values };
    }
    throw error;
  }
  return signInWithCredentials(parsed.data.email, parsed.data.password, formString(formData, "callbackUrl"));
}

/** Sign-out button: ends this browser's session row (events.signOut) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
