/**
 * The server half of `npm run bench:reanchor` (started by scripts/bench/reanchor.mjs, which owns the database):
 * saving a new version of the seed article with 1,000 claims on it through `createVersion` (lib/versions) — the
 * whole transaction: locking the document, re-anchoring, writing every claim's place and state and its anchor,
 * history lines, notifications and the live event. Each run gets a fresh document with the same claims (built
 * with plain SQL, not timed), then one timed `createVersion`. Prints one JSON line: the samples in ms and the
 * state counts. Run with `node --conditions=react-server --import tsx` (lib/ modules are server-only).
 */
import { performance } from "node:perf_hooks";

import { describeTextRange } from "@/lib/anchoring";
import { getDb } from "@/lib/db";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers } from "@/lib/testing/factories";
import { createVersion } from "@/lib/versions/service";

// @ts-expect-error: plain JavaScript shared with the pure half of the benchmark
import { editArticle, loadSeedArticle, sampleClaimRanges } from "./lib/reanchor-data.mjs";

const claimCount = Number(process.env.BENCH_REANCHOR_CLAIMS ?? 1000);
const runs = Number(process.env.BENCH_REANCHOR_SERVER_RUNS ?? 10);
const warmupRuns = 2;

async function main() {
  const db = getTestDb();
  const [owner, author] = await unsafeCreateUsers("Bench Owner", "Bench Author");
  const seedText: string = loadSeedArticle();
  const newText: string = editArticle(seedText);
  const samples: number[] = [];
  let counts = { anchored: 0, changed: 0, orphaned: 0 };
  for (let run = 0; run < warmupRuns + runs; run++) {
    const team = await unsafeCreateTeamWithArticle([
      [owner, "OWNER"],
      [author, "MEMBER"],
    ]);
    if (team.documentText !== seedText) throw new Error("The factory's article is not the benchmark's seed article");
    const rows = (sampleClaimRanges(team.documentText, claimCount) as { start: number; end: number }[]).map((range) => {
      const { quote, position } = describeTextRange(team.documentText, range);
      return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
    });
    await db.$executeRawUnsafe(
      `WITH inserted AS (
         INSERT INTO claims (document_id, team_id, author_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, document_version)
         SELECT $1::uuid, $2::uuid, $3::uuid, r.exact, r.prefix, r.suffix, r.start, r."end", 1
         FROM jsonb_to_recordset($4::jsonb) AS r(exact text, prefix text, suffix text, start int, "end" int)
         RETURNING id, quote_exact, quote_prefix, quote_suffix, position_start, position_end)
       INSERT INTO claim_anchors (claim_id, document_version, state, quote_exact, quote_prefix, quote_suffix, position_start, position_end)
       SELECT id, 1, 'ANCHORED', quote_exact, quote_prefix, quote_suffix, position_start, position_end FROM inserted`,
      team.documentId,
      team.teamId,
      author.userId,
      JSON.stringify(rows),
    );
    const started = performance.now();
    const created = await createVersion(owner, team.documentId, { format: "text", content: newText, baseVersion: 1 });
    const elapsed = performance.now() - started;
    if (run >= warmupRuns) samples.push(elapsed);
    counts = { anchored: created.anchored, changed: created.changed, orphaned: created.orphaned };
  }
  process.stdout.write(`${JSON.stringify({ samples, counts, claims: claimCount })}\n`);
  await disconnectTestDb();
  await getDb().$disconnect();
}

await main();
