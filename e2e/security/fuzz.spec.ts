import { readFileSync } from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext } from "@playwright/test";

import { databaseRejectedValueReason } from "../../lib/errors";
import { signInThroughApi } from "../fixtures/auth";
import {
  changedTables,
  closeRawConnections,
  createRandom,
  listUnfingerprintedTables,
  sendRaw,
  takeFingerprint,
  type Fingerprint,
  type RawRequest,
  type RawResponse,
} from "../fixtures/fuzz";
import { commentThroughApi, createClaimThroughApi } from "../fixtures/moderation";
import { listRouteMethods } from "../fixtures/routes";
import { expect, test } from "../fixtures/team";

/**
 * Bad input gets a 4xx, never a 5xx, and changes nothing. Every mutating route (checked against the route files,
 * so a new one cannot be left out) gets a deterministic batch of malformed requests: bad JSON, wrong types, huge,
 * negative and fractional numbers, oversized bodies, NUL, control characters and lone surrogates in every text
 * field, malformed, foreign and missing ids in the path, odd content types and query strings. Every answer must be
 * below 500, and a refused one (4xx) must have written nothing: a fingerprint of every content table is taken
 * around each request (e2e/fixtures/fuzz.ts). Text-rule refusals must be a 422 naming the field, and none may be
 * left to the database (lib/errors.ts's safety net). The figures are printed at the end. The server actions get
 * the same treatment in the second test.
 *
 * The cases are the same run after run; MARGIN_FUZZ_SEED picks other random ids and bytes.
 */

const seed = Number(process.env.MARGIN_FUZZ_SEED ?? 20_261_203);

/** What the fuzzed requests act on: a fresh team of the owner's, rebuilt whenever an accepted request changed it. */
type Scene = {
  teamId: string;
  documentId: string;
  documentText: string;
  claimId: string;
  commentId: string;
  evidenceId: string;
  tagId: string;
  inviteId: string;
  inviteCode: string;
  memberId: string;
};

/** Objects of another team (the owner is not in it), for "foreign id" cases. */
type Foreign = Pick<Scene, "teamId" | "documentId" | "claimId" | "commentId" | "evidenceId" | "tagId" | "inviteId" | "memberId" | "inviteCode">;

type FieldKind = "text" | "number" | "id" | "choice" | "list";
type Field = {
  path: (string | number)[];
  kind: FieldKind;
  /** Values particular to this field that must be refused (4xx), beyond those of its kind. */
  refuse?: [name: string, value: unknown][];
};

type RouteSpec = {
  /** "METHOD /api/path/[param]", as e2e/fixtures/routes.ts lists route files. */
  route: string;
  /** Which object of the scene each path parameter names. */
  params?: Record<string, keyof Scene>;
  /** A valid body, which the cases below break one way at a time. */
  body?: (scene: Scene) => Record<string, unknown>;
  fields?: Field[];
  /** The route's body limit (lib/api/route.ts), to send just over it. */
  maxBodyBytes?: number;
  /** An accepted request creates something new and leaves the scene usable; otherwise the scene is rebuilt after one. */
  creates?: boolean;
};

