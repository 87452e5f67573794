"use client";

import { RadioGroup } from "radix-ui";

import { useColourName } from "@/components/tags/use-colour-name";
import { tagPalette } from "@/lib/tags/colors";

type TagColorPickerProps = {
  value: string;
  onChange: (color: string) => void;
  /** The group's accessible name, e.g. "Colour". */
  label: string;
};

/**
 * The palette as a radio group of swatches (Radix: arrow keys move, Space selects). Each swatch is named
 * in the interface language ("Green", "Groen"), so the choice never depends on seeing colour; the chosen one also
 * carries a check mark.
 */
export function TagColorPicker({ value, onChange, label }: TagColorPickerProps) {
  const colourName = useColourName();
  return (
    <RadioGroup.Root value={value} onValueChange={onChange} aria-label={label} orientation="horizontal" className="flex flex-wrap gap-2">
      {tagPalette.map((entry) => (
        <RadioGroup.Item
          key={entry.color}
          value={entry.color}
          aria-label={colourName(entry.color)}
          title={colourName(entry.color)}
          className="inline-flex size-8 items-center justify-center rounded-full border-2 border-white ring-1 ring-stone-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 data-[state=checked]:ring-2 data-[state=checked]:ring-stone-900"
          style={{ backgroundColor: entry.color }}
        >
          <RadioGroup.Indicator asChild>
            <svg aria-hidden viewBox="0 0 16 16" className="size-4 text-white" fill="none" stroke="currentColor" strokeWidth="2.5">
              <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </RadioGroup.Indicator>
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
