import { z } from "zod";

import { validationMessage } from "@/lib/validation/messages";

/** Every id in Margin is a UUID. A malformed id is treated like a missing one (404), never a database error. */
export const idSchema = z.uuid({ error: validationMessage("validation.invalidId") });

/** True when `value` is a well-formed id. */
export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
