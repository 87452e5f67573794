import { expect, type APIRequestContext } from "@playwright/test";

/** The article's ProseMirror JSON, as loosely as a test needs it. */
export type JsonNode = { type: string; text?: string; content?: JsonNode[]; [key: string]: unknown };

/** An edit that replaces `from` by `to` in every text node (returns a copy). */
export function replaceText(from: string, to: string): (node: JsonNode) => JsonNode {
  const edit = (node: JsonNode): JsonNode => ({
    ...node,
    ...(node.text === undefined ? {} : { text: node.text.replaceAll(from, to) }),
    ...(node.content ? { content: node.content.map(edit) } : {}),
  });
  return edit;
}

/**
 * Saves a new version of a document through the JSON API, as the editor does (`format: "json"`, the version it
 * started from as `baseVersion`), with `edit` applied to its content. Returns the API's answer and the new text.
 */
export async function saveVersionThroughApi(
  request: APIRequestContext,
  documentId: string,
  edit: (content: JsonNode) => JsonNode,
  note?: string,
): Promise<{ number: number; anchored: number; changed: number; orphaned: number }> {
  const detail = await request.get(`/api/documents/${documentId}`);
  expect(detail.status()).toBe(200);
  const { content, version } = (await detail.json()) as { content: JsonNode; version: number };
  const edited = edit(content);
  expect(JSON.stringify(edited), "the edit changes the article").not.toBe(JSON.stringify(content));
  const response = await request.post(`/api/documents/${documentId}/versions`, { data: { format: "json", content: edited, note, baseVersion: version } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { number: number; anchored: number; changed: number; orphaned: number };
}

/** Creates a claim on `exact` (its first occurrence in the document's current text) through the JSON API. */
export async function claimOnCurrentText(request: APIRequestContext, documentId: string, exact: string): Promise<{ id: string }> {
  const detail = await request.get(`/api/documents/${documentId}`);
  const { text } = (await detail.json()) as { text: string };
  const start = text.indexOf(exact);
  expect(start, `"${exact}" is in the article`).toBeGreaterThanOrEqual(0);
  const response = await request.post(`/api/documents/${documentId}/claims`, {
    data: {
      target: {
        selector: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}
