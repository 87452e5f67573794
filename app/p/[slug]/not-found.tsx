import { getTranslations } from "next-intl/server";

/** A slug that was never published, or was taken down. */
export default async function PublicPageNotFound() {
  const t = await getTranslations("publicPage");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundBody")}</p>
    </main>
  );
}
