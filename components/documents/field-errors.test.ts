import { describe, expect, it } from "vitest";

import { toFormFailure } from "@/components/documents/field-errors";
import { ApiError } from "@/lib/api/client";
import type { Translate } from "@/lib/i18n/localized-message";

const translate: Translate = (key, values) => `${key}${values ? JSON.stringify(values) : ""}`;
const shown = ["title", "sourceUrl", "paste"] as const;

describe("toFormFailure", () => {
  it("puts each field's message beside its field, renaming through the aliases", () => {
    const error = new ApiError(422, "validation_failed", "Give the document a title", {
      fields: { title: "Give the document a title", content: "The article has no text", sourceUrl: "Not a web address" },
    });
    expect(toFormFailure(error, translate, shown, { content: "paste" })).toEqual({
      message: null,
      fields: { title: "Give the document a title", paste: "The article has no text", sourceUrl: "Not a web address" },
    });
  });

  it("says above the form what no shown field can hold", () => {
    const error = new ApiError(422, "validation_failed", "…", { fields: { title: "Too long", lang: "Not a language" } });
    expect(toFormFailure(error, translate, shown)).toEqual({ message: "Not a language", fields: { title: "Too long" } });
  });

  it("gives the server's message when it names no field (413, 415)", () => {
    expect(toFormFailure(new ApiError(415, "unsupported_media_type", "This .docx file is not a Word document."), translate, shown)).toEqual({
      message: "This .docx file is not a Word document.",
      fields: {},
    });
  });

  it("words the client's own messages (no answer) in the page's language", () => {
    expect(toFormFailure(new ApiError(0, "network", { key: "errors.client.network" }), translate, shown).message).toBe("errors.client.network");
  });

  it("passes other errors' messages on", () => {
    expect(toFormFailure(new Error("boom"), translate, shown)).toEqual({ message: "boom", fields: {} });
  });
});
