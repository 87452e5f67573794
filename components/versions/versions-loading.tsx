import { getTranslations } from "next-intl/server";

/** The versions, version and compare pages while their data loads (their loading.tsx). */
export async function VersionsLoading() {
  const t = await getTranslations("versions");
  return (
    <main className="mx-auto max-w-3xl px-4 py-8" aria-busy="true">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="animate-pulse space-y-4">
        <div className="h-4 w-40 rounded bg-stone-200" />
        <div className="h-8 w-1/2 rounded bg-stone-200" />
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="h-24 rounded-lg bg-stone-200" />
        ))}
      </div>
    </main>
  );
}
