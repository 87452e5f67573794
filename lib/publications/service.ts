import "server-only";

import { assertRoleCan, getDocumentAccess } from "@/lib/access/team-access";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishedClaimWhere } from "@/lib/publications/published-claims";
import type { PublicationState, PublicationView } from "@/lib/publications/schema";
import { firstFreeSlug, slugifyTitle } from "@/lib/publications/slug";
import { publicPagePath } from "@/lib/publications/urls";

/** How often publishing retries after another publication took the slug (or the document) at the same moment. */
const maxPublishAttempts = 5;

type PublicationRow = { slug: string; publishedAt: Date; updatedAt: Date };

function toPublicationView(row: PublicationRow, origin: string): PublicationView {
  return {
    published: true,
    slug: row.slug,
    url: new URL(publicPagePath(row.slug), origin).href,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const publicationSelect = { slug: true, publishedAt: true, updatedAt: true } satisfies Prisma.PublicationSelect;

/** Whether a document is published and where, for any member of its team (others: 404). */
export async function getPublicationForActor(actor: Actor, documentId: string, { origin }: { origin: string }): Promise<PublicationState> {
  const access = await getDocumentAccess(actor, documentId);
  const publication = await getDb().publication.findUnique({ where: { documentId: access.documentId }, select: publicationSelect });
  return publication ? toPublicationView(publication, origin) : { published: false };
}

/**
 * Publishes a document's checked claims as its public page, or refreshes the page when it is already published
 * (the same slug: links keep working). Moderators and owners (`document.publish`); members get 403, non-members
 * 404. A document without a published verdict on a team-visible claim has nothing to show: 409. The slug comes
 * from the title, with "-2", "-3", … when another page has it. Audited in the same transaction.
 */
export async function publishDocument(
  actor: Actor,
  documentId: string,
  { origin }: { origin: string },
): Promise<{ publication: PublicationView; created: boolean }> {
  const access = await getDocumentAccess(actor, documentId);
  assertRoleCan(access.role, "document.publish", "errors.publications.cannotPublish");
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await getDb().$transaction((tx) => writePublication(tx, actor, access.documentId, access.teamId));
      return { publication: toPublicationView(result.row, origin), created: result.created };
    } catch (error) {
      // Another publication took the slug, or the same document was published at the same moment: read again.
      const isUniqueViolation = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!isUniqueViolation || attempt >= maxPublishAttempts) throw error;
    }
  }
}

async function writePublication(
  tx: Prisma.TransactionClient,
  actor: Actor,
  documentId: string,
  teamId: string,
): Promise<{ row: PublicationRow; created: boolean }> {
  const document = await tx.document.findUnique({
    where: { id: documentId },
    select: { title: true, publication: { select: { slug: true } } },
  });
  if (!document) throw notFound("errors.documents.notFound");
  if ((await tx.claim.count({ where: publishedClaimWhere(documentId) })) === 0) {
    throw new AppError("conflict", "errors.publications.nothingToPublish");
  }
  let row: PublicationRow;
  let created: boolean;
  if (document.publication) {
    row = await tx.publication.update({ where: { documentId }, data: { updatedAt: new Date() }, select: publicationSelect });
    created = false;
  } else {
    const base = slugifyTitle(document.title);
    const taken = await tx.publication.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const slug = firstFreeSlug(base, new Set(taken.map((publication) => publication.slug)));
    row = await tx.publication.create({ data: { documentId, teamId, slug, publishedById: actor.userId }, select: publicationSelect });
    created = true;
  }
  await unsafeRecordAuditEvent(tx, {
    teamId,
    actorId: actor.userId,
    action: "document.published",
    targetType: "document",
    targetId: documentId,
    details: { name: document.title, slug: row.slug, refreshed: !created },
  });
  return { row, created };
}

/**
 * Takes a document's public page down: `/p/{slug}` is a 404 from then on (the slug is free again). Moderators and
 * owners; 409 when it is not published. Audited in the same transaction.
 */
export async function unpublishDocument(actor: Actor, documentId: string): Promise<void> {
  const access = await getDocumentAccess(actor, documentId);
  assertRoleCan(access.role, "document.publish", "errors.publications.cannotPublish");
  await getDb().$transaction(async (tx) => {
    const publication = await tx.publication.findUnique({
      where: { documentId: access.documentId },
      select: { slug: true, document: { select: { title: true } } },
    });
    if (!publication) throw new AppError("conflict", "errors.publications.notPublished");
    // An unpublish that committed in between leaves nothing to delete: the same 409 as a moment later.
    const { count } = await tx.publication.deleteMany({ where: { documentId: access.documentId } });
    if (count === 0) throw new AppError("conflict", "errors.publications.notPublished");
    await unsafeRecordAuditEvent(tx, {
      teamId: access.teamId,
      actorId: actor.userId,
      action: "document.unpublished",
      targetType: "document",
      targetId: access.documentId,
      details: { name: publication.document.title, slug: publication.slug },
    });
  });
}
