"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { joinTeamAction } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/forms/action-state";

/** Accepts an invitation (a POST: visiting the link alone never joins anyone). */
export function JoinTeamButton({ code, teamName }: { code: string; teamName: string }) {
  const t = useTranslations("join.invitation");
  const [state, setState] = useState<ActionState>({});
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button onClick={() => startTransition(async () => setState(await joinTeamAction(code)))} disabled={isPending}>
          {isPending ? t("joining") : t("join", { team: teamName })}
        </Button>
      </div>
      {state.message ? <Alert>{state.message}</Alert> : null}
    </div>
  );
}
