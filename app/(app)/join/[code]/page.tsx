import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { JoinTeamButton } from "@/components/teams/join-team-button";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getInvitePreview } from "@/lib/invites/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join.invitation");
  return { title: t("title") };
}

export default async function InvitationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Anonymous visitors sign in (or sign up from there) and come back here.
  const actor = await requirePageActor(`/join/${encodeURIComponent(code)}`);
  const result = await getInvitePreview(actor, code).then(
    (preview) => ({ preview, problem: null }),
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "rate_limited")) {
        return { preview: null, problem: error.code === "rate_limited" ? error : null };
      }
      throw error;
    },
  );
  const [t, format, messages] = await Promise.all([getTranslations("join.invitation"), getFormatter(), getTranslations()]);
  const { preview } = result;
  const problem = result.problem?.describe(messages).message;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      {problem ? (
        <>
          <h1 className="text-2xl font-semibold">{t("tooManyAttempts")}</h1>
          <p className="mt-2 text-stone-600">{problem}</p>
        </>
      ) : !preview ? (
        <>
          <h1 className="text-2xl font-semibold">{t("invalidHeading")}</h1>
          <p className="mt-2 text-stone-600">{t("invalidBody")}</p>
          <Link href="/join" className="mt-6 inline-block font-medium underline">
            {t("enterAnother")}
          </Link>
        </>
      ) : preview.isAlreadyMember ? (
        <>
          <h1 className="text-2xl font-semibold">{t("alreadyMember", { team: preview.teamName })}</h1>
          <Link href={`/teams/${preview.teamId}`} className="mt-6 inline-block font-medium underline">
            {t("goToTeam")}
          </Link>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t("heading", { team: preview.teamName })}</h1>
          <p className="mt-2 mb-6 text-stone-600">
            {t("invitedYou", {
              inviter: preview.invitedBy,
              role: preview.role,
              expiresAt: format.dateTime(new Date(preview.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <JoinTeamButton code={code} teamName={preview.teamName} />
        </>
      )}
    </main>
  );
}
