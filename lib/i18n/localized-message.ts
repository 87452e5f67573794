import type { MessageKeys, NestedKeyOf } from "next-intl";
// next-intl's React-free core: lib/ code that renders messages also runs outside React (the seed, under
// `--conditions=react-server`, where next-intl's own entry needs Next's request context).
import { createTranslator } from "use-intl/core";

import type { Messages } from "@/lib/i18n/messages";
import en from "@/messages/en.json" with { type: "json" };

/** A message's dotted key ("errors.teams.notFound"); a key missing from messages/en.json does not compile. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A message to be shown later, in a language not known when it is made (an error thrown deep in lib/ is answered
 * in the language of the request): a key of messages/<locale>.json and the values of its ICU arguments. A value
 * may itself be a message, rendered first in the same language (a field's label, a role's name), or a list of
 * messages, rendered as sentences one after the other.
 */
export type LocalizedMessage = {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
  /** Lower-cased once rendered: a role's name inside a sentence ("a moderator", "een lid"). */
  readonly lowercase?: boolean;
};

export type MessageValue = string | number | Date | LocalizedMessage | readonly LocalizedMessage[];

/** A message's key alone, or with values. */
export type MessageInput = MessageKey | LocalizedMessage;

/** next-intl's `t` for one language, without a namespace, as `createTranslator` and `getTranslations()` give it. */
export type Translate = (key: MessageKey, values?: Record<string, string | number | Date>) => string;

export function toLocalizedMessage(input: MessageInput): LocalizedMessage {
  return typeof input === "string" ? { key: input } : input;
}

/** The text of `message` in the language of `translate`. */
export function renderMessage(message: MessageInput, translate: Translate): string {
  const { key, values, lowercase } = toLocalizedMessage(message);
  const rendered = values ? translate(key, renderValues(values, translate)) : translate(key);
  // Margin's languages lower-case the same way everywhere (no Turkish dotless i); no locale needed.
  return lowercase ? rendered.toLowerCase() : rendered;
}

function renderValues(values: Readonly<Record<string, MessageValue>>, translate: Translate): Record<string, string | number | Date> {
  const rendered: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" || typeof value === "number" || value instanceof Date) rendered[name] = value;
    else if (isMessageList(value)) rendered[name] = value.map((item) => renderMessage(item, translate)).join(" ");
    else rendered[name] = renderMessage(value, translate);
  }
  return rendered;
}

function isMessageList(value: LocalizedMessage | readonly LocalizedMessage[]): value is readonly LocalizedMessage[] {
  return Array.isArray(value);
}

const english = createTranslator({ locale: "en", messages: en });

/** English, as logs, tests and the browser's own checks read a message. */
export const translateEnglish: Translate = (key, values) => english(key, values);

/** The English text of a message. */
export function renderEnglish(message: MessageInput): string {
  return renderMessage(message, translateEnglish);
}
