import { useTranslations } from "next-intl";

import type { TeamRoleName } from "@/lib/teams/schema";

const tones: Record<TeamRoleName, string> = {
  OWNER: "bg-stone-900 text-white",
  MODERATOR: "bg-sky-100 text-sky-900",
  MEMBER: "bg-stone-100 text-stone-800",
  VIEWER: "bg-amber-50 text-amber-900",
};

/** A member's role as a small label, by name (the tone only repeats it). */
export function RoleBadge({ role }: { role: TeamRoleName }) {
  const roleName = useTranslations("roles");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tones[role]}`}>{roleName(role)}</span>;
}
