"use client";

import { useTransition } from "react";

import { signOutEverywhereAction } from "@/app/(app)/settings/sessions/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Ends every session of the person, this browser's included, after a confirmation. */
export function SignOutEverywhereButton({ sessionCount }: { sessionCount: number }) {
  const [isPending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" disabled={isPending}>
          {isPending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      }
      title="Sign out everywhere?"
      description={`This ends ${sessionCount === 1 ? "your session" : `all ${sessionCount} of your sessions`}, including this one. You will need to sign in again on every device.`}
      confirmLabel="Sign out everywhere"
      onConfirm={() => startTransition(() => signOutEverywhereAction())}
    />
  );
}
