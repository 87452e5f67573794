"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState, useTransition } from "react";

import { changeRoleAction, removeMemberAction } from "@/app/(app)/teams/actions";
import { RoleBadge } from "@/components/teams/role-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/forms/action-state";
import { assignableRoles } from "@/lib/teams/policy";
import type { MemberView } from "@/lib/teams/schema";

function RoleForm({ teamId, member }: { teamId: string; member: MemberView }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(changeRoleAction.bind(null, teamId, member.userId), {});
  const [role, setRole] = useState(member.role);
  const selectId = useId();
  const t = useTranslations("members");
  const roleName = useTranslations("roles");
  return (
    <form action={formAction} className="flex items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        {t("roleOf", { name: member.name })}
      </label>
      <select
        id={selectId}
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as MemberView["role"])}
        className="h-8 rounded-md border border-stone-300 bg-white px-2 text-sm"
      >
        {assignableRoles.map((option) => (
          <option key={option} value={option}>
            {roleName(option)}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={isPending || role === member.role}>
        {isPending ? t("saving") : t("saveRole")}
      </Button>
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** A team's members; owners change roles and remove members here. */
export function MemberList({ teamId, members, canManageMembers }: { teamId: string; members: MemberView[]; canManageMembers: boolean }) {
  const [removeState, setRemoveState] = useState<ActionState>({});
  const [isRemoving, startRemoving] = useTransition();
  const t = useTranslations("members");
  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        {t.rich("heading", { count: members.length, muted: (chunks) => <span className="font-normal text-stone-500">{chunks}</span> })}
      </h2>
      {removeState.message ? <Alert tone={removeState.ok ? "success" : "error"}>{removeState.message}</Alert> : null}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {members.map((member) => {
          const isManageable = canManageMembers && !member.isYou && member.role !== "OWNER";
          return (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" aria-label={member.name}>
              <div className="min-w-0">
                <p className="font-medium text-stone-900">
                  {member.name} {member.isYou ? <span className="text-sm font-normal text-stone-500">{t("you")}</span> : null}
                </p>
                {member.email ? <p className="truncate text-sm text-stone-500">{member.email}</p> : null}
              </div>
              <div className="flex flex-wrap items-center gap-3">
                {isManageable ? <RoleForm teamId={teamId} member={member} /> : <RoleBadge role={member.role} />}
                {isManageable ? (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" disabled={isRemoving}>
                        {t("remove")}
                      </Button>
                    }
                    title={t("removeConfirmTitle", { name: member.name })}
                    description={t("removeConfirmBody")}
                    confirmLabel={t("removeConfirm")}
                    onConfirm={() => startRemoving(async () => setRemoveState(await removeMemberAction(teamId, member.userId)))}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
