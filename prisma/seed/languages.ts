import { detectLanguage, undeterminedLanguage } from "@/lib/documents/language";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Documents stored before documents had a `lang` (migration 20261203130000_languages) are "und": detect theirs
 * once, from their text. Runs with every seed (so with every `npm start`); finds nothing to do after the first.
 */
export async function detectUndeterminedLanguages(db: PrismaClient): Promise<number> {
  const documents = await db.document.findMany({ where: { lang: undeterminedLanguage }, select: { id: true, text: true } });
  let detected = 0;
  for (const document of documents) {
    const lang = detectLanguage(document.text);
    if (lang === undeterminedLanguage) continue;
    await db.document.update({ where: { id: document.id }, data: { lang } });
    detected += 1;
  }
  return detected;
}
