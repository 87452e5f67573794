/** Up to two initials: of the first and last word of a name ("Alice van Dijk" → "AD"); "?" for an empty name. */
export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initial = (word: string) => Array.from(word)[0]!.toLocaleUpperCase();
  return last ? `${initial(first)}${initial(last)}` : initial(first);
}
