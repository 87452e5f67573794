import { describe, expect, it } from "vitest";

import { canReplayFromMemory, chooseReplayStart, isLogPrunedPast, maxReplayedEvents } from "@/lib/realtime/replay";

describe("chooseReplayStart", () => {
  it.each([
    { name: "level with the feed", lastSeq: 40, cursor: 40, expected: "replay" },
    { name: "a few behind", lastSeq: 37, cursor: 40, expected: "replay" },
    { name: "a new team's first stream", lastSeq: 0, cursor: 0, expected: "replay" },
    { name: "exactly the limit behind", lastSeq: 100, cursor: 100 + maxReplayedEvents, expected: "replay" },
    { name: "one more than the limit behind", lastSeq: 99, cursor: 100 + maxReplayedEvents, expected: "reset" },
    { name: "from the start of a long log", lastSeq: 0, cursor: 20_000, expected: "reset" },
    { name: "one ahead of what this instance read", lastSeq: 41, cursor: 40, expected: "check-head" },
    { name: "far ahead", lastSeq: 1_000_000, cursor: 40, expected: "check-head" },
  ] as const)("$name ($lastSeq against $cursor) → $expected", ({ lastSeq, cursor, expected }) => {
    expect(chooseReplayStart(lastSeq, cursor)).toBe(expected);
  });
});

describe("canReplayFromMemory", () => {
  it.each([
    { name: "nothing in memory", lastSeq: 10, oldest: undefined, expected: false },
    { name: "just before the oldest kept", lastSeq: 9, oldest: 10, expected: true },
    { name: "at the oldest kept", lastSeq: 10, oldest: 10, expected: true },
    { name: "past everything kept", lastSeq: 2_000, oldest: 10, expected: true },
    { name: "one event short", lastSeq: 8, oldest: 10, expected: false },
    { name: "far behind", lastSeq: 0, oldest: 1_001, expected: false },
    { name: "from 0, with the team's first event kept", lastSeq: 0, oldest: 1, expected: true },
  ])("$name ($lastSeq, oldest $oldest) → $expected", ({ lastSeq, oldest, expected }) => {
    expect(canReplayFromMemory(lastSeq, oldest)).toBe(expected);
  });
});

describe("isLogPrunedPast", () => {
  it.each([
    { lastSeq: 5, firstSeqRead: 6, expected: false },
    { lastSeq: 0, firstSeqRead: 1, expected: false },
    { lastSeq: 5, firstSeqRead: 7, expected: true },
    { lastSeq: 5, firstSeqRead: 11, expected: true },
  ])("after $lastSeq, a page from $firstSeqRead → $expected", ({ lastSeq, firstSeqRead, expected }) => {
    expect(isLogPrunedPast(lastSeq, firstSeqRead)).toBe(expected);
  });
});
