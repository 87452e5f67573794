import { describe, expect, it } from "vitest";

import { getInitials } from "@/components/live/initials";

describe("getInitials", () => {
  it.each([
    ["Alice Test", "AT"],
    ["alice", "A"],
    ["Alice van Dijk", "AD"],
    ["  Bob   Test  ", "BT"],
    ["Ömer Çelik", "ÖÇ"],
    ["Анна Каренина", "АК"],
    ["😀 Smile", "😀S"],
    ["<img src=x onerror=alert(1)>", "<O"],
    ["", "?"],
    ["   ", "?"],
  ])("%j → %j", (name, initials) => {
    expect(getInitials(name)).toBe(initials);
  });
});
