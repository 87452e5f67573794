import { expect, type APIRequestContext } from "@playwright/test";

type JsonNode = { type: string; text?: string; content?: JsonNode[]; [key: string]: unknown };

/** The node with `from` replaced by `to` in every text node (a copy). */
function replaceText(node: JsonNode, from: string, to: string): JsonNode {
  return {
    ...node,
    ...(node.text === undefined ? {} : { text: node.text.replaceAll(from, to) }),
    ...(node.content ? { content: node.content.map((child) => replaceText(child, from, to)) } : {}),
  };
}

/**
 * Saves a new version of a document through the JSON API, as the editor does (`format: "json"`, the version it
 * started from as `baseVersion`), with `from` replaced by `to` in its text. Returns the API's answer.
 */
export async function saveVersionThroughApi(
  request: APIRequestContext,
  documentId: string,
  { from, to, note }: { from: string; to: string; note?: string },
): Promise<{ number: number; anchored: number; changed: number; orphaned: number }> {
  const detail = await request.get(`/api/documents/${documentId}`);
  expect(detail.status()).toBe(200);
  const { content, version } = (await detail.json()) as { content: JsonNode; version: number };
  const changed = replaceText(content, from, to);
  expect(JSON.stringify(changed), `"${from}" is in the article`).not.toBe(JSON.stringify(content));
  const response = await request.post(`/api/documents/${documentId}/versions`, { data: { format: "json", content: changed, note, baseVersion: version } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { number: number; anchored: number; changed: number; orphaned: number };
}
