/**
 * The fact-check's shapes shared by the server and the browser: what a line of a claim's history records and how
 * it travels. Pure.
 */

/**
 * What a line of a claim's history records (ClaimHistoryEntry.field): the check's status, assignee and due
 * date, verdicts proposed, published and corrected, evidence, the thread resolved or reopened.
 */
export const claimHistoryFields = [
  "status",
  "assignee",
  "due",
  "verdict.proposed",
  "verdict.published",
  "verdict.corrected",
  "evidence.added",
  "evidence.updated",
  "evidence.deleted",
  "thread.resolved",
  "thread.reopened",
  "anchor.changed",
  "anchor.orphaned",
  "anchor.reattached",
  "anchor.dismissed",
] as const;
export type ClaimHistoryField = (typeof claimHistoryFields)[number];

/** A value as a history line stored it (JSON). */
export type HistoryValue = string | number | boolean | null | HistoryValue[] | { [key: string]: HistoryValue };

/**
 * One line of a claim's history, as `GET /api/claims/{id}/history` returns it: which field changed, from what
 * to what (a status name, `{ id, name }` of a person with the name they had then, an ISO 8601 date; other
 * fields as their services record them), who changed it (null when their account is gone) and when.
 */
export type ClaimHistoryView = {
  id: string;
  /** One of `claimHistoryFields`; a client shows a field it does not know as a plain "changed the claim". */
  field: string;
  from: HistoryValue;
  to: HistoryValue;
  actor: { id: string; name: string } | null;
  createdAt: string;
};

/** A person as a history line names them: their id, and their name when the change was made. */
export type HistoryPerson = { id: string; name: string };
