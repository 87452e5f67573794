import { describe, expect, it } from "vitest";

import { getClientIp } from "@/lib/auth/client-ip";

function ipOf(headers: Record<string, string>): string | null {
  return getClientIp(new Headers(headers));
}

type Case = { name: string; headers: Record<string, string>; expected: string | null };

describe("getClientIp", () => {
  it.each<Case>([
    { name: "no headers", headers: {}, expected: null },
    { name: "one forwarded address", headers: { "x-forwarded-for": "203.0.113.7" }, expected: "203.0.113.7" },
    { name: "the first of a chain", headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.2, 10.0.0.1" }, expected: "203.0.113.7" },
    { name: "padding", headers: { "x-forwarded-for": "  203.0.113.7  ,10.0.0.1" }, expected: "203.0.113.7" },
    { name: "an IPv4 address with a port", headers: { "x-forwarded-for": "203.0.113.7:51234" }, expected: "203.0.113.7" },
    { name: "X-Real-IP when X-Forwarded-For is missing", headers: { "x-real-ip": "198.51.100.4" }, expected: "198.51.100.4" },
    { name: "X-Forwarded-For wins over X-Real-IP", headers: { "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.4" }, expected: "203.0.113.7" },
    { name: "X-Real-IP when X-Forwarded-For is garbage", headers: { "x-forwarded-for": "unknown", "x-real-ip": "198.51.100.4" }, expected: "198.51.100.4" },
    { name: "garbage only", headers: { "x-forwarded-for": "<script>", "x-real-ip": "' OR 1=1" }, expected: null },
    { name: "an over-long value", headers: { "x-forwarded-for": "1".repeat(5000) }, expected: null },
    { name: "IPv4-mapped IPv6", headers: { "x-forwarded-for": "::ffff:203.0.113.7" }, expected: "203.0.113.7" },
    { name: "IPv6 loopback", headers: { "x-forwarded-for": "::1" }, expected: "0:0:0:0::/64" },
    { name: "IPv6 → its /64", headers: { "x-forwarded-for": "2001:db8:85a3:8d3:1319:8a2e:370:7348" }, expected: "2001:db8:85a3:8d3::/64" },
    { name: "compressed IPv6 → its /64", headers: { "x-forwarded-for": "2001:DB8::1" }, expected: "2001:db8:0:0::/64" },
    { name: "bracketed IPv6 with a port", headers: { "x-forwarded-for": "[2001:db8:1:2::7]:443" }, expected: "2001:db8:1:2::/64" },
  ])("$name → $expected", ({ headers, expected }) => {
    expect(ipOf(headers)).toBe(expected);
  });

  it("two addresses in the same IPv6 /64 share a key; another /64 does not", () => {
    const a = ipOf({ "x-forwarded-for": "2001:db8:1:2::1" });
    const b = ipOf({ "x-forwarded-for": "2001:db8:1:2:ffff:ffff:ffff:ffff" });
    const c = ipOf({ "x-forwarded-for": "2001:db8:1:3::1" });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
