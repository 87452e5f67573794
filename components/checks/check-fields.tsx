"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ChangeEvent } from "react";

import { toDateInputValue, type CheckEdit } from "@/components/checks/check-values";
import { useCheckEdit } from "@/components/checks/use-claim-check";
import { useTeamMembers } from "@/components/teams/use-team-members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, describeApiError } from "@/lib/api/client";
import { checkStatuses, type CheckStatusName, type ClaimView } from "@/lib/claims/schema";

const fieldClass = "h-9 w-full rounded-md border border-stone-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600";

/**
 * Status, assignee and due date as controls that save at once: each change shows immediately and is sent; a
 * failure puts the old value back and says why. Assignees are the team's members who may check claims.
 */
export function CheckFields({ claim, teamId, documentId }: { claim: ClaimView; teamId: string; documentId: string }) {
  const t = useTranslations("checks");
  const translate = useTranslations();
  const ids = { status: useId(), assignee: useId(), due: useId() };
  const edit = useCheckEdit(documentId, claim.id);
  const members = useTeamMembers(teamId, true);
  const save = (change: CheckEdit) => edit.mutate(change);

  // A viewer only reads, so nobody can assign them; the current assignee stays listed even if they left.
  const candidates = (members.data ?? []).filter((member) => member.role !== "VIEWER").map((member) => ({ id: member.userId, name: member.name }));
  if (claim.assignee && !candidates.some((candidate) => candidate.id === claim.assignee!.id)) candidates.unshift(claim.assignee);
  const you = members.data?.find((member) => member.isYou && member.role !== "VIEWER");

  const onAssigneeChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = candidates.find((candidate) => candidate.id === event.target.value) ?? null;
    save({ assignee: chosen });
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.status} className="text-sm font-medium text-stone-700">
            {t("statusLabel")}
          </label>
          <select
            id={ids.status}
            className={fieldClass}
            value={claim.status}
            onChange={(event) => save({ status: event.target.value as CheckStatusName })}
          >
            {checkStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.due} className="text-sm font-medium text-stone-700">
            {t("dueLabel")}
          </label>
          <DueDateInput id={ids.due} dueAt={claim.dueAt} onSave={(dueDate) => save({ dueDate })} />
          {claim.dueAt ? (
            <Button variant="ghost" size="sm" className="self-start" onClick={() => save({ dueDate: null })}>
              {t("clearDueDate")}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.assignee} className="text-sm font-medium text-stone-700">
          {t("assigneeLabel")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <select id={ids.assignee} className={`${fieldClass} flex-1`} value={claim.assignee?.id ?? ""} onChange={onAssigneeChange}>
            <option value="">{t("unassigned")}</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          {you && claim.assignee?.id !== you.userId ? (
            <Button variant="secondary" size="sm" onClick={() => save({ assignee: { id: you.userId, name: you.name } })}>
              {t("assignToMe")}
            </Button>
          ) : null}
        </div>
        {members.isError ? (
          <Alert>
            {t("membersFailed", { message: members.error instanceof ApiError ? describeApiError(members.error, translate) : members.error.message })}{" "}
            <Button variant="ghost" size="sm" onClick={() => void members.refetch()}>
              {t("retry")}
            </Button>
          </Alert>
        ) : null}
      </div>
      {edit.isPending ? <Spinner label={t("saving")} /> : null}
      {edit.error ? (
        <Alert>
          {t("saveFailed", { message: edit.error instanceof ApiError ? describeApiError(edit.error, translate) : edit.error.message })}{" "}
          <Button variant="ghost" size="sm" onClick={() => edit.reset()}>
            {t("dismiss")}
          </Button>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * An `<input type="date">` that saves a complete date as soon as it is chosen or typed, and an emptied field as
 * "no due date". It is left uncontrolled while focused: typing a year passes through dates such as 0002-12-10,
 * which the input's range marks invalid and which are not sent; a value that came from elsewhere (a live change,
 * a failed save put back) is shown once the field is left.
 */
function DueDateInput({ id, dueAt, onSave }: { id: string; dueAt: string | null; onSave: (dueDate: string | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const current = toDateInputValue(dueAt);
  useEffect(() => {
    if (input.current && document.activeElement !== input.current) input.current.value = current;
  }, [current]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { value, validity } = event.target;
    if (validity.valid && value !== current) onSave(value === "" ? null : value);
  };
  return (
    <input
      ref={input}
      id={id}
      type="date"
      min="1970-01-01"
      max="9999-12-31"
      defaultValue={current}
      onChange={onChange}
      onBlur={(event) => {
        if (event.target.value !== current) event.target.value = current;
      }}
      className={fieldClass}
    />
  );
}
