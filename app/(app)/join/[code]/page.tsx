import type { Metadata } from "next";
import Link from "next/link";

import { JoinTeamButton } from "@/components/teams/join-team-button";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getInvitePreview } from "@/lib/invites/service";
import { roleLabels } from "@/lib/teams/policy";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Anonymous visitors sign in (or sign up from there) and come back here.
  const actor = await requirePageActor(`/join/${encodeURIComponent(code)}`);
  const result = await getInvitePreview(actor, code).then(
    (preview) => ({ preview, problem: null }),
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "rate_limited")) {
        return { preview: null, problem: error.code === "rate_limited" ? error.message : null };
      }
      throw error;
    },
  );
  const { preview, problem } = result;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      {problem ? (
        <>
          <h1 className="text-2xl font-semibold">Too many attempts</h1>
          <p className="mt-2 text-stone-600">{problem}</p>
        </>
      ) : !preview ? (
        <>
          <h1 className="text-2xl font-semibold">This invitation is not valid</h1>
          <p className="mt-2 text-stone-600">It may have expired, been used up or been revoked. Ask whoever sent it for a new one.</p>
          <Link href="/join" className="mt-6 inline-block font-medium underline">
            Enter another code
          </Link>
        </>
      ) : preview.isAlreadyMember ? (
        <>
          <h1 className="text-2xl font-semibold">You are already in {preview.teamName}</h1>
          <Link href={`/teams/${preview.teamId}`} className="mt-6 inline-block font-medium underline">
            Go to the team
          </Link>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">Join {preview.teamName}</h1>
          <p className="mt-2 mb-6 text-stone-600">
            {preview.invitedBy} invited you to join as a {roleLabels[preview.role].toLowerCase()}. The invitation is valid until{" "}
            {new Date(preview.expiresAt).toISOString().slice(0, 16).replace("T", " ")} UTC.
          </p>
          <JoinTeamButton code={code} teamName={preview.teamName} />
        </>
      )}
    </main>
  );
}
