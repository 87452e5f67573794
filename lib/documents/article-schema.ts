/**
 * The tiptap extensions that define an article's structure: the one schema shared by the reader, the editor
 * (components/editor/) and the server's import (HTML → ProseMirror JSON). It matches lib/documents/content-schema.ts:
 * widen both together. Pure: no React, no DOM at import time.
 */
import Blockquote from "@tiptap/extension-blockquote";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import Heading from "@tiptap/extension-heading";
import Italic from "@tiptap/extension-italic";
import Link from "@tiptap/extension-link";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";

import { Caption } from "@/lib/documents/caption-node";
import { isSafeLinkHref } from "@/lib/documents/content-schema";

/** The heading levels an article holds (the page's own title is the h1). */
export const articleHeadingLevels = [2, 3] as const;

export const articleSchemaExtensions = [
  Document,
  Paragraph,
  Text,
  Heading.configure({ levels: [...articleHeadingLevels] }),
  Caption,
  Blockquote,
  BulletList,
  OrderedList,
  ListItem,
  Bold,
  Italic,
  Link.configure({
    openOnClick: false,
    autolink: false,
    linkOnPaste: false,
    protocols: [],
    isAllowedUri: (url) => isSafeLinkHref(url),
    HTMLAttributes: { rel: "noopener noreferrer nofollow ugc", target: "_blank", class: null },
  }),
];
