import "server-only";

import { memberJoinSql } from "@/lib/access/rules";
import { getPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** One open live stream's standing permission: whose session, which document of which team. */
export type StreamGrant = { connectionId: string; sessionId: string; userId: string; teamId: string; documentId: string };

/**
 * Re-checks many open streams in one statement: each keeps going only while its session is live, its user is
 * still a member of the document's team and the document exists. Returns the current role of each stream that
 * may continue; a stream missing from the result must be closed. `unsafe`: it is the check itself, run by the
 * live hub for grants that `getDocumentAccess` issued.
 */
export async function unsafeCheckStreamGrants(grants: StreamGrant[]): Promise<Map<string, Role>> {
  if (grants.length === 0) return new Map();
  const { rows } = await getPool().query<{ connectionId: string; role: Role }>({
    name: "access-check-stream-grants",
    text: `SELECT g.connection_id AS "connectionId", m.role::text AS role
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[])
                AS g(connection_id, session_id, user_id, team_id, document_id)
           JOIN sessions s ON s.id = g.session_id AND s.user_id = g.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
           ${memberJoinSql("g.team_id", "g.user_id")}
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
