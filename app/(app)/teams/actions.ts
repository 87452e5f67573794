"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { getActor, type Actor } from "@/lib/auth/actor";
import { formFields, toActionState, type ActionState } from "@/lib/forms/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { acceptInviteInputSchema, createInviteInputSchema, type InviteView } from "@/lib/invites/schema";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/invites/service";
import {
  changeRoleInputSchema,
  createTeamInputSchema,
  deleteTeamInputSchema,
  memberTargetSchema,
  renameTeamInputSchema,
} from "@/lib/teams/schema";
import { changeMemberRole, createTeam, deleteTeam, leaveTeam, removeMember, renameTeam, transferOwnership } from "@/lib/teams/service";

// Entry points only: parse the form, call lib/ (which authorises), then refresh or redirect.

/** A form's failure, in the page's language. */
async function failed(error: unknown): Promise<ActionState> {
  return toActionState(error, await getLocale());
}

/** A form's confirmation, in the page's language. */
async function succeeded(message: keyof Messages["actions"]): Promise<ActionState> {
  return { ok: true, message: (await getTranslations("actions"))(message) };
}

async function requireActionActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

function refreshTeam(teamId: string) {
  revalidatePath(`/teams/${teamId}`, "layout");
}

/** After a change to which teams the actor is in (or their names): the header's team list everywhere. */
function refreshTeamLists() {
  revalidatePath("/", "layout");
}

export async function createTeamAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActionActor();
  let teamId: string;
  try {
    teamId = (await createTeam(actor, createTeamInputSchema.parse(formFields(formData, ["name"])))).id;
  } catch (error) {
    return failed(error);
  }
  refreshTeamLists();
  redirect(`/teams/${teamId}`);
}

export async function renameTeamAction(teamId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await renameTeam(actor, teamId, renameTeamInputSchema.parse(formFields(formData, ["name"])));
  } catch (error) {
    return failed(error);
  }
  refreshTeamLists();
  return succeeded("teamRenamed");
}

export async function deleteTeamAction(teamId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await deleteTeam(actor, teamId, deleteTeamInputSchema.parse(formFields(formData, ["confirmName"])));
  } catch (error) {
    return failed(error);
  }
  refreshTeamLists();
  redirect("/documents");
}

export async function changeRoleAction(teamId: string, userId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await changeMemberRole(actor, teamId, userId, changeRoleInputSchema.parse(formFields(formData, ["role"])));
  } catch (error) {
    return failed(error);
  }
  refreshTeam(teamId);
  return succeeded("roleChanged");
}

export async function removeMemberAction(teamId: string, userId: string): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await removeMember(actor, teamId, userId);
  } catch (error) {
    return failed(error);
  }
  refreshTeam(teamId);
  return succeeded("memberRemoved");
}

export async function leaveTeamAction(teamId: string): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await leaveTeam(actor, teamId);
  } catch (error) {
    return failed(error);
  }
  refreshTeamLists();
  redirect("/documents");
}

export async function transferOwnershipAction(teamId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await transferOwnership(actor, teamId, memberTargetSchema.parse(formFields(formData, ["userId"])).userId);
  } catch (error) {
    return failed(error);
  }
  refreshTeam(teamId);
  return succeeded("ownershipTransferred");
}

export type CreateInviteState = ActionState & { invite?: InviteView };

export async function createInviteAction(teamId: string, _state: CreateInviteState, formData: FormData): Promise<CreateInviteState> {
  const actor = await requireActionActor();
  try {
    const fields = formFields(formData, ["role", "expiresInHours", "maxUses"]);
    const invite = await createInvite(actor, teamId, createInviteInputSchema.parse({ ...fields, maxUses: fields.maxUses || undefined }));
    refreshTeam(teamId);
    return { ok: true, invite };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeInviteAction(teamId: string, inviteId: string): Promise<ActionState> {
  const actor = await requireActionActor();
  try {
    await revokeInvite(actor, inviteId);
  } catch (error) {
    return failed(error);
  }
  refreshTeam(teamId);
  return succeeded("invitationRevoked");
}

export async function joinTeamAction(code: unknown): Promise<ActionState> {
  const actor = await requireActionActor();
  let teamId: string;
  try {
    teamId = (await acceptInvite(actor, acceptInviteInputSchema.parse({ code }).code)).teamId;
  } catch (error) {
    return failed(error);
  }
  refreshTeamLists();
  redirect(`/teams/${teamId}`);
}
