"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { TeamAbilities } from "@/lib/teams/schema";

/** Tabs of a team's pages; only the pages the viewer can use. */
export function TeamNav({ teamId, abilities }: { teamId: string; abilities: TeamAbilities }) {
  const t = useTranslations("teams.nav");
  const tRatings = useTranslations("ratings");
  const tDesk = useTranslations("desk");
  const pathname = usePathname();
  const base = `/teams/${teamId}`;
  const tabs = [
    { href: base, label: t("documents"), show: true },
    { href: `${base}/desk`, label: tDesk("navLabel"), show: true },
    { href: `${base}/members`, label: t("members"), show: true },
    { href: `${base}/tags`, label: t("tags"), show: true },
    { href: `${base}/ratings`, label: tRatings("nav"), show: true },
    { href: `${base}/settings`, label: t("settings"), show: true },
    { href: `${base}/audit`, label: t("audit"), show: abilities.canReadAuditLog },
  ].filter((tab) => tab.show);
  return (
    <nav aria-label={t("label")} className="border-b border-stone-200">
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
        {tabs.map((tab) => {
          const isCurrent = tab.href === base ? pathname === base || pathname.startsWith(`${base}/documents`) : pathname.startsWith(tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  isCurrent ? "border-stone-900 text-stone-900" : "border-transparent text-stone-500 hover:text-stone-800",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
