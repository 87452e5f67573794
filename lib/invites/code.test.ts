import { describe, expect, it } from "vitest";

import { formatInviteCode, generateInviteCode, normalizeInviteCode } from "@/lib/invites/code";

describe("invite codes", () => {
  it("generates ten unambiguous characters, different every time", () => {
    const codes = new Set(Array.from({ length: 500 }, generateInviteCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/u);
  });

  it.each([
    ["ABCDE-12345", "ABCDE12345"],
    ["abcde12345", "ABCDE12345"],
    [" abcde 12345 ", "ABCDE12345"],
    ["OBCDE-I2L45", "0BCDE12145"],
    ["ABCDE-1234", null],
    ["ABCDE-123456", null],
    ["ABCDU-12345", null],
    ["<script>", null],
    ["", null],
  ])("normalizes %j to %j", (input, expected) => {
    expect(normalizeInviteCode(input)).toBe(expected);
  });

  it("formats with a dash in the middle, and round-trips", () => {
    const code = generateInviteCode();
    expect(formatInviteCode(code)).toMatch(/^.{5}-.{5}$/u);
    expect(normalizeInviteCode(formatInviteCode(code))).toBe(code);
  });
});
