"use client";

import { Toggle } from "radix-ui";

import type { TagView } from "@/lib/tags/schema";

type TagTogglesProps = {
  /** The group's accessible name, e.g. "Tags of this claim". */
  label: string;
  tags: readonly TagView[];
  /** Names of the tags that are on. */
  selected: ReadonlySet<string>;
  onToggle: (tagName: string, isOn: boolean) => void;
};

/** One toggle button per tag of the team, in its colour; pressed means the tag is on. */
export function TagToggles({ label, tags, selected, onToggle }: TagTogglesProps) {
  return (
    <div className="flex flex-wrap gap-1.5" role="group" aria-label={label}>
      {tags.map((tag) => {
        const isOn = selected.has(tag.name);
        return (
          <Toggle.Root
            key={tag.id}
            pressed={isOn}
            onPressedChange={(pressed) => onToggle(tag.name, pressed)}
            className="rounded-full border px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
            style={isOn ? { backgroundColor: tag.color, borderColor: tag.color, color: "white" } : { borderColor: tag.color, color: tag.color }}
          >
            {tag.name}
          </Toggle.Root>
        );
      })}
    </div>
  );
}
