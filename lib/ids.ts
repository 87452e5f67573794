import { z } from "zod";

/** Every id in Margin is a UUID. A malformed id is treated like a missing one (404), never a database error. */
export const idSchema = z.uuid({ error: "Not a valid id" });

/** True when `value` is a well-formed id. */
export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
