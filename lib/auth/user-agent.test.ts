import { describe, expect, it } from "vitest";

import { describeUserAgent } from "@/lib/auth/user-agent";

describe("describeUserAgent", () => {
  it.each([
    {
      name: "Chrome on Linux",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      expected: { label: "Chrome on Linux", platform: "desktop" },
    },
    {
      name: "headless Chromium (Playwright)",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
      expected: { label: "Chrome on Linux", platform: "desktop" },
    },
    {
      name: "Safari on an iPhone",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      expected: { label: "Safari on iPhone", platform: "mobile" },
    },
    {
      name: "Safari on a Mac",
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      expected: { label: "Safari on macOS", platform: "desktop" },
    },
    {
      name: "Firefox on Windows",
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
      expected: { label: "Firefox on Windows", platform: "desktop" },
    },
    { name: "curl", userAgent: "curl/8.5.0", expected: { label: "Unknown browser", platform: null } },
    { name: "an empty header", userAgent: "", expected: { label: "Unknown browser", platform: null } },
    { name: "whitespace", userAgent: "   ", expected: { label: "Unknown browser", platform: null } },
    { name: "no header at all", userAgent: null, expected: { label: "Unknown browser", platform: null } },
    { name: "markup (shown as text, never parsed as HTML)", userAgent: "<img src=x onerror=alert(1)>", expected: { label: "Unknown browser", platform: null } },
  ])("$name → $expected.label", ({ userAgent, expected }) => {
    expect(describeUserAgent(userAgent)).toEqual(expected);
  });
});