const routes: RouteSpec[] = [
  { route: "POST /api/teams", body: () => ({ name: "Fuzz team" }), fields: [{ path: ["name"], kind: "text" }], creates: true },
  {
    route: "PATCH /api/teams/[teamId]",
    params: { teamId: "teamId" },
    body: () => ({ name: "Fuzz team renamed" }),
    fields: [{ path: ["name"], kind: "text" }],
    creates: true,
  },
  {
    route: "DELETE /api/teams/[teamId]",
    params: { teamId: "teamId" },
    // Never the team's name: the fuzz breaks the request, it does not delete the team on purpose.
    body: () => ({ confirmName: "not the team's name" }),
    fields: [{ path: ["confirmName"], kind: "text" }],
  },
  {
    route: "POST /api/teams/[teamId]/tags",
    params: { teamId: "teamId" },
    body: () => ({ name: "fuzz", color: "#15803d" }),
    fields: [
      { path: ["name"], kind: "text" },
      { path: ["color"], kind: "text" },
    ],
  },
  {
    route: "PATCH /api/tags/[tagId]",
    params: { tagId: "tagId" },
    body: () => ({ name: "fuzzed", color: "#0f766e" }),
    fields: [
      { path: ["name"], kind: "text" },
      { path: ["color"], kind: "text" },
    ],
  },
  { route: "DELETE /api/tags/[tagId]", params: { tagId: "tagId" } },
  {
    route: "POST /api/teams/[teamId]/documents",
    params: { teamId: "teamId" },
    body: () => ({ title: "Fuzz article", text: "date 2021-05 Eerste alinea.\n\nTussenkop\n\nTweede alinea." }),
    fields: [
      { path: ["title"], kind: "text" },
      {
        path: ["text"],
        kind: "text",
        refuse: [
          // The date is metadata: no paragraph would be left (the import threw: a 500).
          ["a date line alone", "date 2020-10"],
          // More blocks than a stored document may have: it was stored (201), then unreadable (422 and a 500 page).
          ["10,001 paragraphs", "a.\n\n".repeat(10_001)],
        ],
      },
    ],
    // importJsonBodyMaxBytes (lib/documents/import/request.ts): 5 MB of content with room for JSON's escapes.
    maxBodyBytes: 5 * 1024 * 1024 * 2 + 64 * 1024,
    creates: true,
  },
  {
    route: "PATCH /api/documents/[documentId]",
    params: { documentId: "documentId" },
    body: () => ({ lang: "nl" }),
    fields: [{ path: ["lang"], kind: "text", refuse: [["not a language tag", "Nederlands"], ["an underscore", "nl_NL"]] }],
    creates: true,
  },
  // The scene's document has no published verdict: publishing is a 409 and unpublishing too, and nothing is written.
  { route: "POST /api/documents/[documentId]/publication", params: { documentId: "documentId" } },
  { route: "DELETE /api/documents/[documentId]/publication", params: { documentId: "documentId" } },
  {
    route: "POST /api/teams/[teamId]/invites",
    params: { teamId: "teamId" },
    body: () => ({ role: "MEMBER", expiresInHours: 24, maxUses: 5 }),
    fields: [
      { path: ["role"], kind: "choice" },
      { path: ["expiresInHours"], kind: "number" },
      { path: ["maxUses"], kind: "number" },
    ],
    creates: true,
  },
  { route: "DELETE /api/invites/[inviteId]", params: { inviteId: "inviteId" } },
  { route: "POST /api/join/[code]", params: { code: "inviteCode" }, creates: true },
  { route: "POST /api/teams/[teamId]/leave", params: { teamId: "teamId" } },
  {
    route: "POST /api/teams/[teamId]/ownership",
    params: { teamId: "teamId" },
    body: (scene) => ({ userId: scene.memberId }),
    fields: [{ path: ["userId"], kind: "id" }],
  },
  {
    route: "PATCH /api/teams/[teamId]/members/[userId]",
    params: { teamId: "teamId", userId: "memberId" },
    body: () => ({ role: "VIEWER" }),
    fields: [{ path: ["role"], kind: "choice" }],
  },
  { route: "DELETE /api/teams/[teamId]/members/[userId]", params: { teamId: "teamId", userId: "memberId" } },
  {
    route: "POST /api/documents/[documentId]/claims",
    params: { documentId: "documentId" },
    body: (scene) => {
      const exact = "Weinig opties";
      const start = scene.documentText.indexOf(exact);
      return {
        target: {
          source: `https://margin.example/documents/${scene.documentId}`,
          selector: [
            { type: "TextQuoteSelector", exact, prefix: scene.documentText.slice(Math.max(0, start - 10), start), suffix: "" },
            { type: "TextPositionSelector", start, end: start + exact.length },
          ],
        },
        tags: ["military"],
        visibility: "team",
      };
    },
    fields: [
      { path: ["target", "source"], kind: "text" },
      { path: ["target", "selector", 0, "exact"], kind: "text" },
      { path: ["target", "selector", 0, "prefix"], kind: "text" },
      { path: ["target", "selector", 0, "suffix"], kind: "text" },
      { path: ["target", "selector", 1, "start"], kind: "number" },
      { path: ["target", "selector", 1, "end"], kind: "number" },
      { path: ["tags", 0], kind: "text" },
      { path: ["tags"], kind: "list" },
      { path: ["visibility"], kind: "choice" },
    ],
    creates: true,
  },
  {
    route: "PATCH /api/claims/[claimId]",
    params: { claimId: "claimId" },
    body: (scene) => ({ tags: ["military", "energy"], visibility: "team", status: "checking", assigneeId: scene.memberId, dueAt: "2026-12-10" }),
    fields: [
      { path: ["tags", 0], kind: "text" },
      { path: ["tags"], kind: "list" },
      { path: ["visibility"], kind: "choice" },
      { path: ["status"], kind: "choice", refuse: [["a status in capitals", "CHECKING"]] },
      { path: ["assigneeId"], kind: "id" },
      {
        path: ["dueAt"],
        kind: "text",
        refuse: [
          ["year 0", "0000-01-01"],
          ["a time without an offset", "2026-12-10T17:00:00"],
          ["a date as JavaScript prints it", "Thu Dec 10 2026"],
          ["the 30th of February", "2026-02-30"],
        ],
      },
    ],
    creates: true,
  },
  { route: "DELETE /api/claims/[claimId]", params: { claimId: "claimId" } },
  {
    route: "POST /api/claims/[claimId]/comments",
    params: { claimId: "claimId" },
    body: (scene) => ({ body: "Fuzz comment", parentId: scene.commentId, mentions: [scene.memberId] }),
    fields: [
      { path: ["body"], kind: "text" },
      { path: ["parentId"], kind: "id" },
      { path: ["mentions"], kind: "list" },
      { path: ["mentions", 0], kind: "id" },
    ],
    creates: true,
  },
  {
    route: "PUT /api/claims/[claimId]/thread",
    params: { claimId: "claimId" },
    body: () => ({ resolved: true }),
    fields: [{ path: ["resolved"], kind: "choice" }],
    creates: true,
  },
  {
    route: "POST /api/claims/[claimId]/evidence",
    params: { claimId: "claimId" },
    body: () => ({ title: "Fuzz source", url: "https://example.org/a", quote: "Fuzz quote", note: "Fuzz note", stance: "supports" }),
    fields: [
      { path: ["title"], kind: "text" },
      {
        path: ["url"],
        kind: "text",
        refuse: [
          ["a javascript: link", "javascript:alert(1)"],
          ["a data: link", "data:text/html,<script>alert(1)</script>"],
          ["a protocol-relative link", "//evil.example"],
        ],
      },
      { path: ["quote"], kind: "text" },
      { path: ["note"], kind: "text" },
      { path: ["stance"], kind: "choice" },
    ],
    creates: true,
  },
  {
    route: "PATCH /api/evidence/[evidenceId]",
    params: { evidenceId: "evidenceId" },
    body: () => ({ title: "Fuzz edit", url: "https://example.org/b", stance: "refutes" }),
    fields: [
      { path: ["title"], kind: "text" },
      { path: ["url"], kind: "text", refuse: [["a javascript: link", "JaVaScRiPt:alert(1)"]] },
      { path: ["stance"], kind: "choice" },
    ],
    creates: true,
  },
  { route: "DELETE /api/evidence/[evidenceId]", params: { evidenceId: "evidenceId" } },
  {
    route: "PATCH /api/comments/[commentId]",
    params: { commentId: "commentId" },
    body: () => ({ body: "Fuzz edit" }),
    fields: [{ path: ["body"], kind: "text" }],
    creates: true,
  },
  { route: "DELETE /api/comments/[commentId]", params: { commentId: "commentId" } },
  {
    route: "POST /api/claims/[claimId]/hide",
    params: { claimId: "claimId" },
    body: () => ({ reason: "Fuzz reason" }),
    fields: [{ path: ["reason"], kind: "text" }],
  },
  { route: "DELETE /api/claims/[claimId]/hide", params: { claimId: "claimId" } },
  {
    route: "POST /api/documents/[documentId]/versions",
    params: { documentId: "documentId" },
    body: (scene) => ({ format: "text", content: `date 2020-10 ${scene.documentText}`, note: "Fuzz version", baseVersion: 1 }),
    fields: [
      { path: ["format"], kind: "choice" },
      { path: ["content"], kind: "text", refuse: [["whitespace only", " \n\n \t"]] },
      { path: ["note"], kind: "text" },
      { path: ["baseVersion"], kind: "number" },
    ],
    // importJsonBodyMaxBytes, as for a new document.
    maxBodyBytes: 5 * 1024 * 1024 * 2 + 64 * 1024,
  },
  {
    route: "POST /api/claims/[claimId]/reattach",
    params: { claimId: "claimId" },
    body: (scene) => {
      const start = scene.documentText.indexOf("Weinig opties");
      return { target: { selector: [{ type: "TextQuoteSelector", exact: "Weinig opties" }, { type: "TextPositionSelector", start, end: start + 13 }] } };
    },
    fields: [
      { path: ["target", "selector", 0, "exact"], kind: "text" },
      { path: ["target", "selector", 1, "start"], kind: "number" },
    ],
  },
  { route: "POST /api/claims/[claimId]/dismiss", params: { claimId: "claimId" } },
  {
    route: "POST /api/comments/[commentId]/hide",
    params: { commentId: "commentId" },
    body: () => ({ reason: "Fuzz reason" }),
    fields: [{ path: ["reason"], kind: "text" }],
  },
  { route: "DELETE /api/comments/[commentId]/hide", params: { commentId: "commentId" } },
  { route: "POST /api/notifications/read", creates: true },
  {
    route: "PUT /api/claims/[claimId]/verdict",
    params: { claimId: "claimId" },
    body: () => ({ rating: "mostly_false", summary: "Fuzz verdict" }),
    fields: [
      { path: ["rating"], kind: "text", refuse: [["a key the scale does not have", "pants_on_fire"]] },
      { path: ["summary"], kind: "text" },
    ],
    creates: true,
  },
  // Publishing changes the claim (its verdict, its status): the scene is rebuilt after an accepted one.
  { route: "POST /api/claims/[claimId]/verdict/publish", params: { claimId: "claimId" } },
  {
    route: "PUT /api/teams/[teamId]/ratings",
    params: { teamId: "teamId" },
    body: () => ({
      ratings: ["true", "mostly_true", "half_true", "mostly_false", "false", "unverifiable"].map((key) => ({ key, label: `Fuzz ${key}`, color: "#475569" })),
    }),
    fields: [
      { path: ["ratings", 0, "key"], kind: "text", refuse: [["a key the scale does not have", "correct"]] },
      { path: ["ratings", 0, "label"], kind: "text" },
      { path: ["ratings", 0, "color"], kind: "text", refuse: [["too light for white text", "#fde047"]] },
      { path: ["ratings"], kind: "list" },
    ],
    creates: true,
  },
];

