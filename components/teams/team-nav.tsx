"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/components/ui/cn";
import type { TeamAbilities } from "@/lib/teams/schema";

/** Tabs of a team's pages; only the pages the viewer can use. */
export function TeamNav({ teamId, abilities }: { teamId: string; abilities: TeamAbilities }) {
  const pathname = usePathname();
  const base = `/teams/${teamId}`;
  const tabs = [
    { href: base, label: "Documents", show: true },
    { href: `${base}/members`, label: "Members", show: true },
    { href: `${base}/tags`, label: "Tags", show: true },
    { href: `${base}/settings`, label: "Settings", show: true },
    { href: `${base}/audit`, label: "Audit log", show: abilities.canReadAuditLog },
  ].filter((tab) => tab.show);
  return (
    <nav aria-label="Team" className="border-b border-stone-200">
      <ul className="-mb-px flex gap-4">
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
