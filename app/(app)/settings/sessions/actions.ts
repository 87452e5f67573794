"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { requirePageActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/next-auth";
import { revokeAllSessionsForActor, revokeSessionForActor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { formFields } from "@/lib/forms/action-state";
import { idSchema } from "@/lib/ids";

const sessionsPath = "/settings/sessions";

export type SessionActionState = { message?: string };

const endSessionSchema = z.object({ sessionId: idSchema });

/**
 * "End session": signs that browser out on its next request. Ending the session of this very browser also
 * clears its cookie and lands on the sign-in page, like signing out.
 */
export async function endSessionAction(_previous: SessionActionState, formData: FormData): Promise<SessionActionState> {
  const actor = await requirePageActor(sessionsPath);
  const parsed = endSessionSchema.safeParse(formFields(formData, ["sessionId"]));
  const t = await getTranslations("actions");
  if (!parsed.success) return { message: t("sessionNotFound") };
  try {
    await revokeSessionForActor(actor, parsed.data.sessionId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      revalidatePath(sessionsPath);
      return { message: t("sessionAlreadyEnded") };
    }
    throw error;
  }
  if (parsed.data.sessionId === actor.sessionId) await signOut({ redirectTo: "/sign-in" });
  revalidatePath(sessionsPath);
  return {};
}

/** "Sign out everywhere": ends every session of the user, this one included, then shows the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await requirePageActor(sessionsPath);
  await revokeAllSessionsForActor(actor);
  await signOut({ redirectTo: "/sign-in" });
}