/** Auth.js's endpoints take forms, not our JSON: they get cases of their own (below). */
const authRoute = "POST /api/auth/[...nextauth]";

/** Reading routes with query parameters (or cookies) of their own, fuzzed too: a query string is input as much as a body. */
const queryRoutes = ["GET /api/documents/[documentId]/events", "GET /api/teams/[teamId]/audit", "GET /api/auth/[...nextauth]"];

type Case = {
  route: string;
  kind: string;
  /** The body field this case breaks, for checking that a 422 names it. */
  field?: string;
  /** Whether the text rule (NUL, control characters, lone surrogates) must be what refuses it, by the field's path. */
  isTextRuleCase?: boolean;
  /** Whether it must be refused (4xx): input that passes no schema a correct server could have. */
  mustRefuse?: boolean;
  build: (context: { scene: Scene; foreign: Foreign; ownerCookie: string }) => RawRequest;
};

const textValues: [string, string][] = [
  ["NUL", "\u0000"],
  ["NUL inside", "fuzz\u0000fuzz"],
  ["lone high surrogate", "\ud800"],
  ["lone low surrogate", "fuzz\udfff"],
  ["high surrogate at the end", "fuzz\ud83d"],
  ["bell", "fu\u0007zz"],
  ["escape sequence", "\u001b[2Jfuzz"],
  ["C1 control", "fu\u0085zz"],
  ["DEL", "fuzz\u007f"],
];
const textRuleValues = new Set(textValues.map(([name]) => name));
const otherTextValues: [string, string][] = [
  ["empty", ""],
  ["blank", " \t\r\n "],
  ["overlong", "x".repeat(50_000)],
  ["emoji, bidi override and a line separator", "🇳🇱 \u202egnp.exe\u2028fuzz"],
];
/** Raw JSON number tokens (some are not representable as a double), and values of the wrong kind. */
const numberTokens = ["-1", "0", "2147483648", "9007199254740993", "1e308", "-1e308", "1.5", "-0", "1e400", '"12"', '"NaN"', '"Infinity"'];
const wrongTypeTokens = ["null", "12345", "true", '{"$gt":""}', '["fuzz"]', '"fuzz"'];

/** Marks a value to be written into the JSON as a raw token (e.g. `1e400`, which no JavaScript number prints as). */
const rawMarker = "@@raw@@";

/** A copy of `body` with the value at `path` replaced; `raw` values go into the JSON as they are (e.g. 1e400). */
function withValue(body: Record<string, unknown>, path: (string | number)[], value: unknown, raw = false): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = raw ? `${rawMarker}${String(value)}` : value;
  return JSON.stringify(copy).replace(new RegExp(`"${rawMarker}((?:[^"\\\\]|\\\\.)*)"`, "gu"), (_match, token: string) => JSON.parse(`"${token}"`) as string);
}

function routePath(route: string, values: Record<string, string>): string {
  return route.split(" ")[1]!.replace(/\[(\w+)\]/gu, (_match, name: string) => values[name] ?? "");
}

function jsonRequest(method: string, path: string, cookie: string, body: string | Buffer, contentType: string | null = "application/json", chunked = false): RawRequest {
  return {
    method,
    path,
    headers: { cookie, ...(contentType ? { "content-type": contentType } : {}) },
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
    chunked,
  };
}

