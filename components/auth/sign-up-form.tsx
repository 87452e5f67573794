"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { signUpAction, type AuthFormState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { authLimits } from "@/lib/auth/schema";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signUp");
  const field = useTranslations("auth.fields");
  const [state, formAction, isPending] = useActionState<AuthFormState, FormData>(signUpAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      <TextField
        label={field("name")}
        name="name"
        autoComplete="name"
        required
        maxLength={authLimits.nameMax}
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <TextField label={field("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fields?.email} />
      <TextField
        label={field("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={authLimits.passwordMin}
        error={state.fields?.password}
        aria-description={field("passwordHint", { min: authLimits.passwordMin })}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-sm text-stone-600">
        {t.rich("haveAccount", {
          link: (chunks) => (
            <Link className="font-medium text-stone-900 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </form>
  );
}
