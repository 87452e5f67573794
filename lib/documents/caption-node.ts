import { Node, mergeAttributes } from "@tiptap/core";

/** A photo caption block: rendered as a figure caption, holding plain text like a paragraph. */
export const Caption = Node.create({
  name: "caption",
  group: "block",
  content: "inline*",
  defining: true,

  parseHTML() {
    return [{ tag: 'figure[data-type="caption"] > figcaption' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes, { "data-type": "caption", class: "article-caption" }), ["figcaption", 0]];
  },
});
