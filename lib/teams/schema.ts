import { z } from "zod";

import { idSchema } from "@/lib/ids";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

export const teamLimits = { nameMax: 80 } as const;

export const teamNameSchema = userText({ label: "validation.labels.teamName", trim: true })
  .min(1, validationMessage("validation.teams.nameRequired"))
  .max(teamLimits.nameMax, validationMessage("validation.teams.nameTooLong", { maximum: teamLimits.nameMax }));

export const createTeamInputSchema = z.object({ name: teamNameSchema });
export const renameTeamInputSchema = z.object({ name: teamNameSchema });
export const deleteTeamInputSchema = z.object({ confirmName: userText({ label: "validation.labels.teamNameToConfirm" }).max(200) });

const assignableRoleSchema = z.enum(["MODERATOR", "MEMBER", "VIEWER"], { error: validationMessage("validation.teams.chooseRole") });

export const changeRoleInputSchema = z.object({ role: assignableRoleSchema });
export const memberTargetSchema = z.object({ userId: idSchema });

export type TeamAbilities = {
  canAddDocuments: boolean;
  canInvite: boolean;
  canManageMembers: boolean;
  canRename: boolean;
  canDelete: boolean;
  canTransferOwnership: boolean;
  canReadAuditLog: boolean;
  canManageTags: boolean;
  canCreateClaims: boolean;
};

export type TeamRoleName = "OWNER" | "MODERATOR" | "MEMBER" | "VIEWER";

export type TeamSummary = {
  id: string;
  name: string;
  role: TeamRoleName;
  memberCount: number;
  documentCount: number;
};

export type TeamView = {
  id: string;
  name: string;
  role: TeamRoleName;
  createdAt: string;
  abilities: TeamAbilities;
};

export type MemberView = {
  userId: string;
  name: string;
  /** Shown to those who manage members or invite; null for others. */
  email: string | null;
  role: TeamRoleName;
  joinedAt: string;
  isYou: boolean;
};