/** Every case for one route, deterministic for a seed. */
function casesFor(spec: RouteSpec, random: ReturnType<typeof createRandom>): Case[] {
  const [method] = spec.route.split(" ") as [string];
  const cases: Case[] = [];
  const validPath = (scene: Scene) =>
    routePath(spec.route, Object.fromEntries(Object.entries(spec.params ?? {}).map(([param, key]) => [param, encodeURIComponent(scene[key])])));
  const validBody = (scene: Scene) => JSON.stringify(spec.body?.(scene) ?? {});
  const add = (kind: string, build: Case["build"], extra: Partial<Case> = {}) => cases.push({ route: spec.route, kind, build, ...extra });
  const send = (path: string, cookie: string, body?: string) =>
    spec.body ? jsonRequest(method, path, cookie, body ?? "{}") : { method, path, headers: { cookie } };

  // Who is asking, and from where.
  add("no session", ({ scene }) => {
    const headers: Record<string, string> = spec.body ? { "content-type": "application/json" } : {};
    return { ...send(validPath(scene), "", validBody(scene)), headers };
  });
  add("another site's Origin", ({ scene, ownerCookie }) => {
    const request = send(validPath(scene), ownerCookie, validBody(scene));
    return { ...request, headers: { ...request.headers, origin: "https://evil.example" } };
  });

  // Malformed, foreign and missing ids in the path, one parameter at a time.
  for (const [param, key] of Object.entries(spec.params ?? {})) {
    const randomId = [8, 4, 4, 4, 12].map((length) => Array.from({ length }, () => "0123456789abcdef"[random.int(16)]).join("")).join("-");
    const variants: [string, (scene: Scene, foreign: Foreign) => string][] = [
      ["malformed", () => "not-a-uuid"],
      ["nil uuid", () => "00000000-0000-0000-0000-000000000000"],
      ["random uuid", () => randomId],
      ["another team's", (_scene, foreign) => encodeURIComponent(foreign[key as keyof Foreign] ?? foreign.teamId)],
      ["upper-case", (scene) => encodeURIComponent(scene[key].toUpperCase())],
      ["trailing %00", (scene) => `${encodeURIComponent(scene[key])}%00`],
      ["malformed percent-encoding", () => "%zz"],
      ["encoded lone surrogate", () => "%ED%A0%80"],
      ["4,000 characters", () => "a".repeat(4000)],
      ["SQL", () => "'%20OR%20'1'%3D'1"],
      ["encoded dot segments", () => "..%2F..%2Fteams"],
    ];
    for (const [name, value] of variants) {
      add(`path ${param}: ${name}`, ({ scene, foreign, ownerCookie }) => {
        const values = Object.fromEntries(Object.entries(spec.params ?? {}).map(([other, otherKey]) => [other, encodeURIComponent(scene[otherKey])]));
        values[param] = value(scene, foreign);
        return send(routePath(spec.route, values), ownerCookie, validBody(scene));
      });
    }
  }

  // Query strings the route does not expect, or cannot decode.
  for (const [name, query] of [
    ["malformed percent-encoding", "?%zz=%E0%A4%A&after=%ff"],
    ["odd paging values", "?after=-1&before=%00&limit=1e400&limit=-5"],
    ["1,000 parameters", `?${Array.from({ length: 1000 }, (_value, index) => `p${index}=${index}`).join("&")}`],
  ] as const) {
    add(`query: ${name}`, ({ scene, ownerCookie }) => send(`${validPath(scene)}${query}`, ownerCookie, validBody(scene)));
  }

  if (!spec.body) {
    // Routes without a body must not care what is sent anyway.
    for (const [name, contentType, body] of [
      ["a JSON body it does not take", "application/json", '{"role":"OWNER","teamId":"00000000-0000-0000-0000-000000000000"}'],
      ["a form body", "application/x-www-form-urlencoded", "a=%00&b=%zz"],
      ["bytes that are not UTF-8", "application/octet-stream", Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0x00])],
    ] as const) {
      add(`unexpected body: ${name}`, ({ scene, ownerCookie }) => jsonRequest(method, validPath(scene), ownerCookie, body, contentType));
    }
    return cases;
  }

  // The body: how it is sent.
  for (const [name, contentType] of [
    ["no Content-Type", null],
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=fuzz"],
    ["XML", "application/xml"],
    ["JSON in UTF-16", "application/json; charset=utf-16"],
  ] as const) {
    add(`content type: ${name}`, ({ scene, ownerCookie }) => jsonRequest(method, validPath(scene), ownerCookie, validBody(scene), contentType));
  }
  // Not JSON at all, or not an object.
  const badJson: [string, string | Buffer][] = [
    ["empty", ""],
    ["unterminated", '{"name":'],
    ["single quotes", "{'name':'x'}"],
    ["trailing comma", '{"name":"x",}'],
    ["a raw control character in a string", '{"name":"a\u0000b"}'],
    ["invalid UTF-8", Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')])],
    ["a byte-order mark, then JSON", "\ufeff{}"],
    ["random bytes", random.bytes(96)],
    ["20,000 levels of nesting", `{"a":${"[".repeat(20_000)}${"]".repeat(20_000)}}`],
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"fuzz"'],
    ["a number", "42"],
  ];
  for (const [name, body] of badJson) add(`body: ${name}`, ({ scene, ownerCookie }) => jsonRequest(method, validPath(scene), ownerCookie, body));
  // Over the limit: declared, and streamed without a Content-Length.
  const limit = spec.maxBodyBytes ?? 64 * 1024;
  add("body: just over the limit", ({ scene, ownerCookie }) =>
    jsonRequest(method, validPath(scene), ownerCookie, JSON.stringify({ ...(spec.body?.(scene) ?? {}), padding: "x".repeat(limit) })),
  );
  add("body: 3 MiB, streamed without a length", ({ scene, ownerCookie }) =>
    jsonRequest(method, validPath(scene), ownerCookie, JSON.stringify({ ...(spec.body?.(scene) ?? {}), padding: "é".repeat(1.5 * 1024 * 1024) }), "application/json", true),
  );
  add("body: forged fields and prototype keys", ({ scene, ownerCookie }) =>
    jsonRequest(
      method,
      validPath(scene),
      ownerCookie,
      JSON.stringify({ ...(spec.body?.(scene) ?? {}), authorId: "00000000-0000-0000-0000-000000000000", teamId: "x", role: "OWNER" }).replace(/^\{/u, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}},'),
    ),
  );

  // Every field, broken one way at a time.
  for (const field of spec.fields ?? []) {
    const fieldPath = field.path.join(".");
    const mutate = (kind: string, value: unknown, raw: boolean, extra: Partial<Case> = {}) =>
      add(`${fieldPath}: ${kind}`, ({ scene, ownerCookie }) => jsonRequest(method, validPath(scene), ownerCookie, withValue(spec.body!(scene), field.path, value, raw)), {
        field: fieldPath,
        ...extra,
      });
    if (field.kind === "text") {
      for (const [name, value] of [...textValues, ...otherTextValues]) mutate(name, value, false, { isTextRuleCase: textRuleValues.has(name), mustRefuse: textRuleValues.has(name) });
    }
    for (const [name, value] of field.refuse ?? []) mutate(name, value, false, { mustRefuse: true });
    if (field.kind === "number") for (const token of numberTokens) mutate(token, token, true);
    if (field.kind === "id") {
      for (const value of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "\u0000", "\ud800"]) mutate(JSON.stringify(value), value, false);
    }
    if (field.kind === "choice") for (const value of ["owner", "OWNER", "\u0000", "public", "x".repeat(10_000)]) mutate(JSON.stringify(value).slice(0, 20), value, false);
    if (field.kind === "list") {
      mutate("1,000 items", Array.from({ length: 1000 }, (_value, index) => `tag${index}`), false);
      mutate("nested lists", [[["military"]]], false);
    }
    // The wrong kind of value: two of them, picked by the seed.
    const wrong = [...wrongTypeTokens].filter((token) => !(field.kind === "text" || field.kind === "id" || field.kind === "choice") || token !== '"fuzz"');
    for (let index = 0; index < 2; index += 1) {
      const token = wrong.splice(random.int(wrong.length), 1)[0]!;
      mutate(`wrong type ${token}`, token, true);
    }
  }
  return cases;
}

