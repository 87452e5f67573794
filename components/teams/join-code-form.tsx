"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { normalizeInviteCode, formatInviteCode } from "@/lib/invites/code";

/** Type a join code; it opens the invitation page for that code. */
export function JoinCodeForm() {
  const t = useTranslations("join");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get("code");
    const code = typeof raw === "string" ? normalizeInviteCode(raw) : null;
    if (!code) {
      setError(t("codeInvalid"));
      return;
    }
    router.push(`/join/${formatInviteCode(code)}`);
  }
  return (
    <form onSubmit={submit} className="flex max-w-sm flex-col gap-3" noValidate>
      <TextField label={t("codeLabel")} name="code" autoComplete="off" placeholder={t("codePlaceholder")} error={error} autoFocus />
      <div>
        <Button type="submit">{t("continue")}</Button>
      </div>
    </form>
  );
}
