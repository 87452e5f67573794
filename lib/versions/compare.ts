import "server-only";

import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { diffTexts, type TextDiff } from "@/lib/versions/diff";

/** Two versions of a document compared: which (`from` the older side, `to` the newer) and what changed. */
export type VersionComparison = { from: number; to: number; diff: TextDiff };

/**
 * The word-level comparison of two versions of a document (lib/versions/diff.ts), computed here so the browser
 * receives the result rather than both texts and the work. Members of the document's team only (the same 404 as a
 * missing document otherwise); a version that does not exist is a 404 `errors.versions.notFound`. `from` may be
 * newer than `to` (the comparison then reads backwards) or the same version (nothing changed).
 */
export async function compareVersions(actor: Actor, documentId: string, { from, to }: { from: number; to: number }): Promise<VersionComparison> {
  await getDocumentAccess(actor, documentId);
  const rows = await getDb().documentVersion.findMany({
    where: { documentId, number: { in: [from, to] } },
    select: { number: true, text: true },
  });
  const textOf = (number: number) => rows.find((row) => row.number === number)?.text;
  const before = textOf(from);
  const after = textOf(to);
  if (before === undefined || after === undefined) throw notFound("errors.versions.notFound");
  return { from, to, diff: diffTexts(before, after) };
}