/** Auth.js's POST endpoints: forged, malformed and oversized sign-ins and sign-outs (no valid CSRF token, ever). */
function authCases(random: ReturnType<typeof createRandom>): Case[] {
  const email = () => `fuzz.${random.int(1e9)}@example.test`;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const cases: [string, () => RawRequest][] = [
    ["credentials: forged CSRF token", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form({ csrfToken: "forged", email: email(), password: "margin-demo" })) })],
    ["credentials: NUL in the email", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form({ csrfToken: "x", email: `a\u0000${email()}`, password: "x" })) })],
    ["credentials: malformed percent-encoding", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("csrfToken=%zz&email=%E0%A4%A&password=%ED%A0%80") })],
    ["credentials: JSON with a lone surrogate", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ csrfToken: "x", email: `\ud800${email()}`, password: "\ud800" })) })],
    ["credentials: bad JSON", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/json" }, body: Buffer.from('{"email":') })],
    ["credentials: multipart", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "multipart/form-data; boundary=fuzz" }, body: Buffer.from("--fuzz\r\nbroken") })],
    ["credentials: no Content-Type", () => ({ method: "POST", path: "/api/auth/callback/credentials", body: random.bytes(64) })],
    ["credentials: 2 MiB form", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form({ email: email(), password: "x".repeat(2 * 1024 * 1024) })) })],
    ["credentials: an email of 10,000 characters", () => ({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form({ csrfToken: "x", email: `${"a".repeat(10_000)}@example.test`, password: "x" })) })],
    ["sign-out: forged CSRF token", () => ({ method: "POST", path: "/api/auth/signout", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form({ csrfToken: "forged" })) })],
    ["session: POST junk", () => ({ method: "POST", path: "/api/auth/session", headers: { "content-type": "application/json" }, body: Buffer.from('{"data":{"user":{"id":"x"}}}') })],
    ["unknown action", () => ({ method: "POST", path: "/api/auth/fuzz", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("a=b") })],
    ["unknown provider", () => ({ method: "POST", path: "/api/auth/signin/fuzz", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("csrfToken=x") })],
    ["unknown callback", () => ({ method: "POST", path: "/api/auth/callback/%F0%9F%98%80", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("csrfToken=x") })],
    ["malformed percent-encoding in the path", () => ({ method: "POST", path: "/api/auth/callback/%zz", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("csrfToken=x") })],
    ["query junk", () => ({ method: "POST", path: "/api/auth/callback/credentials?callbackUrl=%zz&error=%00", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("csrfToken=x") })],
  ];
  return cases.map(([kind, build]) => ({ route: authRoute, kind, build: () => build() }));
}

/** `?after=` / `Last-Event-ID` on the live stream and `?before=` on the audit log. */
function queryCases(): Case[] {
  const cases: Case[] = [];
  for (const after of ["-1", "1.5", "1e400", "9007199254740993", "0x10", "%zz", "%00", "abc", "", "%20", "1e3"]) {
    cases.push({
      route: queryRoutes[0]!,
      kind: `?after=${after}`,
      build: ({ scene, ownerCookie }) => ({ method: "GET", path: `/api/documents/${scene.documentId}/events?after=${after}`, headers: { cookie: ownerCookie } }),
    });
  }
  for (const lastEventId of ["-5", "NaN", "99999999999999999999", "\u0000"]) {
    cases.push({
      route: queryRoutes[0]!,
      kind: `Last-Event-ID ${JSON.stringify(lastEventId)}`,
      build: ({ scene, ownerCookie }) => ({ method: "GET", path: `/api/documents/${scene.documentId}/events`, headers: { cookie: ownerCookie, "last-event-id": lastEventId.replace("\u0000", "%00") } }),
    });
  }
  const id = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";
  for (const before of [
    `-271821-04-20T00:00:00.000Z_${id}`,
    `%2B275760-09-13T00:00:00.000Z_${id}`,
    `0000-01-01T00:00:00.000Z_${id}`,
    `2026-02-31T00:00:00Z_${id}`,
    `2026-01-01T00:00:00Z_not-an-id`,
    "%zz",
    "%00",
    "_",
    "x".repeat(5000),
  ]) {
    cases.push({
      route: queryRoutes[1]!,
      kind: `?before=${before.slice(0, 40)}`,
      build: ({ scene, ownerCookie }) => ({ method: "GET", path: `/api/teams/${scene.teamId}/audit?before=${before}&limit=-1`, headers: { cookie: ownerCookie } }),
    });
  }
  const authQuery = (kind: string, path: string, cookie = "") =>
    cases.push({ route: queryRoutes[2]!, kind, build: () => ({ method: "GET", path, headers: cookie ? { cookie } : undefined }) });
  authQuery("session ?callbackUrl=x", "/api/auth/session?callbackUrl=x");
  authQuery("csrf ?callbackUrl=%zz", "/api/auth/csrf?callbackUrl=%zz");
  authQuery("providers ?callbackUrl=http://[", "/api/auth/providers?callbackUrl=http%3A%2F%2F%5B");
  authQuery("session with a callback-url cookie that is no URL", "/api/auth/session", "authjs.callback-url=javascript%3Aalert(1)");
  authQuery("sign-in page ?callbackUrl=//evil.example", "/api/auth/signin?callbackUrl=%2F%2Fevil.example");
  return cases;
}

type Outcome = {
  route: string;
  kind: string;
  status: number;
  code?: string;
  reason?: string;
  wrote: string[];
  namesField?: boolean;
  isTextRuleCase?: boolean;
  mustRefuse?: boolean;
  /** The start of the answer, to tell what went wrong. */
  answer: string;
  /** A 4xx of Margin's own API without its JSON error body (`{ error: { code, message } }`). */
  isBareError: boolean;
};

type TestUser = Awaited<ReturnType<(typeof import("../../lib/testing/factories"))["unsafeCreateUser"]>>;

/**
 * What both tests need: the database, an owner (signed in, with the Cookie header of that session), a member, a
 * way to build a fresh scene of the owner's, and another team's objects. `close()` ends the browser contexts.
 */
