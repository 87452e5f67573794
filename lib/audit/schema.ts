import { z } from "zod";

import { idSchema } from "@/lib/ids";
import { userText } from "@/lib/validation/text";

/** A time PostgreSQL can compare against: an ISO 8601 UTC time from year 1 to 9999 (JavaScript allows more). */
const cursorTimeSchema = z.iso
  .datetime()
  .transform((time) => new Date(time))
  .refine((date) => date.getUTCFullYear() >= 1, "Before year 1");

/**
 * The audit log's page cursor (`?before=`): "<ISO time>_<id>", as `nextBefore` hands it out. A time JavaScript
 * parses but PostgreSQL cannot hold (year 0, or ±27x,xxx) reached the query and failed with a 500 before.
 */
export const auditCursorSchema = userText({ label: "validation.labels.pageCursor" })
  .max(100)
  .transform((value) => {
    const separator = value.lastIndexOf("_");
    return { time: separator < 0 ? "" : value.slice(0, separator), id: value.slice(separator + 1) };
  })
  .pipe(z.object({ time: cursorTimeSchema, id: idSchema }))
  .transform(({ time, id }) => ({ createdAt: time, id }));

/** The cursor a `before` parameter names, or null (from the newest) when it is missing or not a cursor. */
export function parseAuditCursor(value: string | undefined): { createdAt: Date; id: string } | null {
  const parsed = auditCursorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
