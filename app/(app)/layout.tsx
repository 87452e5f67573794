import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { contentId, SkipLink } from "@/components/layout/skip-link";
import { getActor } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/notifications/service";
import { listTeamsForActor } from "@/lib/teams/service";

// Not an access check (pages and lib/ do that); it shows who is signed in, their teams and notifications.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const [teams, unreadNotifications] = actor ? await Promise.all([listTeamsForActor(actor), countUnreadNotifications(actor)]) : [[], 0];
  return (
    <>
      <SkipLink />
      <AppHeader user={actor ? { name: actor.name, teams, unreadNotifications } : null} />
      {/* The skip link's target: focusable (tabIndex -1) so that focus, not only the scroll position, moves. */}
      <div id={contentId} tabIndex={-1} className="outline-none">
        {children}
      </div>
    </>
  );
}
