import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function DocumentNotFound() {
  const t = await getTranslations("documentList");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("notFoundBody")}</p>
      <Link href="/documents" className="mt-6 inline-block font-medium underline">
        {t("backToDocuments")}
      </Link>
    </main>
  );
}
