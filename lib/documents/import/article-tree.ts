/**
 * Reshapes parsed HTML (a hast tree) into what an article holds, before the sanitiser's allow-list
 * (sanitize-html.ts) has the last word:
 * - hidden elements and everything that is not text (scripts, styles, frames, media, forms, navigation) go with
 *   their content;
 * - headings become the article's two levels (h1/h2 → 2, h3–h6 → 3); layout containers and table cells become
 *   blocks; a figure's caption becomes a caption block;
 * - emphasis written as inline styles (as Google Docs and Word paste it) becomes bold/italic, and bold that a style
 *   turns off is no longer bold;
 * - links resolve against the page's URL and keep only http(s)/mailto targets;
 * - quotes and lists nest at most as deep as a document allows (deeper ones become plain blocks).
 * Pure.
 */
import type { Element, ElementContent, Root, RootContent, Text } from "hast";

import { documentNestingMax, isSafeLinkHref } from "@/lib/documents/content-schema";

/** Elements removed with everything inside them: not article text, or never safe. */
export const removedElements = [
  "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "noscript",
  "head", "title", "meta", "link", "base", "form", "input", "button", "select", "option", "optgroup", "textarea",
  "label", "canvas", "video", "audio", "source", "track", "picture", "img", "map", "area", "dialog", "nav", "hr",
  "xmp", "plaintext", "noembed", "noframes", "portal", "slot",
];
const removed = new Set(removedElements);

/** Block containers that are layout, not structure: their content stays, as blocks. */
const layoutBlocks = new Set([
  "article", "section", "main", "header", "footer", "aside", "address", "details", "summary", "dl", "dt", "dd",
  "hgroup", "center", "fieldset", "legend", "table", "thead", "tbody", "tfoot", "caption", "figure", "body", "html",
]);
/** A table row reads as a paragraph of its cells; preformatted text as a paragraph (its spacing collapses). */
const paragraphLike = new Set(["tr", "pre"]);
const tableCells = new Set(["td", "th"]);
const nestingContainers = new Set(["ul", "ol", "blockquote"]);
const controlCharacters = /(?![\t\n\r])\p{Cc}/gu;

function styleOf(element: Element): Map<string, string> {
  const style = element.properties.style;
  const declarations = new Map<string, string>();
  if (typeof style !== "string") return declarations;
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon > 0) declarations.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return declarations;
}

function isHidden(element: Element): boolean {
  const style = styleOf(element);
  return (
    (element.properties.hidden !== undefined && element.properties.hidden !== false) ||
    String(element.properties.ariaHidden) === "true" ||
    style.get("display") === "none" ||
    style.get("visibility") === "hidden"
  );
}

/** The text of a subtree, as it reads. */
export function textContent(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" || node.type === "root") return node.children.map(textContent).join("");
  return "";
}

function element(tagName: string, children: ElementContent[], properties: Element["properties"] = {}): Element {
  return { type: "element", tagName, properties, children };
}

/** Removes what never survives (and control characters that character references produced), in place. */
export function removeNonArticleContent(parent: Root | Element): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === "comment" || child.type === "doctype") continue;
    if (child.type === "text") {
      const value = child.value.replace(controlCharacters, "");
      if (value !== "") kept.push({ ...child, value });
      continue;
    }
    if (child.type !== "element" || removed.has(child.tagName) || isHidden(child)) continue;
    removeNonArticleContent(child);
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
}

/** The first element whose text is the first text of the article, with its parent, or null. */
function findLeadingElement(parent: Root | Element): { element: Element; parent: Root | Element } | null {
  for (const child of parent.children) {
    if (child.type === "text") {
      if (child.value.trim() !== "") return null;
      continue;
    }
    if (child.type !== "element") continue;
    if (child.tagName === "h1") return textContent(child).trim() === "" ? null : { element: child, parent };
    if (textContent(child).trim() === "") continue;
    return findLeadingElement(child);
  }
  return null;
}

function findFirstElement(node: Root | Element, tagName: string): Element | null {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) return child;
    const found = findFirstElement(child, tagName);
    if (found) return found;
  }
  return null;
}

const sameText = (a: string, b: string) => a.replace(/\s+/gu, " ").trim().toLowerCase() === b.replace(/\s+/gu, " ").trim().toLowerCase();

/**
 * The article's title: `knownTitle` (from metadata) when there is one, else a leading `<h1>`'s text, else the first
 * `<h1>`'s. A leading `<h1>` that is the title is taken out of the text (the page shows the title above it).
 */
