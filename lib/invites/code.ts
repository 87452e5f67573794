/**
 * Invitation codes: ten characters of Crockford's base32 (no I, L, O or U, so they read and type without
 * ambiguity), shown as "ABCDE-12345". 50 bits of randomness; guessing is also rate-limited. Pure.
 */
import { customAlphabet } from "nanoid";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const inviteCodeLength = 10;

const generate = customAlphabet(alphabet, inviteCodeLength);

/** A new random code, as stored (upper-case, no dash). */
export function generateInviteCode(): string {
  return generate();
}

/** The code as people see it: "ABCDE-12345". */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a person typed, as stored: case and separators ignored, and the look-alikes Crockford maps (O → 0,
 * I and L → 1). Null when it cannot be a code.
 */
export function normalizeInviteCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/gu, "")
    .replace(/O/gu, "0")
    .replace(/[IL]/gu, "1");
  if (code.length !== inviteCodeLength) return null;
  for (const character of code) if (!alphabet.includes(character)) return null;
  return code;
}
