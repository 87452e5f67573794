import { Fragment } from "react";

import { splitMentions, type MentionCandidate } from "@/lib/threads/mentions";

/**
 * A comment's text with the `@Name`s of the team's members emphasised. Plain text throughout: React escapes
 * every part, so a body is never HTML, whatever it contains.
 */
export function MentionText({ text, members }: { text: string; members: readonly MentionCandidate[] }) {
  return splitMentions(text, members).map((part, index) =>
    part.isMention ? (
      <strong key={index} className="font-semibold text-sky-800">
        {part.text}
      </strong>
    ) : (
      <Fragment key={index}>{part.text}</Fragment>
    ),
  );
}
