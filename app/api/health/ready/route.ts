import { jsonResponse } from "@/lib/api/route";
import { checkDatabaseReady } from "@/lib/health";

// GET /api/health/ready — readiness: 200 when the database answers, 503 when it does not
export async function GET(): Promise<Response> {
  const database = await checkDatabaseReady();
  return jsonResponse({ status: database.ok ? "ok" : "unavailable", database }, database.ok ? 200 : 503);
}

export const dynamic = "force-dynamic";
