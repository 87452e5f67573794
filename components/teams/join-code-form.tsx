"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { normalizeInviteCode, formatInviteCode } from "@/lib/invites/code";

/** Type a join code; it opens the invitation page for that code. */
export function JoinCodeForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get("code");
    const code = typeof raw === "string" ? normalizeInviteCode(raw) : null;
    if (!code) {
      setError("A join code has ten letters and digits, like ABCDE-12345.");
      return;
    }
    router.push(`/join/${formatInviteCode(code)}`);
  }
  return (
    <form onSubmit={submit} className="flex max-w-sm flex-col gap-3" noValidate>
      <TextField label="Join code" name="code" autoComplete="off" placeholder="ABCDE-12345" error={error} autoFocus />
      <div>
        <Button type="submit">Continue</Button>
      </div>
    </form>
  );
}
