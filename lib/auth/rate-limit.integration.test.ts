import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { errorResponse } from "@/lib/api/route";
import {
  consumeJoinCodeAttempt,
  consumeSignInAttempt,
  consumeSignUpAttempt,
  getRetryAfterSeconds,
  rateLimitedError,
  resetSignInFailures,
} from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { disconnectTestDb, getTestDb } from "@/lib/testing/factories";

afterAll(disconnectTestDb);

// Every test uses its own email, IP and user id, so the shared `rate_limits` table never leaks between tests.
const uniqueEmail = () => `limit.${randomUUID().slice(0, 8)}@example.test`;
const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Calls `attempt` `times` times in order; all must pass. */
async function allowed(times: number, attempt: () => Promise<void>): Promise<void> {
  for (let index = 0; index < times; index += 1) await attempt();
}

async function expectRateLimited(attempt: Promise<void>, windowSeconds: number): Promise<void> {
  const error = await attempt.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^Too many attempts\. Try again in /u) });
  const retryAfter = getRetryAfterSeconds(error);
  expect(retryAfter).toBeGreaterThan(windowSeconds - 30);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe("sign-in per account (5 per 15 minutes)", () => {
  it("the sixth attempt on an account is refused with retryAfter, whichever IP it comes from", async () => {
    const email = uniqueEmail();
    await allowed(5, () => consumeSignInAttempt({ email, ip: uniqueIp() }));
    await expectRateLimited(consumeSignInAttempt({ email, ip: uniqueIp() }), 15 * 60);
  });

  it("counts the email whatever its case or padding", async () => {
    const email = uniqueEmail();
    await allowed(5, () => consumeSignInAttempt({ email: ` ${email.toUpperCase()} `, ip: uniqueIp() }));
    await expectRateLimited(consumeSignInAttempt({ email, ip: uniqueIp() }), 15 * 60);
  });

  it("a successful sign-in resets the account's failures", async () => {
    const email = uniqueEmail();
    await allowed(4, () => consumeSignInAttempt({ email, ip: uniqueIp() }));
    await resetSignInFailures(email);
    await allowed(5, () => consumeSignInAttempt({ email, ip: uniqueIp() }));
    await expectRateLimited(consumeSignInAttempt({ email, ip: uniqueIp() }), 15 * 60);
  });

  it("one account's lock leaves other accounts alone", async () => {
    const locked = uniqueEmail();
    await allowed(5, () => consumeSignInAttempt({ email: locked, ip: uniqueIp() }));
    await expectRateLimited(consumeSignInAttempt({ email: locked, ip: uniqueIp() }), 15 * 60);
    await expect(consumeSignInAttempt({ email: uniqueEmail(), ip: uniqueIp() })).resolves.toBeUndefined();
  });

  it("a burst of parallel attempts cannot slip past the limit", async () => {
    const email = uniqueEmail();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => consumeSignInAttempt({ email, ip: uniqueIp() })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
  });

  it("stores no email address: keys are hashed", async () => {
    const email = uniqueEmail();
    await consumeSignInAttempt({ email, ip: uniqueIp() });
    const rows = await getTestDb().rateLimit.findMany({ where: { key: { contains: email.split("@")[0]! } } });
    expect(rows).toEqual([]);
    expect(await getTestDb().rateLimit.count({ where: { key: { startsWith: "sign-in:account:" } } })).toBeGreaterThan(0);
  });
});

describe("sign-in per IP (30 per 15 minutes)", () => {
  it("the 31st attempt from one IP is refused, whatever the email", async () => {
    const ip = uniqueIp();
    await allowed(30, () => consumeSignInAttempt({ email: uniqueEmail(), ip }));
    await expectRateLimited(consumeSignInAttempt({ email: uniqueEmail(), ip }), 15 * 60);
    // Another IP is not affected.
    await expect(consumeSignInAttempt({ email: uniqueEmail(), ip: uniqueIp() })).resolves.toBeUndefined();
  });

  it("an attempt without a valid email still counts against the IP", async () => {
    const ip = uniqueIp();
    await allowed(30, () => consumeSignInAttempt({ email: null, ip }));
    await expectRateLimited(consumeSignInAttempt({ email: uniqueEmail(), ip }), 15 * 60);
  });
});

describe("sign-up per IP (10 per hour)", () => {
  it("the 11th sign-up from one IP is refused", async () => {
    const ip = uniqueIp();
    await allowed(10, () => consumeSignUpAttempt(ip));
    await expectRateLimited(consumeSignUpAttempt(ip), 60 * 60);
    await expect(consumeSignUpAttempt(uniqueIp())).resolves.toBeUndefined();
  });
});

describe("consumeJoinCodeAttempt (20 per 15 minutes)", () => {
  it("the 21st attempt by one user is refused; another user is not", async () => {
    const userId = randomUUID();
    await allowed(20, () => consumeJoinCodeAttempt(userId));
    await expectRateLimited(consumeJoinCodeAttempt(userId), 15 * 60);
    await expect(consumeJoinCodeAttempt(randomUUID())).resolves.toBeUndefined();
  });
});

describe("rateLimitedError and its HTTP response", () => {
  it.each([
    { seconds: 0.2, wait: "a minute", header: "1" },
    { seconds: 59, wait: "a minute", header: "59" },
    { seconds: 60, wait: "1 minute", header: "60" },
    { seconds: 61, wait: "2 minutes", header: "61" },
    { seconds: 900, wait: "15 minutes", header: "900" },
  ])("$seconds s → “Try again in $wait”, Retry-After: $header", async ({ seconds, wait, header }) => {
    const response = errorResponse(rateLimitedError(seconds), "en");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(header);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "rate_limited", message: `Too many attempts. Try again in ${wait}.` });
  });

  it("other errors carry no Retry-After", () => {
    expect(errorResponse(new AppError("not_found", "errors.notFound"), "en").headers.get("Retry-After")).toBeNull();
    expect(getRetryAfterSeconds(new Error("x"))).toBeNull();
  });
});
