"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId, useState, useTransition } from "react";

import { createInviteAction, revokeInviteAction, type CreateInviteState } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/forms/action-state";
import { inviteLifetimes, type InviteView } from "@/lib/invites/schema";
import type { TeamRoleName } from "@/lib/teams/schema";

const dateTimeStyle = { dateStyle: "medium", timeStyle: "short" } as const;

function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("invites");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        await navigator.clipboard.writeText(text).catch(() => undefined);
        setCopied(true);
        window.setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t("copied") : label}
    </Button>
  );
}

/** Create invitation links and codes, see and revoke the team's invitations. */
export function InvitePanel({ teamId, invitableRoles, invites }: { teamId: string; invitableRoles: TeamRoleName[]; invites: InviteView[] }) {
  const [state, formAction, isPending] = useActionState<CreateInviteState, FormData>(createInviteAction.bind(null, teamId), {});
  const [revokeState, setRevokeState] = useState<ActionState>({});
  const [isRevoking, startRevoking] = useTransition();
  // Only read after an invitation was created in this browser, so never during server rendering.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const roleId = useId();
  const expiryId = useId();
  const usesId = useId();
  const created = state.invite;
  const t = useTranslations("invites");
  const roleName = useTranslations("roles");
  const format = useFormatter();
  const formatDate = (iso: string) => format.dateTime(new Date(iso), dateTimeStyle);

  return (
    <section aria-labelledby="invites-heading" className="flex flex-col gap-4">
      <h2 id="invites-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={roleId} className="text-sm font-medium">
            {t("inviteAs")}
          </label>
          <select id={roleId} name="role" defaultValue="MEMBER" className="h-9 rounded-md border border-stone-300 bg-white px-2 text-sm">
            {invitableRoles.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={expiryId} className="text-sm font-medium">
            {t("expiresAfter")}
          </label>
          <select id={expiryId} name="expiresInHours" defaultValue="168" className="h-9 rounded-md border border-stone-300 bg-white px-2 text-sm">
            {inviteLifetimes.map((hours) => (
              <option key={hours} value={hours}>
                {hours < 24 ? t("lifetimeHours", { count: hours }) : t("lifetimeDays", { count: hours / 24 })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={usesId} className="text-sm font-medium">
            {t.rich("maxUses", { optional: (chunks) => <span className="font-normal text-stone-500">{chunks}</span> })}
          </label>
          <input id={usesId} name="maxUses" type="number" min={1} max={1000} className="h-9 w-28 rounded-md border border-stone-300 bg-white px-2 text-sm" />
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("creating") : t("create")}
        </Button>
      </form>
      {state.message && !state.ok ? <Alert>{state.message}</Alert> : null}
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-900">
            {t("created", { role: created.role, expiresAt: formatDate(created.expiresAt) })}
          </p>
          <p className="flex flex-wrap items-center gap-2">
            {t("joinCode")} <code className="rounded bg-white px-2 py-1 font-mono text-base tracking-wider" data-testid="invite-code">{created.code}</code>
            <CopyButton text={created.code} label={t("copyCode")} />
          </p>
          <p className="flex flex-wrap items-center gap-2">
            {t("link")} <code className="rounded bg-white px-2 py-1 font-mono break-all" data-testid="invite-link">{`${origin}${created.path}`}</code>
            <CopyButton text={`${origin}${created.path}`} label={t("copyLink")} />
          </p>
        </div>
      ) : null}
      {revokeState.message ? <Alert tone={revokeState.ok ? "success" : "error"}>{revokeState.message}</Alert> : null}
      {invites.length === 0 ? (
        <p className="text-sm text-stone-500">{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg border border-stone-200 bg-white text-sm">
          <caption className="sr-only">{t("heading")}</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.code")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.role")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.expires")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.uses")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("columns.createdBy")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("columns.actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {invites.map((invite) => (
              <tr key={invite.id} data-invite-id={invite.id}>
                <td className="px-3 py-2 font-mono">{invite.code}</td>
                <td className="px-3 py-2">{roleName(invite.role)}</td>
                <td className="px-3 py-2">{t(`status.${invite.status}`)}</td>
                <td className="px-3 py-2">{formatDate(invite.expiresAt)}</td>
                <td className="px-3 py-2">
                  {invite.maxUses === null ? format.number(invite.useCount) : t("usesOf", { count: invite.useCount, max: invite.maxUses })}
                </td>
                <td className="px-3 py-2">{invite.createdBy.name}</td>
                <td className="px-3 py-2 text-right">
                  {invite.canRevoke ? (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" disabled={isRevoking}>
                          {t("revoke")}
                        </Button>
                      }
                      title={t("revokeConfirmTitle")}
                      description={t("revokeConfirmBody")}
                      confirmLabel={t("revokeConfirm")}
                      onConfirm={() => startRevoking(async () => setRevokeState(await revokeInviteAction(teamId, invite.id)))}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
