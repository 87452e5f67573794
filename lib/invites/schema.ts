import { z } from "zod";

import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** How long an invitation can be valid, in hours: one hour to thirty days. */
export const inviteLifetimes = [1, 24, 168, 720] as const;

export const createInviteInputSchema = z.object({
  role: z.enum(["MODERATOR", "MEMBER", "VIEWER"], { error: validationMessage("validation.teams.chooseRole") }).default("MEMBER"),
  expiresInHours: z.coerce
    .number()
    .int()
    .refine((hours) => (inviteLifetimes as readonly number[]).includes(hours), validationMessage("validation.invites.chooseLifetime"))
    .default(168),
  maxUses: z.coerce.number().int().min(1, validationMessage("validation.invites.atLeastOneUse")).max(1000, validationMessage("validation.invites.atMostThousandUses")).optional(),
});

export const acceptInviteInputSchema = z.object({ code: userText({ label: "validation.labels.joinCode", trim: true }).min(1, validationMessage("validation.invites.codeRequired")).max(40) });

export type CreateInviteInput = z.infer<typeof createInviteInputSchema>;

export type InviteStatus = "active" | "expired" | "revoked" | "used_up";

export type InviteView = {
  id: string;
  /** As people see it, "ABCDE-12345". */
  code: string;
  /** The path of the invitation link (the client prefixes its own origin). */
  path: string;
  role: "MODERATOR" | "MEMBER" | "VIEWER";
  status: InviteStatus;
  expiresAt: string;
  maxUses: number | null;
  useCount: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  canRevoke: boolean;
};

export type InvitePreview = {
  teamId: string;
  teamName: string;
  role: "MODERATOR" | "MEMBER" | "VIEWER";
  invitedBy: string;
  expiresAt: string;
  isAlreadyMember: boolean;
};
