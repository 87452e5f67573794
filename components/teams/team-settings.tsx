"use client";

import { useTranslations } from "next-intl";
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

/** Rename the team (owners). */
export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(renameTeamAction.bind(null, teamId), {});
  const t = useTranslations("teams.settings");
  return (
    <section aria-labelledby="rename-heading" className="flex flex-col gap-3">
      <h2 id="rename-heading" className="text-lg font-semibold">
        {t("renameHeading")}
      </h2>
      <form action={formAction} className="flex max-w-md flex-col gap-3" noValidate>
        <TextField label={t("nameLabel")} name="name" defaultValue={name} maxLength={teamLimits.nameMax} error={state.fields?.name} />
        <div>
          <Button type="submit" variant="secondary" disabled={isPending}>
            {isPending ? t("renaming") : t("rename")}
          </Button>
        </div>
        {!state.fields ? <StateMessage state={state} /> : null}
      </form>
    </section>
  );
}

/** Hand the team to another member (owners); the previous owner becomes a moderator. */
export function TransferOwnershipForm({ teamId, members }: { teamId: string; members: MemberView[] }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(transferOwnershipAction.bind(null, teamId), {});
  const candidates = members.filter((member) => !member.isYou);
  const selectId = useId();
  const t = useTranslations("teams.settings");
  return (
    <section aria-labelledby="transfer-heading" className="flex flex-col gap-3">
      <h2 id="transfer-heading" className="text-lg font-semibold">
        {t("transferHeading")}
      </h2>
      <p className="text-sm text-stone-600">{t("transferIntro")}</p>
      {candidates.length === 0 ? (
        <p className="text-sm text-stone-500">{t("transferNobody")}</p>
      ) : (
        <form action={formAction} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              {t("newOwner")}
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
            {isPending ? t("transferring") : t("transfer")}
          </Button>
        </form>
      )}
      <StateMessage state={state} />
    </section>
  );
}

/** Leave the team, after confirming (everyone but the owner). */
export function LeaveTeamButton({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, setState] = useState<ActionState>({});
  const [isPending, startTransition] = useTransition();
  const t = useTranslations("teams.settings");
  return (
    <section aria-labelledby="leave-heading" className="flex flex-col gap-3">
      <h2 id="leave-heading" className="text-lg font-semibold">
        {t("leaveHeading")}
      </h2>
      <div>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={isPending}>
              {t("leave")}
            </Button>
          }
          title={t("leaveConfirmTitle", { team: teamName })}
          description={t("leaveConfirmBody")}
          confirmLabel={t("leave")}
          onConfirm={() => startTransition(async () => setState(await leaveTeamAction(teamId)))}
        />
      </div>
      <StateMessage state={state} />
    </section>
  );
}

/** Delete the team for everyone, after typing its name (owners). */
export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(deleteTeamAction.bind(null, teamId), {});
  const [typed, setTyped] = useState("");
  const t = useTranslations("teams.settings");
  return (
    <section aria-labelledby="delete-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50/50 p-4">
      <h2 id="delete-heading" className="text-lg font-semibold text-red-900">
        {t("deleteHeading")}
      </h2>
      <p className="text-sm text-red-900">{t("deleteWarning")}</p>
      <form action={formAction} className="flex max-w-md flex-col gap-3" noValidate>
        <TextField
          label={t("deleteConfirmLabel", { team: teamName })}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={state.fields?.confirmName}
        />
        <div>
          <Button type="submit" variant="danger" disabled={isPending || typed.trim() !== teamName}>
            {isPending ? t("deleting") : t("delete")}
          </Button>
        </div>
        {!state.fields ? <StateMessage state={state} /> : null}
      </form>
    </section>
  );
}
