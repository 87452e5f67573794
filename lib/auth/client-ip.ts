import { isIP } from "node:net";

/**
 * The client's IP address, for rate limiting only (never for authorisation), or null when unknown.
 *
 * Trust assumption: Margin runs behind one reverse proxy (or load balancer) that sets `X-Forwarded-For` to the
 * client's address, replacing whatever the client sent (nginx: `proxy_set_header X-Forwarded-For $remote_addr;`),
 * or sets `X-Real-IP`. Without a proxy, `next start` fills `X-Forwarded-For` with the socket's address only when
 * the request has none, so a client talking to Next directly can choose its own "IP": the per-IP limits are then
 * advisory, while the per-account limits still hold.
 *
 * IPv6 addresses are reduced to their /64 network, because one subscriber usually holds a whole /64 and could
 * otherwise rotate through addresses to dodge a per-address limit. IPv4-mapped IPv6 becomes plain IPv4.
 */
export function getClientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0];
  return normalizeIp(forwarded) ?? normalizeIp(headers.get("x-real-ip"));
}

function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234": drop the port some proxies append.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/u.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/u.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/iu.exec(value);
  if (mapped?.[1]) return mapped[1];
  return `${expandIpv6(value).slice(0, 4).join(":")}::/64`;
}

/** The eight hextets of an IPv6 address (valid per `isIP`), lower-case, without leading zeros. */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split("%")[0] ?? address;
  const [head = "", tail] = withoutZone.toLowerCase().split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const headParts = parse(head);
  const tailParts = tail === undefined ? [] : parse(tail);
  // An embedded IPv4 tail ("::1.2.3.4") counts as two hextets.
  const count = (parts: string[]) => parts.reduce((sum, part) => sum + (part.includes(".") ? 2 : 1), 0);
  const zeros = Array.from({ length: 8 - count(headParts) - count(tailParts) }, () => "0");
  return [...headParts, ...zeros, ...tailParts].map((part) => (part.includes(".") ? part : part.replace(/^0+(?=.)/u, "")));
}
