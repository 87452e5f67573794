"use client";

import Link from "next/link";
import { useActionState } from "react";

import { signUpAction, type AuthFormState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { authLimits } from "@/lib/auth/schema";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, isPending] = useActionState<AuthFormState, FormData>(signUpAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required maxLength={authLimits.nameMax} defaultValue={state.values?.name} error={state.fields?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={authLimits.passwordMin}
        error={state.fields?.password}
        aria-description={`At least ${authLimits.passwordMin} characters, hard to guess: not a common password, nor your name or email`}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating your account…" : "Sign up"}
      </Button>
      <p className="text-sm text-stone-600">
        Already have an account?{" "}
        <Link className="font-medium text-stone-900 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
