import "server-only";

import { hash, verify } from "@node-rs/argon2";

// Argon2id runs on libuv's thread pool (@node-rs/argon2 is async), so hashing never blocks the event loop.
// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the result embeds its salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against a stored hash; false (not an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    console.error("Password hash could not be verified", error);
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so response times do not reveal
 * which emails have accounts.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
  dummyHash ??= hashPassword("margin-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
