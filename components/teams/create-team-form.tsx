"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { createTeamAction } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/forms/action-state";
import { teamLimits } from "@/lib/teams/schema";

/** A new team's name; its creator becomes the owner. */
export function CreateTeamForm() {
  const t = useTranslations("teams.create");
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(createTeamAction, {});
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
      {state.message && !state.fields ? <Alert>{state.message}</Alert> : null}
      <TextField label={t("nameLabel")} name="name" required maxLength={teamLimits.nameMax} error={state.fields?.name} autoFocus />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
