import { describe, expect, it } from "vitest";

import { detectPlatform, editorActions, editorShortcuts, formatShortcut, nextToolbarIndex } from "@/components/editor/editor-shortcuts";

describe("formatShortcut", () => {
  it.each([
    [["Mod", "B"], "other", "Control+B", "Ctrl+B"],
    [["Mod", "B"], "mac", "Meta+B", "⌘B"],
    [["Mod", "Alt", "2"], "other", "Control+Alt+2", "Ctrl+Alt+2"],
    [["Mod", "Alt", "2"], "mac", "Meta+Alt+2", "⌘⌥2"],
    [["Mod", "Shift", "8"], "other", "Control+Shift+8", "Ctrl+Shift+8"],
    [["Mod", "Shift", "Z"], "mac", "Meta+Shift+Z", "⌘⇧Z"],
  ] as const)("%j on %s: aria %s, label %s", (keys, platform, aria, label) => {
    expect(formatShortcut(keys, platform)).toEqual({ aria, label });
  });

  it("gives every toolbar action a shortcut with a modifier first", () => {
    for (const action of editorActions) expect(editorShortcuts[action][0]).toBe("Mod");
  });

  it("gives no two actions the same shortcut", () => {
    const keys = editorActions.map((action) => formatShortcut(editorShortcuts[action], "other").aria);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("detectPlatform", () => {
  it.each([
    ["MacIntel", "mac"],
    ["macOS", "mac"],
    ["iPhone", "mac"],
    ["Win32", "other"],
    ["Linux x86_64", "other"],
    [undefined, "other"],
  ] as const)("%s is %s", (platform, expected) => {
    expect(detectPlatform(platform)).toBe(expected);
  });
});

describe("nextToolbarIndex", () => {
  it.each([
    [0, "ArrowRight", 5, 1],
    [4, "ArrowRight", 5, 0],
    [0, "ArrowLeft", 5, 4],
    [3, "ArrowLeft", 5, 2],
    [3, "Home", 5, 0],
    [1, "End", 5, 4],
    [2, "ArrowDown", 5, null],
    [2, "Tab", 5, null],
    [0, "ArrowRight", 0, null],
  ] as const)("from %i, %s among %i: %s", (current, key, count, expected) => {
    expect(nextToolbarIndex(current, key, count)).toBe(expected);
  });
});
