import { describe, expect, it } from "vitest";

import { getRequestOrigin, isCrossSiteRequest } from "@/lib/security/origin";

describe("isCrossSiteRequest", () => {
  it.each<{ name: string; headers: Record<string, string>; crossSite: boolean }>([
    { name: "same origin", headers: { host: "margin.example", origin: "https://margin.example" }, crossSite: false },
    { name: "same origin behind a proxy", headers: { host: "127.0.0.1:3000", "x-forwarded-host": "margin.example", origin: "https://margin.example" }, crossSite: false },
    { name: "no Origin (curl, scripts)", headers: { host: "margin.example" }, crossSite: false },
    { name: "no Origin, same-origin fetch", headers: { host: "margin.example", "sec-fetch-site": "same-origin" }, crossSite: false },
    { name: "another site", headers: { host: "margin.example", origin: "https://evil.example" }, crossSite: true },
    { name: "another port", headers: { host: "margin.example", origin: "https://margin.example:8443" }, crossSite: true },
    { name: "Origin: null (sandboxed frame, file:)", headers: { host: "margin.example", origin: "null" }, crossSite: true },
    { name: "Origin garbage", headers: { host: "margin.example", origin: "%zz" }, crossSite: true },
    { name: "no Origin, but a cross-site fetch", headers: { host: "margin.example", "sec-fetch-site": "cross-site" }, crossSite: true },
  ])("$name → $crossSite", ({ headers, crossSite }) => {
    expect(isCrossSiteRequest(new Headers(headers))).toBe(crossSite);
  });
});

describe("getRequestOrigin", () => {
  it.each<{ name: string; headers: Record<string, string>; origin: string | null }>([
    { name: "Host alone", headers: { host: "margin.example" }, origin: "http://margin.example" },
    { name: "Host with a port", headers: { host: "127.0.0.1:3000" }, origin: "http://127.0.0.1:3000" },
    { name: "behind a TLS proxy", headers: { host: "127.0.0.1:3000", "x-forwarded-host": "margin.example", "x-forwarded-proto": "https" }, origin: "https://margin.example" },
    { name: "an IPv6 host", headers: { host: "[::1]:3000" }, origin: "http://[::1]:3000" },
    { name: "upper case", headers: { host: "Margin.Example" }, origin: "http://margin.example" },
    { name: "no Host", headers: {}, origin: null },
    { name: "a path in the Host", headers: { host: "evil.example/margin.example" }, origin: null },
    { name: "credentials in the Host", headers: { host: "margin.example@evil.example" }, origin: null },
    { name: "garbage", headers: { host: "%zz" }, origin: null },
  ])("$name → $origin", ({ headers, origin }) => {
    expect(getRequestOrigin(new Headers(headers))).toBe(origin);
  });
});
