import type { Metadata } from "next";

import { CreateTeamForm } from "@/components/teams/create-team-form";
import { requirePageActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  await requirePageActor("/teams/new");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Create a team</h1>
      <p className="mb-6 text-sm text-stone-600">
        A team has its own documents, claims, tags and members; other teams never see them. You will be its owner.
      </p>
      <CreateTeamForm />
    </main>
  );
}