async function prepareFuzz(browser: Browser) {
  const { getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUser } = await import("../../lib/testing/factories");
  const db = getTestDb();
  const owner = await unsafeCreateUser("Fuzz Owner");
  const member = await unsafeCreateUser("Fuzz Member");
  const stranger = await unsafeCreateUser("Fuzz Stranger");
  const contexts: BrowserContext[] = [];
  async function signIn(user: TestUser) {
    const context = await browser.newContext();
    contexts.push(context);
    await signInThroughApi(context, user);
    return context;
  }
  const ownerContext = await signIn(owner);
  const ownerCookie = (await ownerContext.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

  async function buildScene(users: { owner: TestUser; member: TestUser } = { owner, member }, api = ownerContext.request): Promise<Scene> {
    const team = await unsafeCreateTeamWithArticle([
      [users.owner, "OWNER"],
      [users.member, "MEMBER"],
    ]);
    const claim = await createClaimThroughApi(api, { ...team, alice: users.owner, bob: users.member, documentUrl: "" }, "Weinig opties", ["military"]);
    const comment = await commentThroughApi(api, claim.id, "Fuzz thread");
    const evidenceResponse = await api.post(`/api/claims/${claim.id}/evidence`, { data: { title: "Fuzz source", stance: "context" } });
    expect(evidenceResponse.status()).toBe(201);
    const evidence = (await evidenceResponse.json()) as { id: string };
    const inviteResponse = await api.post(`/api/teams/${team.teamId}/invites`, { data: { role: "MEMBER", maxUses: 1 } });
    expect(inviteResponse.status()).toBe(201);
    const invite = (await inviteResponse.json()) as { id: string; code: string };
    return {
      teamId: team.teamId,
      documentId: team.documentId,
      documentText: team.documentText,
      claimId: claim.id,
      commentId: comment.id,
      evidenceId: evidence.id,
      tagId: team.tagIds.military!,
      inviteId: invite.id,
      inviteCode: invite.code,
      memberId: users.member.userId,
    };
  }

  // Another team, of the stranger's, with objects of every kind.
  const strangerContext = await signIn(stranger);
  const foreign: Foreign = await buildScene({ owner: stranger, member: await unsafeCreateUser("Fuzz Stranger's Member") }, strangerContext.request);

  const close = async () => {
    closeRawConnections();
    for (const context of contexts) await context.close();
  };
  return { db, owner, ownerCookie, buildScene, foreign, close };
}

test("bad input gets a 4xx, never a 5xx, and a refused request writes nothing", async ({ browser }) => {
  test.setTimeout(600_000);
  const baseURL = test.info().project.use.baseURL!;

  // Every mutating route is fuzzed (a new route file fails this until it has a row above).
  const mutating = listRouteMethods().filter((method) => !method.startsWith("GET "));
  expect([...routes.map((spec) => spec.route), authRoute].sort()).toEqual(mutating.sort());
  expect(listRouteMethods()).toEqual(expect.arrayContaining(queryRoutes));
  const { db, ownerCookie, buildScene, foreign, close } = await prepareFuzz(browser);
  // Every table is in the fingerprint, or left out with a reason (e2e/fixtures/fuzz.ts).
  expect(await listUnfingerprintedTables(db)).toEqual([]);

  const random = createRandom(seed);
  const cases = [...routes.flatMap((spec) => casesFor(spec, random)), ...authCases(random), ...queryCases()];
  const specs = new Map(routes.map((spec) => [spec.route, spec]));

  let scene = await buildScene();
  let scenesBuilt = 1;
  let before: Fingerprint = await takeFingerprint(db);
  const outcomes: Outcome[] = [];
  const started = Date.now();
  for (const fuzzCase of cases) {
    let response: RawResponse;
    const request = fuzzCase.build({ scene, foreign, ownerCookie });
    try {
      response = await sendRaw(baseURL, request);
    } catch (error) {
      response = { status: 0, contentType: "", text: String(error) };
    }
    const after = await takeFingerprint(db);
    let payload: { error?: { code?: string; details?: { reason?: string; issues?: { path: string }[] } } } | null = null;
    try {
      payload = response.contentType.includes("json") ? JSON.parse(response.text) : null;
    } catch {
      payload = null;
    }
    const isRefused = response.status >= 400 || fuzzCase.route === authRoute || queryRoutes.includes(fuzzCase.route);
    outcomes.push({
      route: fuzzCase.route,
      kind: fuzzCase.kind,
      status: response.status,
      code: payload?.error?.code,
      reason: payload?.error?.details?.reason,
      wrote: isRefused ? changedTables(before, after) : [],
      namesField: fuzzCase.field ? (payload?.error?.details?.issues ?? []).some((issue) => issue.path === fuzzCase.field) : undefined,
      isTextRuleCase: fuzzCase.isTextRuleCase,
      mustRefuse: fuzzCase.mustRefuse,
      answer: response.text.slice(0, 200),
      isBareError: response.status >= 400 && !fuzzCase.route.includes("/api/auth/") && typeof payload?.error?.code !== "string",
    });
    before = after;
    // An accepted request may have used up the scene (deleted the claim, hidden it, transferred the team…).
    const spec = specs.get(fuzzCase.route);
    if (response.status >= 200 && response.status < 300 && spec && !spec.creates && request.method !== "GET") {
      scene = await buildScene();
      scenesBuilt += 1;
      before = await takeFingerprint(db);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await close();

  // The figures.
  const histogram = new Map<string, number>();
  for (const outcome of outcomes) histogram.set(String(outcome.status), (histogram.get(String(outcome.status)) ?? 0) + 1);
  const perRoute = new Map<string, number>();
  for (const outcome of outcomes) perRoute.set(outcome.route, (perRoute.get(outcome.route) ?? 0) + 1);
  const serverErrors = outcomes.filter((outcome) => outcome.status >= 500 || outcome.status === 0);
  const refusedWrites = outcomes.filter((outcome) => outcome.wrote.length > 0);
  const databaseRefusals = outcomes.filter((outcome) => outcome.reason === databaseRejectedValueReason);
  const textRuleRefusals = outcomes.filter((outcome) => outcome.isTextRuleCase);
  const textRuleUnnamed = textRuleRefusals.filter((outcome) => outcome.status !== 422 || !outcome.namesField);
  const acceptedButMustRefuse = outcomes.filter((outcome) => outcome.mustRefuse && outcome.status < 400);
  const bareErrors = outcomes.filter((outcome) => outcome.isBareError);
  const mutatingCount = outcomes.filter((outcome) => !queryRoutes.includes(outcome.route)).length;
  const figures = {
    seed,
    requests: outcomes.length,
    mutatingRoutes: perRoute.size - queryRoutes.length,
    requestsToMutatingRoutes: mutatingCount,
    requestsToReadingRoutesQueryStrings: outcomes.length - mutatingCount,
    statusHistogram: Object.fromEntries([...histogram].sort()),
    serverErrors: serverErrors.length,
    refusedRequestsThatWrote: refusedWrites.length,
    refusedByTheDatabaseInsteadOfASchema: databaseRefusals.length,
    textRuleCases: textRuleRefusals.length,
    textRuleCasesNotA422NamingTheField: textRuleUnnamed.length,
    acceptedThatMustBeRefused: acceptedButMustRefuse.length,
    errorsWithoutAJsonBody: bareErrors.length,
    accepted: outcomes.filter((outcome) => outcome.status >= 200 && outcome.status < 400).length,
    scenesBuilt,
    seconds: Math.round(seconds),
    perRoute: Object.fromEntries([...perRoute].sort()),
  };
  console.log(
    [
      `Fuzz (seed ${seed}): ${figures.requests} requests in ${figures.seconds} s — ${figures.requestsToMutatingRoutes} to ${figures.mutatingRoutes} mutating routes, ${figures.requestsToReadingRoutesQueryStrings} query strings to ${queryRoutes.length} reading routes`,
      `  status histogram: ${Object.entries(figures.statusHistogram).map(([status, count]) => `${status}×${count}`).join(", ")}`,
      `  5xx (or no answer): ${figures.serverErrors}`,
      `  refused requests that wrote something: ${figures.refusedRequestsThatWrote}`,
      `  refused by the database instead of a schema: ${figures.refusedByTheDatabaseInsteadOfASchema}`,
      `  NUL/control/surrogate cases: ${figures.textRuleCases}, not a 422 naming the field: ${figures.textRuleCasesNotA422NamingTheField}`,
      `  accepted although they must be refused: ${figures.acceptedThatMustBeRefused}`,
      `  API errors without a JSON error body: ${figures.errorsWithoutAJsonBody}`,
      `  accepted (2xx/3xx): ${figures.accepted}; scenes built: ${figures.scenesBuilt}`,
      "  per route:",
      ...Object.entries(figures.perRoute).map(([route, count]) => `    ${String(count).padStart(4)}  ${route}`),
    ].join("\n"),
  );
  await test.info().attach("fuzz-figures.json", { body: JSON.stringify({ ...figures, serverErrors, refusedWrites, databaseRefusals, textRuleUnnamed, acceptedButMustRefuse, bareErrors }, null, 2), contentType: "application/json" });

  expect(figures.requestsToMutatingRoutes).toBeGreaterThanOrEqual(400);
  expect(serverErrors.map(({ route, kind, status, answer }) => `${status} ${route} — ${kind}: ${answer}`)).toEqual([]);
  expect(refusedWrites.map(({ route, kind, status, wrote }) => `${status} ${route} — ${kind}: wrote ${wrote.join(", ")}`)).toEqual([]);
  expect(databaseRefusals.map(({ route, kind }) => `${route} — ${kind}`)).toEqual([]);
  expect(textRuleUnnamed.map(({ route, kind, status }) => `${status} ${route} — ${kind}`)).toEqual([]);
  expect(acceptedButMustRefuse.map(({ route, kind, status }) => `${status} ${route} — ${kind}`)).toEqual([]);
  expect(bareErrors.map(({ route, kind, status, answer }) => `${status} ${route} — ${kind}: ${answer}`)).toEqual([]);
});

/**
 * Server actions are entry points too: a client can call any of them with any arguments, not only what its form
 * sends. Each one gets well-formed calls (React's reply encoding, as the browser sends it) with malformed values:
 * forged or missing arguments, malformed and foreign ids, control characters and overlong text in every form
 * field, no session, another site's Origin. None may answer 5xx, and since every call is invalid, none may write.
 * (Malformed encodings, such as a body that is not React's reply format, are Next's own to refuse: it answers
 * those 500 before any code of ours runs, so they are not sent here.)
 */
type ActionSpec = {
  /** The exported name, as the build's server-reference manifest lists it. */
  name: string;
  /** Arguments before the form: ids the component binds or passes, from the scene. */
  leading?: (scene: Scene) => unknown[];
  /** The form it takes (a FormData, last), after the previous state when used with useActionState. */
  form?: { withState: boolean; fields: (scene: Scene) => Record<string, string> };
  /** Public actions (sign-in, sign-up) are called without a session anyway. */
  isPublic?: boolean;
  /** Sign-out actions are called only without a session: with one they would end the fuzz's own. */
  isSignOut?: boolean;
  /** Every field has a default, so a form without fields is a valid call (and is not sent: it would write). */
  isEmptyFormValid?: boolean;
};

const serverActions: ActionSpec[] = [
  { name: "signInAction", isPublic: true, form: { withState: true, fields: () => ({ email: "fuzz.sign-in@example.test", password: "not the password", callbackUrl: "/documents" }) } },
  // Every call is invalid by design, so that none may write: each base form is refused as it is (here the password
  // is too short), and each case breaks it further.
  { name: "signUpAction", isPublic: true, form: { withState: true, fields: () => ({ name: "Fuzz", email: "fuzz.sign-up@example.test", password: "short" }) } },
  { name: "signInWithProviderAction", isPublic: true, form: { withState: false, fields: () => ({ provider: "github", callbackUrl: "/documents" }) } },
  { name: "signOutAction", isSignOut: true },
  { name: "signOutEverywhereAction", isSignOut: true },
  { name: "endSessionAction", form: { withState: true, fields: () => ({ sessionId: "00000000-0000-0000-0000-000000000000" }) } },
  { name: "createTeamAction", form: { withState: true, fields: () => ({ name: "\u0000" }) } },
  { name: "renameTeamAction", leading: (scene) => [scene.teamId], form: { withState: true, fields: () => ({ name: "\u0000" }) } },
  { name: "deleteTeamAction", leading: (scene) => [scene.teamId], form: { withState: true, fields: () => ({ confirmName: "not the team's name" }) } },
  { name: "changeRoleAction", leading: (scene) => [scene.teamId, scene.memberId], form: { withState: true, fields: () => ({ role: "OWNER" }) } },
  { name: "removeMemberAction", leading: () => ["00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"] },
  { name: "leaveTeamAction", leading: (scene) => [scene.teamId] },
  { name: "transferOwnershipAction", leading: (scene) => [scene.teamId], form: { withState: true, fields: () => ({ userId: "not-a-uuid" }) } },
  {
    name: "createInviteAction",
    leading: (scene) => [scene.teamId],
    form: { withState: true, fields: () => ({ role: "OWNER", expiresInHours: "24", maxUses: "5" }) },
    isEmptyFormValid: true,
  },
  { name: "revokeInviteAction", leading: (scene) => [scene.teamId, "00000000-0000-0000-0000-000000000000"] },
  { name: "joinTeamAction", leading: () => ["00000-00000"] },
];

type ManifestEntry = { exportedName?: string; filename?: string; workers: Record<string, unknown> };

/** The build's server actions by exported name: their id and the pages they can be posted to. */
function readServerActions(): Map<string, { id: string; file: string; pages: string[] }> {
  const manifestPath = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = new Map<string, { id: string; file: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.exportedName || !entry.filename || !/^app\/.*actions\.ts$/u.test(entry.filename)) continue;
    // "app/(app)/teams/[teamId]/settings/page" → "/teams/[teamId]/settings"
    const pages = Object.keys(entry.workers).map((worker) =>
      `/${worker.replace(/^app\//u, "").replace(/\/page$/u, "").split("/").filter((segment) => !/^\(.*\)$/u.test(segment)).join("/")}`.replace(/\/$/u, "") || "/",
    );
    found.set(entry.exportedName, { id, file: entry.filename, pages });
  }
  return found;
}

/** A call as React's client encodes it (encodeReply): JSON arguments, with a form as multipart fields "_1_…". */
function encodeActionCall(args: unknown[], form?: Record<string, string>): { contentType: string; body: Buffer } {
  if (!form) return { contentType: "text/plain;charset=UTF-8", body: Buffer.from(JSON.stringify(args), "utf8") };
  const boundary = "----MarginFuzzBoundary";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fields = Object.entries(form).map(([name, value]) => part(`_1_${name}`, value));
  const root = part("0", JSON.stringify([...args, "$K1"]));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${fields.join("")}${root}--${boundary}--\r\n`, "utf8") };
}

test("server actions: forged and malformed calls never get a 5xx, and write nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const baseURL = test.info().project.use.baseURL!;
  const built = readServerActions();
  // Every server action of app/**/actions.ts is called (a new one fails this until it has a row above).
  expect([...built.keys()].sort()).toEqual(serverActions.map((spec) => spec.name).sort());
  const { db, ownerCookie, buildScene, foreign, close } = await prepareFuzz(browser);
  const scene = await buildScene();

  type ActionCase = { action: string; kind: string; cookie: string; origin?: string; args: unknown[]; form?: Record<string, string> };
  const cases: ActionCase[] = [];
  for (const spec of serverActions) {
    const leading = spec.leading?.(scene) ?? [];
    const fields = spec.form?.fields(scene);
    const state = spec.form?.withState ? [{}] : [];
    const cookie = spec.isPublic || spec.isSignOut ? "" : ownerCookie;
    const add = (kind: string, args: unknown[], form = fields, extra: Partial<ActionCase> = {}) => cases.push({ action: spec.name, kind, cookie, args, form, ...extra });
    add("as the form sends it", [...leading, ...state]);
    if (!spec.isPublic && !spec.isSignOut) add("no session", [...leading, ...state], fields, { cookie: "" });
    add("another site's Origin", [...leading, ...state], fields, { origin: "https://evil.example" });
    // Forged argument lists: none, nulls, numbers, lone surrogates, and the form as a plain object.
    add("no arguments", [], undefined);
    add("nulls", [null, null, null, null], undefined);
    add("numbers", [42, 42, 42, 42], undefined);
    add("lone surrogates and NUL", ["\ud800", "\u0000", "\udfff", "\u0000"], undefined);
    if (fields && !spec.isEmptyFormValid) add("the form as a plain object", [...leading, ...state, Object.fromEntries(Object.keys(fields).map((name) => [name, "\ud800"]))], undefined);
    // Each leading argument (an id or a code), broken one at a time.
    leading.forEach((_value, index) => {
      for (const [name, value] of [
        ["malformed", "not-a-uuid"],
        ["NUL", "\u0000"],
        ["lone surrogate", "\ud800"],
        ["a number", 42],
        ["null", null],
        ["an object", { id: scene.teamId }],
        ["another team's", foreign.teamId],
      ] as const) {
        const args = [...leading];
        args[index] = value;
        add(`argument ${index + 1}: ${name}`, [...args, ...state]);
      }
    });
    // Each form field, broken one at a time (a form carries UTF-8: lone surrogates cannot travel in one).
    for (const field of Object.keys(fields ?? {})) {
      for (const [name, value] of [
        ["NUL inside", "fuzz\u0000fuzz"],
        ["bell", "fu\u0007zz"],
        ["C1 control", "fu\u0085zz"],
        ["100,000 characters", "x".repeat(100_000)],
        ["empty", ""],
      ] as const) {
        add(`${field}: ${name}`, [...leading, ...state], { ...fields, [field]: value });
      }
    }
  }

  type ActionOutcome = { action: string; kind: string; status: number; wrote: string[]; answer: string };
  const outcomes: ActionOutcome[] = [];
  let before = await takeFingerprint(db);
  for (const actionCase of cases) {
    const { id, pages } = built.get(actionCase.action)!;
    const page = pages[0]!.replace(/\[(\w+)\]/gu, (_match, name: string) => encodeURIComponent(name === "code" ? scene.inviteCode : name === "documentId" ? scene.documentId : scene.teamId));
    const { contentType, body } = encodeActionCall(actionCase.args, actionCase.form);
    const headers: Record<string, string> = { "next-action": id, accept: "text/x-component", "content-type": contentType };
    if (actionCase.cookie) headers.cookie = actionCase.cookie;
    if (actionCase.origin) headers.origin = actionCase.origin;
    let response: RawResponse;
    try {
      response = await sendRaw(baseURL, { method: "POST", path: page, headers, body });
    } catch (error) {
      response = { status: 0, contentType: "", text: String(error) };
    }
    const after = await takeFingerprint(db);
    outcomes.push({
      action: actionCase.action,
      kind: actionCase.kind,
      status: response.status,
      wrote: changedTables(before, after),
      answer: response.text.slice(0, 200),
    });
    before = after;
  }
  await close();

  const histogram = new Map<string, number>();
  for (const outcome of outcomes) histogram.set(String(outcome.status), (histogram.get(String(outcome.status)) ?? 0) + 1);
  const serverErrors = outcomes.filter((outcome) => outcome.status >= 500 || outcome.status === 0);
  const writes = outcomes.filter((outcome) => outcome.wrote.length > 0);
  // 404/409 "Server Action unavailable" would mean the call never reached the action: the harness is wrong.
  const unreached = outcomes.filter((outcome) => outcome.answer.startsWith("Server Action unavailable") || outcome.answer.startsWith("Invalid Server Action"));
  console.log(
    [
      `Server actions (${serverActions.length}): ${outcomes.length} calls`,
      `  status histogram: ${[...histogram].sort().map(([status, count]) => `${status}×${count}`).join(", ")}`,
      `  5xx (or no answer): ${serverErrors.length}`,
      `  invalid calls that wrote something: ${writes.length}`,
      `  calls that did not reach their action: ${unreached.length}`,
    ].join("\n"),
  );
  expect(outcomes.length).toBeGreaterThanOrEqual(200);
  expect(unreached.map(({ action, kind, answer }) => `${action} — ${kind}: ${answer}`)).toEqual([]);
  expect(serverErrors.map(({ action, kind, status, answer }) => `${status} ${action} — ${kind}: ${answer}`)).toEqual([]);
  expect(writes.map(({ action, kind, wrote }) => `${action} — ${kind}: wrote ${wrote.join(", ")}`)).toEqual([]);
});
