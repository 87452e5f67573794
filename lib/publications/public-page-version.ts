import "server-only";

import { createHash, randomUUID } from "node:crypto";

import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locales";
import { publishedClaimSql } from "@/lib/publications/published-claims";
import { publicSlugSchema } from "@/lib/publications/schema";

/**
 * This process's build and start: a page a browser cached from an earlier deployment refers to that build's
 * scripts, so after a restart it is never answered with 304. (Behind several instances a browser that moves
 * between them downloads the page again; nothing stale is ever shown.)
 */
const serverGeneration = randomUUID();

/**
 * What `/p/{slug}` is made of, as one string that changes whenever the page would: the publication (republishing
 * refreshes it), the document (its text and language), the team's name (the byline), every published claim with its
 * verdict and evidence (ids, corrections, edits; claims hidden, made private or deleted drop out), and the team's
 * rating scale (labels and colours). Null when nothing is published under `slug`. One query, no content read.
 */
export async function readPublicPageVersion(slug: string): Promise<string | null> {
  if (!publicSlugSchema.safeParse(slug).success) return null;
  const published = Prisma.raw(publishedClaimSql("c", "v"));
  const rows = await getDb().$queryRaw<{ version: string }[]>`
    SELECT concat_ws('|',
      p.document_id, p.updated_at, d.updated_at, d.version, d.lang, t.name,
      (SELECT md5(coalesce(string_agg(concat_ws(',', c.id, c.updated_at, v.rating, v.summary, v.last_published_at), ';' ORDER BY c.id), ''))
         FROM claims c LEFT JOIN verdicts v ON v.claim_id = c.id
        WHERE c.document_id = p.document_id AND ${published}),
      (SELECT md5(coalesce(string_agg(concat_ws(',', e.id, e.updated_at), ';' ORDER BY e.id), ''))
         FROM evidence e JOIN claims c ON c.id = e.claim_id LEFT JOIN verdicts v ON v.claim_id = c.id
        WHERE c.document_id = p.document_id AND ${published}),
      (SELECT md5(coalesce(string_agg(concat_ws(',', r.key, r.label, r.color, r.position, r.scored), ';' ORDER BY r.key), ''))
         FROM ratings r WHERE r.team_id = p.team_id)
    ) AS version
    FROM publications p JOIN documents d ON d.id = p.document_id JOIN teams t ON t.id = p.team_id
    WHERE p.slug = ${slug}`;
  return rows[0]?.version ?? null;
}

/**
 * The page's ETag for a version and the reader's language (the page's words follow it). Weak (`W/`): the HTML of
 * two answers differs in its CSP nonce while meaning the same.
 */
export function toPublicPageEtag(version: string, locale: Locale): string {
  const digest = createHash("sha256").update(`${serverGeneration}\n${locale}\n${version}`).digest("base64url").slice(0, 32);
  return `W/"${digest}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as for GET; `*` matches any). */
export function matchesIfNoneMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//u, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
