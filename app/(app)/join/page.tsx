import type { Metadata } from "next";

import { JoinCodeForm } from "@/components/teams/join-code-form";
import { requirePageActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Join a team" };

export default async function JoinPage() {
  await requirePageActor("/join");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Join a team</h1>
      <p className="mb-6 text-sm text-stone-600">Enter the join code an owner or moderator gave you.</p>
      <JoinCodeForm />
    </main>
  );
}
