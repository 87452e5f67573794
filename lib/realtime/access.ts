import "server-only";

import { getPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type StreamGrant = { connectionId: string; sessionId: string; userId: string; teamId: string; documentId: string };

/**
 * Re-checks many open streams in one statement: each keeps going only while its session is live, its user is
 * still a member of the document's team and the document exists. Returns the current role of each stream that
 * may continue; a stream missing from the result must be closed. `unsafe`: it is the check itself.
 */
export async function unsafeCheckStreamGrants(grants: StreamGrant[]): Promise<Map<string, Role>> {
  if (grants.length === 0) return new Map();
  const { rows } = await getPool().query<{ connectionId: string; role: Role }>({
    name: "live-check-grants",
    text: `SELECT g.connection_id AS "connectionId", m.role::text AS role
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[])
                AS g(connection_id, session_id, user_id, team_id, document_id)
           JOIN sessions s ON s.id = g.session_id AND s.user_id = g.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
           JOIN memberships m ON m.team_id = g.team_id AND m.user_id = g.user_id
           JOIN documents d ON d.id = g.document_id AND d.team_id = g.team_id`,
    values: [
      grants.map((grant) => grant.connectionId),
      grants.map((grant) => grant.sessionId),
      grants.map((grant) => grant.userId),
      grants.map((grant) => grant.teamId),
      grants.map((grant) => grant.documentId),
    ],
  });
  return new Map(rows.map((row) => [row.connectionId, row.role]));
}

/** The team of a document and the user's role in it, or null when the user may not read the document. */
export async function unsafeGetDocumentRole(userId: string, documentId: string): Promise<{ teamId: string; role: Role } | null> {
  const { rows } = await getPool().query<{ teamId: string; role: Role }>({
    name: "live-document-role",
    text: `SELECT d.team_id AS "teamId", m.role::text AS role
           FROM documents d JOIN memberships m ON m.team_id = d.team_id AND m.user_id = $2
           WHERE d.id = $1`,
    values: [documentId, userId],
  });
  return rows[0] ?? null;
}
