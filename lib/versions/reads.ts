import "server-only";

import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { getPool } from "@/lib/db";

/** The version a member last opened before now, and the one they see now. */
export type DocumentReadMark = { previousVersion: number | null; version: number };

/**
 * Records that the actor opened the document's latest version, and answers which version they had opened
 * before ("what changed since I last looked"; null the first time). One statement; members only (404 otherwise).
 */
export async function recordDocumentRead(actor: Actor, documentId: string): Promise<DocumentReadMark> {
  await getDocumentAccess(actor, documentId);
  const { rows } = await getPool().query<{ previousVersion: number | null; version: number }>({
    name: "record-document-read",
    text: `WITH previous AS (SELECT version FROM document_reads WHERE user_id = $1 AND document_id = $2),
                latest AS (SELECT version FROM documents WHERE id = $2)
           INSERT INTO document_reads (user_id, document_id, version, read_at)
           SELECT $1, $2, latest.version, now() FROM latest
           ON CONFLICT (user_id, document_id) DO UPDATE SET version = GREATEST(document_reads.version, EXCLUDED.version), read_at = now()
           RETURNING (SELECT version FROM previous) AS "previousVersion", version`,
    values: [actor.userId, documentId],
  });
  const row = rows[0];
  return { previousVersion: row?.previousVersion ?? null, version: row?.version ?? 1 };
}
