import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { DeskRatingLabels } from "@/components/desk/desk-claim-card";
import { checkStatuses } from "@/lib/claims/schema";
import type { DeskFilterOptions } from "@/lib/desk/options";
import { toDeskSearch, type DeskUrlParams } from "@/lib/desk/url";

type Option = { value: string; label: string };

const fieldClass =
  "h-9 w-full rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600";

/** A labelled select whose first option is "any"; a value from the URL that is not offered is kept, as itself. */
function FilterSelect({ name, label, current, options }: { name: string; label: string; current: string | undefined; options: Option[] }) {
  const offered = current === undefined || options.some((option) => option.value === current) ? options : [...options, { value: current, label: current }];
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm">
      <span className="font-medium text-stone-700">{label}</span>
      <select name={name} defaultValue={current ?? ""} className={fieldClass}>
        {offered.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The desk's filters: a GET form, so every filter lives in the URL and works before (or without) JavaScript.
 * Submitting starts again from the first page, in the same view.
 */
export async function DeskFilterBar({
  teamId,
  params,
  options,
  ratings,
}: {
  teamId: string;
  params: DeskUrlParams;
  options: DeskFilterOptions;
  ratings: DeskRatingLabels;
}) {
  const t = await getTranslations("desk.filters");
  const tAll = await getTranslations();
  const statusLabel = (status: string) => tAll(`checks.status.${status as (typeof checkStatuses)[number]}`);
  const statusOptions: Option[] = [{ value: "", label: t("anyStatus") }, ...checkStatuses.map((status) => ({ value: status, label: statusLabel(status) }))];
  // Several statuses (a link, or the API's comma list) show as one choice of their own.
  if (params.status?.includes(",")) {
    statusOptions.push({ value: params.status, label: params.status.split(",").map((status) => (checkStatuses.includes(status as never) ? statusLabel(status) : status)).join(", ") });
  }
  const members = options.members.map((member) => ({ value: member.id, label: member.name }));
  const isSearching = params.q !== undefined;
  const sortOptions: Option[] = [
    { value: "", label: isSearching ? t("sortBestMatch") : t("sortNewest") },
    ...(isSearching ? [{ value: "age", label: t("sortNewest") }] : []),
    { value: "oldest", label: t("sortOldest") },
    { value: "due", label: t("sortDue") },
  ];
  const action = `/teams/${encodeURIComponent(teamId)}/desk`;
  return (
    <form method="get" action={action} role="search" aria-label={t("label")} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3">
      {params.view ? <input type="hidden" name="view" value={params.view} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-60 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium text-stone-700">{t("search")}</span>
          <input type="search" name="q" defaultValue={params.q ?? ""} maxLength={500} className={fieldClass} />
        </label>
        <button
          type="submit"
          className="inline-flex h-9 items-center rounded-md bg-stone-900 px-4 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          {t("apply")}
        </button>
        <Link href={`${action}${toDeskSearch({ view: params.view })}`} prefetch={false} className="inline-flex h-9 items-center px-2 text-sm font-medium text-stone-700 underline hover:text-stone-900">
          {t("clear")}
        </Link>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <FilterSelect name="status" label={t("status")} current={params.status} options={statusOptions} />
        <FilterSelect
          name="verdict"
          label={t("verdict")}
          current={params.verdict}
          options={[
            { value: "", label: t("anyVerdict") },
            { value: "none", label: t("noVerdict") },
            ...options.ratings.map((rating) => ({ value: rating.key, label: ratings[rating.key]?.label ?? rating.key })),
          ]}
        />
        <FilterSelect name="tag" label={t("tag")} current={params.tag} options={[{ value: "", label: t("anyTag") }, ...options.tags.map((tag) => ({ value: tag.name, label: tag.name }))]} />
        <FilterSelect
          name="assignee"
          label={t("assignee")}
          current={params.assignee}
          options={[{ value: "", label: t("anyone") }, { value: "me", label: t("me") }, { value: "none", label: t("unassigned") }, ...members]}
        />
        <FilterSelect name="author" label={t("author")} current={params.author} options={[{ value: "", label: t("anyone") }, { value: "me", label: t("me") }, ...members]} />
        <FilterSelect
          name="document"
          label={t("document")}
          current={params.document}
          options={[{ value: "", label: t("anyDocument") }, ...options.documents.map((document) => ({ value: document.id, label: document.title }))]}
        />
        <FilterSelect name="sort" label={t("sort")} current={isSearching || params.sort !== "age" ? params.sort : undefined} options={sortOptions} />
      </div>
    </form>
  );
}
