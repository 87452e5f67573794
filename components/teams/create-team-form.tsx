"use client";

import { useActionState } from "react";

import { createTeamAction } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/forms/action-state";
import { teamLimits } from "@/lib/teams/schema";

export function CreateTeamForm() {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(createTeamAction, {});
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
      {state.message && !state.fields ? <Alert>{state.message}</Alert> : null}
      <TextField label="Team name" name="name" required maxLength={teamLimits.nameMax} error={state.fields?.name} autoFocus />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create team"}
        </Button>
      </div>
    </form>
  );
}
