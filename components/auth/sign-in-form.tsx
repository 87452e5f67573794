"use client";

import Link from "next/link";
import { useActionState } from "react";

import { signInAction, type AuthFormState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** `initialMessage`: why the last sign-in failed, when Auth.js sent the browser back here with ?error=…. */
export function SignInForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const [state, formAction, isPending] = useActionState<AuthFormState, FormData>(signInAction, { message: initialMessage });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fields?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={state.fields?.password} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-stone-600">
        No account yet?{" "}
        <Link className="font-medium text-stone-900 underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create one
        </Link>
      </p>
    </form>
  );
}
