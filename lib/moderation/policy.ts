/**
 * What readers of a hidden claim or comment are told. Pure; claims and threads services call it with the row's
 * moderation columns and the reader's standing.
 */
import type { HiddenView } from "@/lib/moderation/schema";

export type HiddenFacts = {
  authorId: string;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenBy: { name: string } | null;
};

export type HiddenReader = {
  userId: string;
  /** True for roles that may hide and unhide this kind of object (they see its content, the reason and who). */
  canModerate: boolean;
};

/**
 * Null when the object is not hidden. Otherwise when it was hidden, plus the reason for its author (the
 * notification told them already) and the reason and the moderator's name for moderators.
 */
export function describeHidden(facts: HiddenFacts, reader: HiddenReader): HiddenView | null {
  if (!facts.hiddenAt) return null;
  const at = facts.hiddenAt.toISOString();
  const reason = facts.hiddenReason ?? "";
  if (reader.canModerate) return { at, reason, byName: facts.hiddenBy?.name ?? null };
  if (facts.authorId === reader.userId) return { at, reason };
  return { at };
}

/** True when the reader gets a placeholder instead of the content. */
export function isWithheld(facts: Pick<HiddenFacts, "hiddenAt">, reader: Pick<HiddenReader, "canModerate">): boolean {
  return facts.hiddenAt !== null && !reader.canModerate;
}
