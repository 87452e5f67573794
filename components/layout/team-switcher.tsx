"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";

import type { TeamSummary } from "@/lib/teams/schema";

/** Switch between one's teams, create one, or join one with a code. */
export function TeamSwitcher({ teams }: { teams: TeamSummary[] }) {
  const t = useTranslations("teamSwitcher");
  const roleName = useTranslations("roles");
  const pathname = usePathname();
  const current = teams.find((team) => pathname === `/teams/${team.id}` || pathname.startsWith(`/teams/${team.id}/`));
  // Not modal: a modal menu hides the rest of the page with aria-hidden while its links stay focusable (axe
  // aria-hidden-focus); Escape, Tab and a click outside still close it. Not portalled: the open menu stays
  // inside the header's landmark, right after its button.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="inline-flex h-8 max-w-56 min-w-0 items-center gap-1 rounded-md border border-stone-300 bg-white px-2.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-sky-600">
        <span className="min-w-0 truncate">{current ? current.name : t("teams")}</span>
        <span aria-hidden>▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-64 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
        {teams.length > 0 ? (
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("yourTeams")}</DropdownMenu.Label>
        ) : null}
        {teams.map((team) => (
          <DropdownMenu.Item key={team.id} asChild>
            <Link
              href={`/teams/${team.id}`}
              aria-current={team.id === current?.id ? "page" : undefined}
              className="flex items-center justify-between gap-4 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-100"
            >
              <span className="truncate">{team.name}</span>
              <span className="text-xs text-stone-500">{roleName(team.role)}</span>
            </Link>
          </DropdownMenu.Item>
        ))}
        {teams.length > 0 ? <DropdownMenu.Separator className="my-1 h-px bg-stone-200" /> : null}
        <DropdownMenu.Item asChild>
          <Link href="/teams/new" className="block rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-100">
            {t("createTeam")}
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item asChild>
          <Link href="/join" className="block rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-100">
            {t("joinWithCode")}
          </Link>
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
