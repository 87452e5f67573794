/**
 * The desk's page cursors: where the previous page ended, in the order it was read in. Opaque to clients
 * (base64url JSON); they hand `nextCursor` back as `after`. Pure.
 *
 * A cursor holds the sort keys of the page's last claim, so the next page starts strictly after it (keyset
 * paging): no claim is skipped or repeated when others are added meanwhile, and a deep page costs what the first
 * does. Every order ends in the claim's creation time and id, which make it total.
 */
import { z } from "zod";

import type { DeskOrder } from "@/lib/desk/schema";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";

/** The last claim of a page, by what its order compares. */
export type DeskCursor =
  | { order: "age" | "oldest"; createdAt: Date; id: string }
  | { order: "due"; dueAt: Date | null; createdAt: Date; id: string }
  /** `rank` is ts_rank's real (float4), exactly as PostgreSQL printed it. */
  | { order: "rank"; rank: number; createdAt: Date; id: string };

const isoTime = z.iso.datetime();

const cursorJsonSchema = z.discriminatedUnion("o", [
  z.object({ o: z.enum(["age", "oldest"]), c: isoTime, i: idSchema }),
  z.object({ o: z.literal("due"), d: isoTime.nullable(), c: isoTime, i: idSchema }),
  z.object({ o: z.literal("rank"), r: z.number().finite(), c: isoTime, i: idSchema }),
]);

/** The cursor after `cursor`'s claim, for `nextCursor`. */
export function encodeDeskCursor(cursor: DeskCursor): string {
  const common = { c: cursor.createdAt.toISOString(), i: cursor.id };
  const json =
    cursor.order === "due"
      ? { o: cursor.order, d: cursor.dueAt?.toISOString() ?? null, ...common }
      : cursor.order === "rank"
        ? { o: cursor.order, r: cursor.rank, ...common }
        : { o: cursor.order, ...common };
  return Buffer.from(JSON.stringify(json), "utf8").toString("base64url");
}

/** The 422 for a cursor that is not one of ours, or was made for another order: it names `after`. */
function invalidCursor(): AppError {
  return new AppError("validation_failed", "errors.desk.invalidCursor", { fields: { after: "errors.desk.invalidCursor" } });
}

/**
 * Reads an `after` cursor for a query answered in `order`; a cursor that was not made by `encodeDeskCursor`, or
 * was made for another order (the sort or the search changed between pages), is a 422 naming `after`.
 */
export function decodeDeskCursor(value: string, order: DeskOrder): DeskCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    // Not JSON: someone's own string, not a cursor we gave out.
    throw invalidCursor();
  }
  const parsed = cursorJsonSchema.safeParse(json);
  if (!parsed.success || parsed.data.o !== order) throw invalidCursor();
  const cursor = parsed.data;
  const createdAt = new Date(cursor.c);
  if (cursor.o === "due") return { order: "due", dueAt: cursor.d === null ? null : new Date(cursor.d), createdAt, id: cursor.i };
  if (cursor.o === "rank") return { order: "rank", rank: cursor.r, createdAt, id: cursor.i };
  return { order: cursor.o, createdAt, id: cursor.i };
}
