/**
 * `@Name` mentions in a comment: finding them in a body (the server, which decides whom to notify, and the
 * comment's rendering), and the picker's helpers (the `@query` being typed, which members match it, inserting the
 * chosen name). Pure, shared by the server and the browser.
 *
 * A mention is `@` followed by a member's whole name as it is written in their profile (letter case aside),
 * not preceded by a letter, digit, `_` or another `@` (so `anna@example.com` mentions nobody) and not followed by one (so
 * `@Anna` does not mention "Ann"). Names may contain spaces ("Anna de Vries"), so mentions are found by looking
 * for each candidate's name rather than by splitting the text into words; where two names overlap ("@Anna" and
 * "@Anna de Vries" at the same place), the longer one wins.
 */

/** The most members one comment may mention (the request's `mentions` array). */
export const mentionsMax = 20;

/** The most members the picker offers at once. */
export const mentionPickerMax = 8;

/** How far back from the caret the picker looks for the `@` that starts a mention, in characters. */
const mentionQueryMaxLength = 64;

export type MentionCandidate = { userId: string; name: string };

/** Where a mention of a candidate is in a text: `[start, end)` in UTF-16 units, `@` included. */
export type MentionRange<Candidate extends MentionCandidate = MentionCandidate> = { start: number; end: number; candidate: Candidate };

const wordCharacter = /[\p{L}\p{N}\p{M}_]/u;

function escapeForRegExp(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * Every mention of `candidates` in `text`, in text order. A candidate with an empty name is never mentioned;
 * overlapping matches go to the longer name.
 */
export function findMentions<Candidate extends MentionCandidate>(text: string, candidates: readonly Candidate[]): MentionRange<Candidate>[] {
  const byLength = candidates.filter((candidate) => candidate.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  const found: MentionRange<Candidate>[] = [];
  for (const candidate of byLength) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_@])@${escapeForRegExp(candidate.name)}(?![\\p{L}\\p{N}\\p{M}_])`, "giu");
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((range) => start < range.end && range.start < end)) continue;
      found.push({ start, end, candidate });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The ids of the candidates mentioned in `text`, each once, in the order of their first mention. */
export function findMentionedUserIds(text: string, candidates: readonly MentionCandidate[]): string[] {
  return [...new Set(findMentions(text, candidates).map((range) => range.candidate.userId))];
}

/** `text` cut into plain parts and mentions, for rendering a comment with its mentions emphasised (as text). */
export function splitMentions(text: string, candidates: readonly MentionCandidate[]): { text: string; isMention: boolean }[] {
  const parts: { text: string; isMention: boolean }[] = [];
  let position = 0;
  for (const range of findMentions(text, candidates)) {
    if (range.start > position) parts.push({ text: text.slice(position, range.start), isMention: false });
    parts.push({ text: text.slice(range.start, range.end), isMention: true });
    position = range.end;
  }
  if (position < text.length) parts.push({ text: text.slice(position), isMention: false });
  return parts;
}

/** The `@query` being typed: the text from `start` (the `@`) to `end` (the caret), and what follows the `@`. */
export type MentionQuery = { start: number; end: number; query: string };

/**
 * The mention being typed at `caret`, if any: an `@` at the start of the text or after a character that is not
 * part of a word, on the same line, at most 64 characters back, not followed by a space. What follows it may
 * contain spaces (names do); the picker closes when no member matches it.
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const lowest = Math.max(0, caret - mentionQueryMaxLength - 1);
  for (let index = caret - 1; index >= lowest; index -= 1) {
    const character = text[index]!;
    if (character === "\n") return null;
    if (character !== "@") continue;
    const before = index > 0 ? text[index - 1]! : "";
    if (before !== "" && (wordCharacter.test(before) || before === "@")) return null;
    const query = text.slice(index + 1, caret);
    if (/^\s/u.test(query)) return null;
    return { start: index, end: caret, query };
  }
  return null;
}

/** Lower case, without accents: how the picker compares what is typed with names ("Erdo" finds "Erdoğan"). */
export function foldForMatching(text: string): string {
  return text.normalize("NFD").replaceAll(/\p{M}/gu, "").toLocaleLowerCase("und");
}

/**
 * The members whose name matches `query`, best first, at most `limit`: names that start with it, then names with
 * a later word that does ("vries" finds "Anna de Vries"); ties keep the order given. Letter case and accents do
 * not count. An empty query matches everyone.
 */
export function filterMentionCandidates<Candidate extends { name: string }>(
  members: readonly Candidate[],
  query: string,
  limit = mentionPickerMax,
): Candidate[] {
  const folded = foldForMatching(query);
  const ranked: { member: Candidate; rank: number }[] = [];
  for (const member of members) {
    const name = foldForMatching(member.name);
    if (name.startsWith(folded)) ranked.push({ member, rank: 0 });
    else if (name.split(/\s+/u).some((word, index) => index > 0 && word.startsWith(folded))) ranked.push({ member, rank: 1 });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ member }) => member);
}

/**
 * Replaces the `@query` with `@Name` and a space, and says where the caret goes: after the space. A space or
 * punctuation already after the query is kept instead of adding a space ("@B, kijk" → "@Bob Test, kijk").
 */
export function insertMention(text: string, query: Pick<MentionQuery, "start" | "end">, name: string): { text: string; caret: number } {
  const before = `${text.slice(0, query.start)}@${name}`;
  const rest = text.slice(query.end);
  if (/^\s/u.test(rest)) return { text: `${before}${rest}`, caret: before.length + 1 };
  if (rest !== "" && !wordCharacter.test(rest[0]!)) return { text: `${before}${rest}`, caret: before.length };
  return { text: `${before} ${rest}`, caret: before.length + 1 };
}
