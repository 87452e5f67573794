import "server-only";

import { actorMembershipSelect, inMemberTeamWhere, readableClaimWhere, roleIn } from "@/lib/access/rules";
import { getTeamAccess, requireTeamAction } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/ids";
import { importDocument } from "@/lib/documents/import";
import { detectLanguage } from "@/lib/documents/language";
import { publicPagePath } from "@/lib/publications/urls";
import type { CreateDocumentInput, UpdateDocumentInput } from "@/lib/documents/schema";
import { roleCan } from "@/lib/teams/policy";
import { readRatingScale } from "@/lib/verdicts/rating-scale";
import type { RatingScaleView } from "@/lib/verdicts/scale";

export type DocumentSummary = {
  id: string;
  title: string;
  publishedOn: string | null;
  teamId: string;
  teamName: string;
  claimCount: number;
  createdAt: Date;
};

export type DocumentDetail = {
  id: string;
  title: string;
  publishedOn: string | null;
  /** Who wrote the article, as its source names them, or null. */
  byline: string | null;
  /** Where the article was published (an http(s) URL), or null. */
  sourceUrl: string | null;
  teamId: string;
  teamName: string;
  content: DocumentContent;
  /** The language of the content (BCP 47, "und" when unknown): the article's `lang` and its word boundaries. */
  lang: string;
  /** The plain text W3C selectors index into. */
  text: string;
  version: number;
  /** The actor's role in the document's team. */
  role: Role;
  /** What the actor may do on this document, so the UI shows only what will work. */
  abilities: DocumentAbilities;
  /** The team's rating scale, for the verdicts on its claims (lib/verdicts). */
  ratingScale: RatingScaleView;
  /** The document's public page (lib/publications): its slug and path (`/p/{slug}`), or null when unpublished. */
  publication: { slug: string; url: string } | null;
};

export type DocumentAbilities = { canCreateClaims: boolean; canEditDocument: boolean; canPublish: boolean };

function getDocumentAbilities(role: Role): DocumentAbilities {
  return {
    canCreateClaims: roleCan(role, "claim.create"),
    canEditDocument: roleCan(role, "document.update"),
    canPublish: roleCan(role, "document.publish"),
  };
}

/** Documents of every team the actor belongs to, newest first, with the number of claims the actor can see. */
export async function listDocumentsForActor(actor: Actor): Promise<DocumentSummary[]> {
  return findDocumentSummaries(actor, inMemberTeamWhere(actor));
}

/** The documents of one team the actor belongs to (404 otherwise), newest first. */
export async function listDocumentsForTeam(actor: Actor, teamId: string): Promise<DocumentSummary[]> {
  await getTeamAccess(actor, teamId);
  return findDocumentSummaries(actor, { teamId });
}

async function findDocumentSummaries(actor: Actor, where: Prisma.DocumentWhereInput): Promise<DocumentSummary[]> {
  const documents = await getDb().document.findMany({
    where,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      publishedOn: true,
      teamId: true,
      createdAt: true,
      team: { select: { name: true } },
      _count: {
        select: { claims: { where: readableClaimWhere(actor) } },
      },
    },
  });
  return documents.map((document) => ({
    id: document.id,
    title: document.title,
    publishedOn: document.publishedOn,
    teamId: document.teamId,
    teamName: document.team.name,
    claimCount: document._count.claims,
    createdAt: document.createdAt,
  }));
}

/**
 * One document with its content, if the actor is a member of its team; otherwise the same 404 as a
 * missing or malformed id.
 */
export async function getDocumentForActor(actor: Actor, documentId: string): Promise<DocumentDetail> {
  if (!idSchema.safeParse(documentId).success) throw notFound("errors.documents.notFound");
  const document = await getDb().document.findFirst({
    where: { id: documentId, ...inMemberTeamWhere(actor) },
    select: {
      id: true,
      title: true,
      publishedOn: true,
      byline: true,
      sourceUrl: true,
      teamId: true,
      content: true,
      lang: true,
      text: true,
      version: true,
      team: { select: { name: true, ...actorMembershipSelect(actor) } },
      publication: { select: { slug: true } },
    },
  });
  const role = roleIn(document?.team);
  if (!document || !role) throw notFound("errors.documents.notFound");
  const ratingScale = await readRatingScale(document.teamId);
  return {
    id: document.id,
    title: document.title,
    publishedOn: document.publishedOn,
    byline: document.byline,
    sourceUrl: document.sourceUrl,
    teamId: document.teamId,
    teamName: document.team.name,
    // Stored content was validated on write; parsing again guards the renderer against a bad row.
    content: documentContentSchema.parse(document.content),
    lang: document.lang,
    text: document.text,
    version: document.version,
    role,
    abilities: getDocumentAbilities(role),
    ratingScale,
    publication: document.publication ? { slug: document.publication.slug, url: publicPagePath(document.publication.slug) } : null,
  };
}

/**
 * Adds an article to a team (owners and moderators), imported from text, Markdown, HTML or a Word document
 * (lib/documents/import). Metadata given with it wins over what the article itself says; without a title either
 * way, 422 on `title`. The document and its version 1 are one statement: nothing is stored when the import fails.
 */
export async function createDocument(actor: Actor, teamId: string, input: CreateDocumentInput): Promise<{ id: string }> {
  await requireTeamAction(actor, teamId, "document.create", "errors.documents.cannotAdd");
  const imported = await importDocument(input.source);
  const title = input.title ?? imported.title;
  if (title === null) throw new AppError("validation_failed", "validation.import.titleMissing", { fields: { title: "validation.import.titleMissing" } });
  return getDb().document.create({
    data: {
      teamId,
      createdById: actor.userId,
      title,
      byline: input.byline ?? imported.byline,
      sourceUrl: input.sourceUrl ?? imported.sourceUrl,
      publishedOn: input.publishedOn ?? imported.publishedOn,
      content: imported.content,
      text: imported.text,
      lang: input.lang ?? detectLanguage(imported.text),
      // Version 1 (lib/versions): the same content, in the same statement's transaction.
      versions: { create: { number: 1, content: imported.content, text: imported.text, format: input.source.format, createdById: actor.userId } },
    },
    select: { id: true },
  });
}

export type UpdatedDocument = Pick<DocumentDetail, "id" | "title" | "lang" | "byline" | "sourceUrl" | "publishedOn">;

/**
 * Corrects a document's metadata (owners and moderators): its language (what detection guessed), title, byline,
 * source URL and publication date; null clears the last three. The text changes only by a new version (lib/versions).
 */
export async function updateDocument(actor: Actor, documentId: string, input: UpdateDocumentInput): Promise<UpdatedDocument> {
  if (!idSchema.safeParse(documentId).success) throw notFound("errors.documents.notFound");
  const document = await getDb().document.findFirst({ where: { id: documentId, ...inMemberTeamWhere(actor) }, select: { teamId: true } });
  if (!document) throw notFound("errors.documents.notFound");
  await requireTeamAction(actor, document.teamId, "document.update", "errors.documents.cannotChange");
  return getDb().document.update({
    where: { id: documentId },
    data: { lang: input.lang, title: input.title, byline: input.byline, sourceUrl: input.sourceUrl, publishedOn: input.publishedOn },
    select: { id: true, title: true, lang: true, byline: true, sourceUrl: true, publishedOn: true },
  });
}
