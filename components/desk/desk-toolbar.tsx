import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { cn } from "@/components/ui/cn";
import { toDeskSearch, type DeskUrlParams, type DeskView } from "@/lib/desk/url";

const linkClass = "inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";

/**
 * "Assigned to me" (that filter alone, in the same view) and the List / Board switch (the same filters in the
 * other view). Links, so each state has its own URL; not prefetched, as each is a query of its own.
 */
export async function DeskToolbar({ teamId, params, view }: { teamId: string; params: DeskUrlParams; view: DeskView }) {
  const t = await getTranslations("desk");
  const base = `/teams/${encodeURIComponent(teamId)}/desk`;
  const isAssignedToMe = params.assignee === "me";
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Link
        href={`${base}${toDeskSearch({ assignee: "me", view: params.view })}`}
        prefetch={false}
        aria-current={isAssignedToMe ? "page" : undefined}
        className={cn(linkClass, isAssignedToMe ? "bg-stone-900 text-white" : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100")}
      >
        {t("assignedToMe")}
      </Link>
      <nav aria-label={t("view.label")}>
        <ul className="flex gap-1 rounded-lg bg-stone-100 p-1">
          {(["list", "board"] as const).map((option) => (
            <li key={option}>
              <Link
                href={`${base}${toDeskSearch(params, { after: undefined, view: option === "board" ? "board" : undefined })}`}
                prefetch={false}
                aria-current={view === option ? "page" : undefined}
                className={cn(linkClass, view === option ? "bg-white text-stone-900 shadow-sm" : "text-stone-600 hover:text-stone-900")}
              >
                {option === "board" ? t("view.board") : t("view.list")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
