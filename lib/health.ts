import "server-only";

import { getDb } from "@/lib/db";

const readinessTimeoutMs = 2_000;

/** Pings the database with a timeout; never throws. */
export async function checkDatabaseReady(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), readinessTimeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    console.error("Readiness check failed", error);
    return { ok: false, error: "database unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
