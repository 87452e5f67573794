/**
 * A line of a claim's history as a sentence: which message, with which values. Pure; the component words it in
 * the interface language. Values are read defensively: lines are written by several services (the check,
 * verdicts, evidence, the thread), and a field or value shape this client does not know still reads as a plain
 * "changed the claim" rather than breaking the list.
 */
import type { ClaimHistoryView, HistoryValue } from "@/lib/checks/schema";

/** A message under `checks.lines`. */
export type HistoryLineKey =
  | "status"
  | "assigned"
  | "reassigned"
  | "unassigned"
  | "dueSet"
  | "dueMoved"
  | "dueRemoved"
  | "verdictProposed"
  | "verdictPublished"
  | "verdictCorrected"
  | "evidenceAdded"
  | "evidenceUpdated"
  | "evidenceDeleted"
  | "threadResolved"
  | "threadReopened"
  | "anchorChanged"
  | "anchorOrphaned"
  | "anchorReattached"
  | "anchorDismissed"
  | "other";

/** How values are put into words: the interface's names for statuses and ratings, its date format. */
export type HistoryWording = {
  statusName: (status: string) => string;
  ratingName: (rating: string) => string;
  dueDate: (iso: string) => string;
};

export type HistorySentence = { key: HistoryLineKey; values: Record<string, string> };

function asRecord(value: HistoryValue): Record<string, HistoryValue> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

/** A string value, or a named property of an object value (`{ name }`, `{ title }`, `{ rating }`). */
function textOf(value: HistoryValue, property: string): string | null {
  if (typeof value === "string") return value;
  const found = asRecord(value)?.[property];
  return typeof found === "string" ? found : null;
}

/** Quotes of the article longer than this are shortened in a history line (the claim panel shows them whole). */
const quoteExcerptLength = 80;

/** A quote of the article for a sentence: shortened at a word boundary where it is long. */
function quoteExcerpt(quote: string): string {
  const text = quote.replace(/\s+/gu, " ").trim();
  if (text.length <= quoteExcerptLength) return text;
  const cut = text.slice(0, quoteExcerptLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > quoteExcerptLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The version a re-anchoring line names (`{ version: 3 }`), as text, or null. */
function versionOf(value: HistoryValue): string | null {
  const version = asRecord(value)?.version;
  return typeof version === "number" && Number.isInteger(version) ? String(version) : null;
}

/**
 * A line about where the claim sits on the text (lib/versions): a new version changed its words or lost them,
 * someone re-attached it, or took it off "Needs attention". Null when the line's shape is not the one expected.
 */
function describeAnchorLine(line: ClaimHistoryView, actor: string): HistorySentence | null {
  const was = textOf(line.from, "quote");
  const now = textOf(line.to, "quote");
  const version = versionOf(line.to);
  const versionValues = { hasVersion: version ? "yes" : "no", version: version ?? "" };
  switch (line.field) {
    case "anchor.changed":
      return was && now ? { key: "anchorChanged", values: { actor, was: quoteExcerpt(was), now: quoteExcerpt(now), ...versionValues } } : null;
    case "anchor.orphaned":
      return was ? { key: "anchorOrphaned", values: { actor, was: quoteExcerpt(was), ...versionValues } } : null;
    case "anchor.reattached":
      return now ? { key: "anchorReattached", values: { actor, now: quoteExcerpt(now), hasWas: was ? "yes" : "no", was: was ? quoteExcerpt(was) : "" } } : null;
    case "anchor.dismissed":
      return { key: "anchorDismissed", values: { actor } };
  }
  return null;
}

/** The sentence for `line`, by `actorName` (already worded: "A former member" when the account is gone). */
export function describeHistoryLine(line: ClaimHistoryView, actorName: string, wording: HistoryWording): HistorySentence {
  const actor = actorName;
  const from = line.from;
  const to = line.to;
  switch (line.field) {
    case "status": {
      const fromStatus = textOf(from, "status");
      const toStatus = textOf(to, "status");
      if (fromStatus && toStatus) return { key: "status", values: { actor, from: wording.statusName(fromStatus), to: wording.statusName(toStatus) } };
      break;
    }
    case "assignee": {
      const fromName = textOf(from, "name");
      const toName = textOf(to, "name");
      if (fromName && toName) return { key: "reassigned", values: { actor, from: fromName, to: toName } };
      if (toName) return { key: "assigned", values: { actor, to: toName } };
      if (fromName) return { key: "unassigned", values: { actor, from: fromName } };
      break;
    }
    case "due": {
      const fromDue = textOf(from, "dueAt");
      const toDue = textOf(to, "dueAt");
      if (fromDue && toDue) return { key: "dueMoved", values: { actor, from: wording.dueDate(fromDue), to: wording.dueDate(toDue) } };
      if (toDue) return { key: "dueSet", values: { actor, to: wording.dueDate(toDue) } };
      if (fromDue) return { key: "dueRemoved", values: { actor, from: wording.dueDate(fromDue) } };
      break;
    }
    case "verdict.proposed":
    case "verdict.published":
    case "verdict.corrected": {
      // The team's own label when the line kept one, else the rating's name in the interface language.
      const ratingKey = textOf(to, "rating");
      const label = asRecord(to)?.label;
      const rating = typeof label === "string" ? label : ratingKey ? wording.ratingName(ratingKey) : null;
      const key = line.field === "verdict.proposed" ? "verdictProposed" : line.field === "verdict.published" ? "verdictPublished" : "verdictCorrected";
      return { key, values: { actor, hasRating: rating ? "yes" : "no", rating: rating ?? "" } };
    }
    case "evidence.added":
    case "evidence.updated":
    case "evidence.deleted": {
      const title = textOf(line.field === "evidence.deleted" ? (from ?? to) : (to ?? from), "title");
      const key = line.field === "evidence.added" ? "evidenceAdded" : line.field === "evidence.updated" ? "evidenceUpdated" : "evidenceDeleted";
      return { key, values: { actor, hasTitle: title ? "yes" : "no", title: title ?? "" } };
    }
    case "thread.resolved":
      return { key: "threadResolved", values: { actor } };
    case "thread.reopened":
      return { key: "threadReopened", values: { actor } };
    case "anchor.changed":
    case "anchor.orphaned":
    case "anchor.reattached":
    case "anchor.dismissed": {
      const sentence = describeAnchorLine(line, actor);
      if (sentence) return sentence;
      break;
    }
  }
  return { key: "other", values: { actor } };
}
