"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";

import { signOutEverywhereAction } from "@/app/(app)/settings/sessions/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Ends every session of the person, this browser's included, after a confirmation. */
export function SignOutEverywhereButton({ sessionCount }: { sessionCount: number }) {
  const t = useTranslations("settings.signOutEverywhere");
  const [isPending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" disabled={isPending}>
          {isPending ? t("pending") : t("button")}
        </Button>
      }
      title={t("confirmTitle")}
      description={t("confirmBody", { count: sessionCount })}
      confirmLabel={t("confirm")}
      onConfirm={() => startTransition(() => signOutEverywhereAction())}
    />
  );
}
