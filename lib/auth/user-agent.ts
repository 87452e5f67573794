import Bowser from "bowser";

/** What a person recognises a signed-in browser by: "Firefox on Windows", "Safari on iPhone". */
export type DeviceDescription = {
  /** e.g. "Chrome on Linux"; "Unknown browser" when the user agent says nothing useful. */
  label: string;
  /** "desktop", "mobile", "tablet", … or null. */
  platform: string | null;
};

/**
 * Describes a stored User-Agent header with bowser. The header is whatever the client sent: shown as a hint
 * to the person, never trusted for anything.
 */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  const trimmed = userAgent?.trim();
  if (!trimmed) return { label: "Unknown browser", platform: null };
  const { browser, os, platform } = Bowser.parse(trimmed);
  const browserName = browser.name || null;
  // "iPhone"/"iPad" say more than "iOS"; otherwise the operating system's name.
  const where = platform.model && /^(iPhone|iPad|iPod)$/u.test(platform.model) ? platform.model : os.name || null;
  const label = browserName && where ? `${browserName} on ${where}` : (browserName ?? (where ? `Browser on ${where}` : "Unknown browser"));
  return { label, platform: platform.type ?? null };
}
