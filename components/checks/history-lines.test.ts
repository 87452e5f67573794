import { describe, expect, it } from "vitest";

import { describeHistoryLine, type HistoryWording } from "@/components/checks/history-lines";
import type { ClaimHistoryView } from "@/lib/checks/schema";

const wording: HistoryWording = {
  statusName: (status) => `<${status}>`,
  ratingName: (rating) => `[${rating}]`,
  dueDate: (iso) => `date(${iso.slice(0, 10)})`,
};
const anna = { id: "a", name: "Anna" };
const bram = { id: "b", name: "Bram" };

const line = (field: string, from: ClaimHistoryView["from"], to: ClaimHistoryView["to"]): ClaimHistoryView => ({
  id: "1",
  field,
  from,
  to,
  actor: anna,
  createdAt: "2026-12-03T14:05:00.000Z",
});

describe("describeHistoryLine", () => {
  it.each([
    { name: "a status change", input: line("status", "open", "checking"), key: "status", values: { from: "<open>", to: "<checking>" } },
    { name: "an assignment", input: line("assignee", null, bram), key: "assigned", values: { to: "Bram" } },
    { name: "a reassignment", input: line("assignee", bram, anna), key: "reassigned", values: { from: "Bram", to: "Anna" } },
    { name: "an unassignment", input: line("assignee", bram, null), key: "unassigned", values: { from: "Bram" } },
    { name: "a due date set", input: line("due", null, "2026-12-10T00:00:00.000Z"), key: "dueSet", values: { to: "date(2026-12-10)" } },
    {
      name: "a due date moved",
      input: line("due", "2026-12-10T00:00:00.000Z", "2026-12-12T00:00:00.000Z"),
      key: "dueMoved",
      values: { from: "date(2026-12-10)", to: "date(2026-12-12)" },
    },
    { name: "a due date removed", input: line("due", "2026-12-10T00:00:00.000Z", null), key: "dueRemoved", values: { from: "date(2026-12-10)" } },
    {
      name: "a proposed verdict, as { rating, summary }",
      input: line("verdict.proposed", null, { rating: "mostly_false", summary: "Klopt niet" }),
      key: "verdictProposed",
      values: { hasRating: "yes", rating: "[mostly_false]" },
    },
    {
      name: "a verdict with the team's own label",
      input: line("verdict.published", null, { rating: "pants_on_fire", label: "Pants on fire" }),
      key: "verdictPublished",
      values: { hasRating: "yes", rating: "Pants on fire" },
    },
    { name: "a published verdict, as a rating key", input: line("verdict.published", null, "false"), key: "verdictPublished", values: { hasRating: "yes", rating: "[false]" } },
    { name: "a corrected verdict without a rating", input: line("verdict.corrected", null, null), key: "verdictCorrected", values: { hasRating: "no", rating: "" } },
    { name: "evidence added, as { title }", input: line("evidence.added", null, { id: "e", title: "CBS" }), key: "evidenceAdded", values: { hasTitle: "yes", title: "CBS" } },
    { name: "evidence edited, as a title", input: line("evidence.updated", "Oud", "Nieuw"), key: "evidenceUpdated", values: { hasTitle: "yes", title: "Nieuw" } },
    { name: "evidence deleted: its old title", input: line("evidence.deleted", { title: "CBS" }, null), key: "evidenceDeleted", values: { hasTitle: "yes", title: "CBS" } },
    { name: "evidence without a title", input: line("evidence.added", null, { url: "https://x.test" }), key: "evidenceAdded", values: { hasTitle: "no", title: "" } },
    { name: "a resolved thread", input: line("thread.resolved", null, null), key: "threadResolved", values: {} },
    { name: "a reopened thread", input: line("thread.reopened", null, null), key: "threadReopened", values: {} },
    {
      name: "a new version changed the claim's words",
      input: line("anchor.changed", { quote: "twaalf uur" }, { quote: "tien uur", version: 2 }),
      key: "anchorChanged",
      values: { was: "twaalf uur", now: "tien uur", hasVersion: "yes", version: "2" },
    },
    {
      name: "a new version lost the claim's words",
      input: line("anchor.orphaned", { quote: "Dit wordt ontkend." }, { version: 3 }),
      key: "anchorOrphaned",
      values: { was: "Dit wordt ontkend.", hasVersion: "yes", version: "3" },
    },
    {
      name: "a lost claim without a version number",
      input: line("anchor.orphaned", { quote: "Dit wordt ontkend." }, null),
      key: "anchorOrphaned",
      values: { was: "Dit wordt ontkend.", hasVersion: "no", version: "" },
    },
    {
      name: "a re-attachment, from the old words to the new",
      input: line("anchor.reattached", { quote: "Dit wordt ontkend." }, { quote: "Beide regeringen spreken dat tegen.", version: 2 }),
      key: "anchorReattached",
      values: { now: "Beide regeringen spreken dat tegen.", hasWas: "yes", was: "Dit wordt ontkend." },
    },
    { name: "a dismissal", input: line("anchor.dismissed", { quote: "tien uur" }, null), key: "anchorDismissed", values: {} },
    {
      name: "a long quote, shortened at a word",
      input: line("anchor.changed", { quote: `${"woord ".repeat(20)}einde` }, { quote: "kort", version: 2 }),
      key: "anchorChanged",
      values: { was: `${"woord ".repeat(13).trimEnd()}…`, now: "kort", hasVersion: "yes", version: "2" },
    },
    { name: "a changed claim without its new words", input: line("anchor.changed", { quote: "x" }, { version: 2 }), key: "other", values: {} },
    { name: "a field this client does not know", input: line("publication.created", null, "x"), key: "other", values: {} },
    { name: "a status in a shape it does not know", input: line("status", 1, [2]), key: "other", values: {} },
    { name: "an assignee change with no names", input: line("assignee", null, null), key: "other", values: {} },
  ])("$name", ({ input, key, values }) => {
    expect(describeHistoryLine(input, "Anna", wording)).toEqual({ key, values: { actor: "Anna", ...values } });
  });
});
