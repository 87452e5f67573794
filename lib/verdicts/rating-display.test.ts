import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { describeRating } from "@/lib/verdicts/rating-display";
import { toRatingScale, type DefaultRatingKey } from "@/lib/verdicts/scale";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const english = createTranslator({ locale: "en", messages: en, namespace: "verdicts" });
const dutch = createTranslator({ locale: "nl", messages: nl, namespace: "verdicts" });
const inEnglish = (key: DefaultRatingKey) => english(`ratings.${key}`);
const inDutch = (key: DefaultRatingKey) => dutch(`ratings.${key}`);

const defaultScale = toRatingScale([]);
/** A team that renamed and recoloured "mostly_false" and kept the built-in label of the rest. */
const teamScale = toRatingScale(
  defaultScale.ratings.map((rating, position) =>
    rating.key === "mostly_false"
      ? { ...rating, label: "Klopt grotendeels niet", color: "#be185d", position }
      : { ...rating, position },
  ),
);

describe("describeRating", () => {
  it.each([
    { scale: defaultScale, key: "mostly_false", translate: inEnglish, expected: { label: "Mostly false", color: "#c2410c", icon: "cross" } },
    { scale: defaultScale, key: "mostly_false", translate: inDutch, expected: { label: "Grotendeels onwaar", color: "#c2410c", icon: "cross" } },
    { scale: defaultScale, key: "true", translate: inEnglish, expected: { label: "True", color: "#15803d", icon: "check" } },
    { scale: defaultScale, key: "half_true", translate: inEnglish, expected: { label: "Half true", color: "#8a5a00", icon: "half" } },
    { scale: defaultScale, key: "unverifiable", translate: inDutch, expected: { label: "Niet te verifiëren", color: "#475569", icon: "question" } },
    // The team's own label wins in every language; its colour too.
    { scale: teamScale, key: "mostly_false", translate: inEnglish, expected: { label: "Klopt grotendeels niet", color: "#be185d", icon: "cross" } },
    { scale: teamScale, key: "false", translate: inEnglish, expected: { label: "False", color: "#b91c1c", icon: "cross" } },
    // No scale at hand (yet): a default rating still has its words and colour.
    { scale: undefined, key: "mostly_true", translate: inEnglish, expected: { label: "Mostly true", color: "#3f6212", icon: "check" } },
    // A key the scale does not know (older data): its key, in slate, with a neutral icon, never an empty chip.
    { scale: defaultScale, key: "pants_on_fire", translate: inEnglish, expected: { label: "pants_on_fire", color: "#475569", icon: "mark" } },
  ])("$key on $scale.ratings.length ratings → $expected.label", ({ scale, key, translate, expected }) => {
    expect(describeRating(scale, key, translate)).toEqual({ key, ...expected });
  });
});
