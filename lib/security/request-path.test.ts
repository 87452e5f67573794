import { describe, expect, it } from "vitest";

import { hasMalformedPercentEncoding } from "@/lib/security/request-path";

describe("hasMalformedPercentEncoding", () => {
  it.each([
    { path: "/api/documents/8867559f-3c1a-4a53-9f0e-0d0b9b7a3f10", malformed: false },
    { path: "/", malformed: false },
    { path: "/api/join/ABCDE%2D12345", malformed: false },
    { path: "/api/documents/%20", malformed: false },
    { path: "/api/documents/caf%C3%A9", malformed: false },
    { path: "/api/documents/%F0%9F%98%80", malformed: false },
    { path: "/api/documents/a%2Fb", malformed: false },
    { path: "/api/documents/%zz", malformed: true },
    { path: "/api/documents/%", malformed: true },
    { path: "/api/documents/%4", malformed: true },
    { path: "/api/documents/%E0%A4%A", malformed: true },
    { path: "/api/join/%80", malformed: true },
    { path: "/api/documents/%ED%A0%80", malformed: true }, // an encoded lone surrogate is not UTF-8
    { path: "/documents/%C0%AF", malformed: true }, // an overlong encoding of "/"
    { path: "/teams/%ZZ/audit", malformed: true },
  ])("$path → $malformed", ({ path, malformed }) => {
    expect(hasMalformedPercentEncoding(path)).toBe(malformed);
  });
});