export function takeTitle(tree: Root, knownTitle: string | null): string | null {
  const leading = findLeadingElement(tree);
  const leadingText = leading ? textContent(leading.element) : null;
  const title = knownTitle ?? leadingText ?? (findFirstElement(tree, "h1") ? textContent(findFirstElement(tree, "h1")!) : null);
  if (leading && leadingText !== null && title !== null && sameText(leadingText, title)) {
    leading.parent.children = leading.parent.children.filter((child) => child !== leading.element) as typeof leading.parent.children;
  }
  return title;
}

/** A link's target made absolute against `baseUrl`, or null when it is not an http(s)/mailto URL. */
export function resolveLinkHref(href: unknown, baseUrl: string | null): string | null {
  if (typeof href !== "string" || href.trim() === "" || href.trim().startsWith("#")) return null;
  let resolved: string;
  try {
    resolved = (baseUrl ? new URL(href.trim(), baseUrl) : new URL(href.trim())).href;
  } catch {
    return null; // A relative link without a page to resolve it against, or no URL at all: its text stays.
  }
  return isSafeLinkHref(resolved) ? resolved : null;
}

function isBold(weight: string | undefined): boolean | null {
  if (weight === undefined) return null;
  if (weight === "bold" || weight === "bolder") return true;
  if (weight === "normal" || weight === "lighter") return false;
  const number = Number(weight);
  return Number.isFinite(number) ? number >= 600 : null;
}

function isItalic(style: string | undefined): boolean | null {
  if (style === undefined) return null;
  return style.startsWith("italic") || style.startsWith("oblique") ? true : style === "normal" ? false : null;
}

/** Emphasis from inline styles: wraps the content in strong/em, or turns a b/i a style cancels into a span. */
function applyInlineStyle(node: Element): void {
  const style = styleOf(node);
  const bold = isBold(style.get("font-weight"));
  const italic = isItalic(style.get("font-style"));
  if (bold === false && (node.tagName === "b" || node.tagName === "strong")) node.tagName = "span";
  if (italic === false && (node.tagName === "i" || node.tagName === "em")) node.tagName = "span";
  if (bold === true && node.tagName !== "b" && node.tagName !== "strong") node.children = [element("strong", node.children)];
  if (italic === true && node.tagName !== "i" && node.tagName !== "em") node.children = [element("em", node.children)];
}

/** Renames and rewraps elements into the article's structure, in place (see the module's comment). */
export function reshapeArticle(parent: Root | Element, baseUrl: string | null, nesting = 0, flattenItems = false): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== "element") {
      children.push(child);
      continue;
    }
    let node: Element = child;
    let depth = nesting;
    let flattenChildItems = false;
    applyInlineStyle(node);
    const name = node.tagName;
    if (name === "h1") node.tagName = "h2";
    else if (name === "h4" || name === "h5" || name === "h6") node.tagName = "h3";
    else if (name === "br") node = element("span", [{ type: "text", value: " " } satisfies Text]);
    else if (layoutBlocks.has(name)) node.tagName = "div";
    else if (paragraphLike.has(name)) node.tagName = "p";
    else if (tableCells.has(name)) node = element("span", [...node.children, { type: "text", value: " " } satisfies Text]);
    else if (name === "li" && flattenItems) node.tagName = "div";
    else if (name === "figcaption") node = element("figure", [element("figcaption", node.children)], { dataType: "caption" });
    else if (name === "a") {
      const href = resolveLinkHref(node.properties.href, baseUrl);
      if (href === null) node.tagName = "span";
      node.properties = href === null ? {} : { href };
    } else if (nestingContainers.has(name)) {
      if (nesting >= documentNestingMax) {
        // Deeper than a document nests: the content stays, as plain blocks.
        flattenChildItems = name !== "blockquote";
        node.tagName = "div";
      } else depth = nesting + 1;
    }
    if (node.tagName === "ol") {
      const start = Number(node.properties.start);
      node.properties = Number.isInteger(start) && start >= 0 && start <= 1_000_000 ? { start } : {};
    }
    const target = node.tagName === "figure" && node.properties.dataType === "caption" ? (node.children[0] as Element) : node;
    reshapeArticle(target, baseUrl, depth, flattenChildItems);
    children.push(node);
  }
  parent.children = children as typeof parent.children;
}
