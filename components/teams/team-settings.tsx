"use client";

import { useActionState, useId, useState, useTransition } from "react";

import { deleteTeamAction, leaveTeamAction, renameTeamAction, transferOwnershipAction } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/forms/action-state";
import { teamLimits, type MemberView } from "@/lib/teams/schema";

function StateMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>;
}

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(renameTeamAction.bind(null, teamId), {});
  return (
    <section aria-labelledby="rename-heading" className="flex flex-col gap-3">
      <h2 id="rename-heading" className="text-lg font-semibold">
        Rename the team
      </h2>
      <form action={formAction} className="flex max-w-md flex-col gap-3" noValidate>
        <TextField label="Team name" name="name" defaultValue={name} maxLength={teamLimits.nameMax} error={state.fields?.name} />
        <div>
          <Button type="submit" variant="secondary" disabled={isPending}>
            {isPending ? "Renaming…" : "Rename team"}
          </Button>
        </div>
        {!state.fields ? <StateMessage state={state} /> : null}
      </form>
    </section>
  );
}

export function TransferOwnershipForm({ teamId, members }: { teamId: string; members: MemberView[] }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(transferOwnershipAction.bind(null, teamId), {});
  const candidates = members.filter((member) => !member.isYou);
  const selectId = useId();
  return (
    <section aria-labelledby="transfer-heading" className="flex flex-col gap-3">
      <h2 id="transfer-heading" className="text-lg font-semibold">
        Transfer ownership
      </h2>
      <p className="text-sm text-stone-600">The new owner gets every right over the team; you become a moderator.</p>
      {candidates.length === 0 ? (
        <p className="text-sm text-stone-500">Invite someone first: there is nobody to transfer the team to.</p>
      ) : (
        <form action={formAction} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              New owner
            </label>
            <select id={selectId} name="userId" className="h-9 rounded-md border border-stone-300 bg-white px-2 text-sm">
              {candidates.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={isPending}>
            {isPending ? "Transferring…" : "Transfer ownership"}
          </Button>
        </form>
      )}
      <StateMessage state={state} />
    </section>
  );
}

export function LeaveTeamButton({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, setState] = useState<ActionState>({});
  const [isPending, startTransition] = useTransition();
  return (
    <section aria-labelledby="leave-heading" className="flex flex-col gap-3">
      <h2 id="leave-heading" className="text-lg font-semibold">
        Leave the team
      </h2>
      <div>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={isPending}>
              Leave team
            </Button>
          }
          title={`Leave ${teamName}?`}
          description="You lose access to its documents and discussions. An owner or moderator can invite you again."
          confirmLabel="Leave team"
          onConfirm={() => startTransition(async () => setState(await leaveTeamAction(teamId)))}
        />
      </div>
      <StateMessage state={state} />
    </section>
  );
}

export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(deleteTeamAction.bind(null, teamId), {});
  const [typed, setTyped] = useState("");
  return (
    <section aria-labelledby="delete-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50/50 p-4">
      <h2 id="delete-heading" className="text-lg font-semibold text-red-900">
        Delete the team
      </h2>
      <p className="text-sm text-red-900">
        This deletes the team with all its documents, claims, discussions, tags and invitations, for everyone. It cannot be
        undone.
      </p>
      <form action={formAction} className="flex max-w-md flex-col gap-3" noValidate>
        <TextField
          label={`Type “${teamName}” to confirm`}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={state.fields?.confirmName}
        />
        <div>
          <Button type="submit" variant="danger" disabled={isPending || typed.trim() !== teamName}>
            {isPending ? "Deleting…" : "Delete team"}
          </Button>
        </div>
        {!state.fields ? <StateMessage state={state} /> : null}
      </form>
    </section>
  );
}
