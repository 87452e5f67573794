import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { signOutAction } from "@/app/(auth)/actions";
import { LanguageMenu } from "@/components/layout/language-menu";
import { TeamSwitcher } from "@/components/layout/team-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Button } from "@/components/ui/button";
import type { TeamSummary } from "@/lib/teams/schema";

/** The bar at the top of every signed-in page. */
export async function AppHeader({ user }: { user: { name: string; teams: TeamSummary[]; unreadNotifications: number } | null }) {
  const t = await getTranslations("header");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-2 px-4 sm:gap-4">
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <Link href="/documents" aria-label={t("home")} className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
            <svg aria-hidden viewBox="0 0 32 32" className="size-6">
              <rect width="32" height="32" rx="7" fill="#1f2937" />
              <rect x="7" y="9" width="18" height="3" rx="1.5" fill="#fde68a" />
              <rect x="7" y="15" width="12" height="3" rx="1.5" fill="#93c5fd" />
              <rect x="7" y="21" width="15" height="3" rx="1.5" fill="#fca5a5" />
            </svg>
            <span className="hidden sm:inline">Margin</span>
          </Link>
          {user ? <TeamSwitcher teams={user.teams} /> : null}
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:gap-3">
          {user ? (
            <>
              <NotificationBell initialUnreadCount={user.unreadNotifications} />
              <span className="hidden text-sm text-stone-600 lg:inline">
                {t.rich("signedInAs", { name: user.name, b: (chunks) => <span className="font-medium text-stone-900">{chunks}</span> })}
              </span>
              <Link href="/settings/sessions" className="shrink-0 text-sm text-stone-700 underline-offset-2 hover:underline">
                {t("sessions")}
              </Link>
            </>
          ) : null}
          <LanguageMenu />
          {user ? (
            <form action={signOutAction}>
              <Button type="submit" variant="secondary" size="sm">
                {t("signOut")}
              </Button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
