import Form from "next/form";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

const selectClass =
  "h-10 rounded-md border border-stone-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";

/**
 * Any two versions to compare: a GET form to the compare page (works before the page's script has loaded).
 * `numbers` newest first; `from` / `to` preselected.
 */
export function CompareForm({ documentId, numbers, from, to }: { documentId: string; numbers: readonly number[]; from: number; to: number }) {
  const t = useTranslations("versions");
  const latest = numbers[0];
  const options = numbers.map((number) => (
    <option key={number} value={number}>
      {number === latest ? t("versionOptionLatest", { number }) : t("versionNumber", { number })}
    </option>
  ));
  return (
    <Form action={`/documents/${documentId}/compare`} className="flex flex-wrap items-end gap-3" aria-labelledby="compare-form-heading" data-testid="compare-form">
      <h2 id="compare-form-heading" className="sr-only">
        {t("compareFormHeading")}
      </h2>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("compareFrom")}
        <select name="from" defaultValue={from} className={selectClass}>
          {options}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("compareTo")}
        <select name="to" defaultValue={to} className={selectClass}>
          {options}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        {t("compareSubmit")}
      </Button>
    </Form>
  );
}
