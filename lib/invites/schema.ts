import { z } from "zod";

import { userText } from "@/lib/validation/text";

/** How long an invitation can be valid, in hours: one hour to thirty days. */
export const inviteLifetimes = [1, 24, 168, 720] as const;

export const createInviteInputSchema = z.object({
  role: z.enum(["MODERATOR", "MEMBER", "VIEWER"], { error: "Choose moderator, member or viewer" }).default("MEMBER"),
  expiresInHours: z.coerce
    .number()
    .int()
    .refine((hours) => (inviteLifetimes as readonly number[]).includes(hours), "Choose 1 hour, 1 day, 7 days or 30 days")
    .default(168),
  maxUses: z.coerce.number().int().min(1, "At least 1 use").max(1000, "At most 1,000 uses").optional(),
});

export const acceptInviteInputSchema = z.object({ code: userText({ label: "A join code", trim: true }).min(1, "Enter a join code").max(40) });

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
