import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { formFields, toActionState } from "@/lib/forms/action-state";
import { createTeamInputSchema } from "@/lib/teams/schema";

describe("formFields", () => {
  it("reads the named text fields of a form; files and missing fields are undefined", () => {
    const form = new FormData();
    form.set("name", "Klas 4B");
    form.set("file", new Blob(["x"]), "x.txt");
    expect(formFields(form, ["name", "file", "missing"])).toEqual({ name: "Klas 4B", file: undefined, missing: undefined });
  });

  it.each([
    { name: "a plain object posing as the form", input: { name: "Klas 4B", get: () => "Klas 4B" } },
    { name: "a string", input: "name=Klas" },
    { name: "null", input: null },
    { name: "undefined", input: undefined },
  ])("$name (a forged server action call) reads as a form without fields", ({ input }) => {
    expect(formFields(input, ["name"])).toEqual({ name: undefined });
  });
});

describe("toActionState", () => {
  it("turns a zod error into per-field messages", () => {
    const result = z.object({ name: z.string({ error: "Give the team a name" }) }).safeParse(formFields(null, ["name"]));
    expect(toActionState(result.error)).toEqual({ message: "Give the team a name", fields: { name: "Give the team a name" } });
  });

  it("keeps an AppError's message and fields", () => {
    const error = new AppError("conflict", "errors.alreadyExists", { fields: { name: "errors.alreadyExists" } });
    expect(toActionState(error)).toEqual({ message: "That already exists", fields: { name: "That already exists" } });
  });

  it("answers in the page's language: an AppError's message and fields, and a schema's field messages", () => {
    const error = new AppError("validation_failed", "errors.teams.confirmNameMismatch", { fields: { confirmName: "errors.teams.notTheTeamName" } });
    expect(toActionState(error, "nl")).toEqual({
      message: "Typ ter bevestiging precies de naam van het team",
      fields: { confirmName: "Dit is niet de naam van het team" },
    });
    const result = createTeamInputSchema.safeParse(formFields(null, ["name"]));
    expect(toActionState(result.error, "nl")).toEqual({
      message: "Ongeldige invoer: string verwacht, undefined ontvangen",
      fields: { name: "Ongeldige invoer: string verwacht, undefined ontvangen" },
    });
    expect(toActionState(createTeamInputSchema.safeParse({ name: "  " }).error, "nl")).toEqual({
      message: "Geef het team een naam",
      fields: { name: "Geef het team een naam" },
    });
  });

  it("rethrows anything else", () => {
    expect(() => toActionState(new Error("database down"))).toThrow("database down");
  });
});
