"use client";

import { useActionState, useId, useState, useTransition } from "react";

import { createInviteAction, revokeInviteAction, type CreateInviteState } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/forms/action-state";
import type { InviteView } from "@/lib/invites/schema";
import { roleLabels } from "@/lib/teams/policy";
import type { TeamRoleName } from "@/lib/teams/schema";

const lifetimes = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
];

const statusLabels: Record<InviteView["status"], string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  used_up: "Used up",
};

function CopyButton({ text, label }: { text: string; label: string }) {
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
      {copied ? "Copied" : label}
    </Button>
  );
}

function formatDate(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
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

  return (
    <section aria-labelledby="invites-heading" className="flex flex-col gap-4">
      <h2 id="invites-heading" className="text-lg font-semibold">
        Invitations
      </h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={roleId} className="text-sm font-medium">
            Invite as
          </label>
          <select id={roleId} name="role" defaultValue="MEMBER" className="h-9 rounded-md border border-stone-300 bg-white px-2 text-sm">
            {invitableRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={expiryId} className="text-sm font-medium">
            Expires after
          </label>
          <select id={expiryId} name="expiresInHours" defaultValue="168" className="h-9 rounded-md border border-stone-300 bg-white px-2 text-sm">
            {lifetimes.map((lifetime) => (
              <option key={lifetime.hours} value={lifetime.hours}>
                {lifetime.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={usesId} className="text-sm font-medium">
            Maximum uses <span className="font-normal text-stone-500">(optional)</span>
          </label>
          <input id={usesId} name="maxUses" type="number" min={1} max={1000} className="h-9 w-28 rounded-md border border-stone-300 bg-white px-2 text-sm" />
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create invitation"}
        </Button>
      </form>
      {state.message && !state.ok ? <Alert>{state.message}</Alert> : null}
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-900">
            Invitation created for a {roleLabels[created.role].toLowerCase()}, valid until {formatDate(created.expiresAt)}.
          </p>
          <p className="flex flex-wrap items-center gap-2">
            Join code: <code className="rounded bg-white px-2 py-1 font-mono text-base tracking-wider" data-testid="invite-code">{created.code}</code>
            <CopyButton text={created.code} label="Copy code" />
          </p>
          <p className="flex flex-wrap items-center gap-2">
            Link: <code className="rounded bg-white px-2 py-1 font-mono break-all" data-testid="invite-link">{`${origin}${created.path}`}</code>
            <CopyButton text={`${origin}${created.path}`} label="Copy link" />
          </p>
        </div>
      ) : null}
      {revokeState.message ? <Alert tone={revokeState.ok ? "success" : "error"}>{revokeState.message}</Alert> : null}
      {invites.length === 0 ? (
        <p className="text-sm text-stone-500">No invitations yet.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg border border-stone-200 bg-white text-sm">
          <caption className="sr-only">Invitations</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Code</th>
              <th scope="col" className="px-3 py-2 font-medium">Role</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Expires</th>
              <th scope="col" className="px-3 py-2 font-medium">Uses</th>
              <th scope="col" className="px-3 py-2 font-medium">Created by</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {invites.map((invite) => (
              <tr key={invite.id} data-invite-id={invite.id}>
                <td className="px-3 py-2 font-mono">{invite.code}</td>
                <td className="px-3 py-2">{roleLabels[invite.role]}</td>
                <td className="px-3 py-2">{statusLabels[invite.status]}</td>
                <td className="px-3 py-2">{formatDate(invite.expiresAt)}</td>
                <td className="px-3 py-2">
                  {invite.useCount}
                  {invite.maxUses !== null ? ` / ${invite.maxUses}` : ""}
                </td>
                <td className="px-3 py-2">{invite.createdBy.name}</td>
                <td className="px-3 py-2 text-right">
                  {invite.canRevoke ? (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" disabled={isRevoking}>
                          Revoke
                        </Button>
                      }
                      title="Revoke this invitation?"
                      description="Its link and code stop working at once. People who already joined stay in the team."
                      confirmLabel="Revoke invitation"
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
