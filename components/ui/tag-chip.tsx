import type { TagView } from "@/lib/tags/schema";

/** A tag's name on its colour (colours keep 4.5:1 contrast with white; lib/tags/colors.ts). */
export function TagChip({ tag }: { tag: Pick<TagView, "name" | "color"> }) {
  return (
    <span className="inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium text-white" style={{ backgroundColor: tag.color }}>
      {tag.name}
    </span>
  );
}
