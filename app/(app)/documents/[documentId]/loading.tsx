import { getTranslations } from "next-intl/server";

export default async function DocumentLoading() {
  const t = await getTranslations("workspace");
  return (
    <main className="mx-auto max-w-7xl px-4 py-8" aria-busy="true">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="max-w-2xl animate-pulse space-y-4">
        <div className="h-4 w-40 rounded bg-stone-200" />
        <div className="h-8 w-3/4 rounded bg-stone-200" />
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-4 rounded bg-stone-200" />
        ))}
      </div>
    </main>
  );
}
