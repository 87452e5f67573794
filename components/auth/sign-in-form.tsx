"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { signInAction, type AuthFormState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** `initialMessage`: why the last sign-in failed, when Auth.js sent the browser back here with ?error=…. */
export function SignInForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const t = useTranslations("auth.signIn");
  const field = useTranslations("auth.fields");
  const [state, formAction, isPending] = useActionState<AuthFormState, FormData>(signInAction, { message: initialMessage });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <TextField label={field("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fields?.email} />
      <TextField label={field("password")} name="password" type="password" autoComplete="current-password" required error={state.fields?.password} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-sm text-stone-600">
        {t.rich("noAccount", {
          link: (chunks) => (
            <Link className="font-medium text-stone-900 underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}
