"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { endSessionAction, type SessionActionState } from "@/app/(app)/settings/sessions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Ends one session (another browser of the same person); says so when it had already ended. */
export function EndSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("settings.sessions");
  const [state, formAction, isPending] = useActionState<SessionActionState, FormData>(endSessionAction, {});
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" size="sm" disabled={isPending} aria-label={t("endSessionLabel", { device })}>
        {isPending ? t("ending") : t("endSession")}
      </Button>
      {state.message ? <Alert>{state.message}</Alert> : null}
    </form>
  );
}
