import "server-only";

import { readableClaimWhere } from "@/lib/access/rules";
import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { claimSelect, toClaimRecord, toClaimView } from "@/lib/claims/claim-view";
import type { ClaimView } from "@/lib/claims/schema";
import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VersionSummary } from "@/lib/versions/schema";

const summarySelect = {
  number: true,
  format: true,
  note: true,
  createdAt: true,
  anchoredCount: true,
  changedCount: true,
  orphanedCount: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.DocumentVersionSelect;

type SummaryRow = Prisma.DocumentVersionGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): VersionSummary {
  return {
    number: row.number,
    format: row.format,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    anchored: row.anchoredCount,
    changed: row.changedCount,
    orphaned: row.orphanedCount,
  };
}

/** A document's versions, newest first (members of its team; others the same 404 as a missing document). */
export async function listVersions(actor: Actor, documentId: string): Promise<VersionSummary[]> {
  await getDocumentAccess(actor, documentId);
  const rows = await getDb().documentVersion.findMany({ where: { documentId }, orderBy: { number: "desc" }, select: summarySelect });
  return rows.map(toSummary);
}

/** One version with its content, text and the claims the actor can read as they sat on it. */
export type VersionDetail = VersionSummary & {
  documentId: string;
  content: DocumentContent;
  text: string;
  /** Whether this is the document's latest version. */
  isLatest: boolean;
  claims: ClaimView[];
};

/**
 * One version of a document, read-only, with its claims as they were then: each claim the actor can read that
 * had an anchor on that version, with that anchor's selectors and state (claims made later are not there; an
 * orphan is listed but has no place). Members only; a version that does not exist is a 404.
 */
export async function getVersion(actor: Actor, documentId: string, number: number): Promise<VersionDetail> {
  const { role } = await getDocumentAccess(actor, documentId);
  const db = getDb();
  const [version, latest] = await Promise.all([
    db.documentVersion.findUnique({
      where: { documentId_number: { documentId, number } },
      select: { ...summarySelect, content: true, text: true },
    }),
    db.document.findUniqueOrThrow({ where: { id: documentId }, select: { version: true } }),
  ]);
  if (!version) throw notFound("errors.versions.notFound");
  const rows = await db.claim.findMany({
    where: { documentId, ...readableClaimWhere(actor), anchors: { some: { documentVersion: number } } },
    select: { ...claimSelect, anchors: { where: { documentVersion: number } } },
  });
  const claims = rows
    .map(({ anchors, ...row }) => {
      const anchor = anchors[0]!;
      const record = {
        ...toClaimRecord(row),
        quoteExact: anchor.quoteExact,
        quotePrefix: anchor.quotePrefix,
        quoteSuffix: anchor.quoteSuffix,
        positionStart: anchor.positionStart,
        positionEnd: anchor.positionEnd,
        anchorState: anchor.state,
        originalQuote: null,
        attentionDismissedAt: null,
      };
      return toClaimView(record, role, actor.userId);
    })
    .sort((a, b) => (a.target?.selector[1].start ?? 0) - (b.target?.selector[1].start ?? 0));
  return {
    ...toSummary(version),
    documentId,
    content: documentContentSchema.parse(version.content),
    text: version.text,
    isLatest: number === latest.version,
    claims,
  };
}
