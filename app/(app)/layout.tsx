import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { getActor } from "@/lib/auth/actor";

// Not an access check (pages and lib/ do that); it only shows who is signed in.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <AppHeader userName={actor?.name ?? null} />
      {children}
    </>
  );
}
