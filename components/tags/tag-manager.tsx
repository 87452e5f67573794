"use client";

import { useState } from "react";

import { TagForm } from "@/components/tags/tag-form";
import { useTeamTags } from "@/components/tags/use-team-tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TagChip } from "@/components/ui/tag-chip";
import { getPaletteColorName, tagPalette } from "@/lib/tags/colors";
import type { TagUsageView, TeamTagsView } from "@/lib/tags/schema";

function claimCountText(count: number): string {
  return `${count.toLocaleString("en")} ${count === 1 ? "claim" : "claims"}`;
}

/** The first palette colour no tag uses yet, so a new tag stands apart by default. */
function suggestColor(tags: TagUsageView[]): string {
  const used = new Set(tags.map((tag) => tag.color));
  return (tagPalette.find((entry) => !used.has(entry.color)) ?? tagPalette[0]).color;
}

/**
 * A team's tags: name (as text, never HTML), colour and how many claims carry each. Moderators and owners add,
 * rename, recolour and delete them; everyone else reads the list.
 */
export function TagManager({ initial }: { initial: TeamTagsView }) {
  const { tags, createTag, updateTag, deleteTag } = useTeamTags(initial);
  const [isCreating, setIsCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const { items, abilities } = tags.data;

  return (
    <section aria-labelledby="tags-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="tags-heading" className="text-lg font-semibold">
            Tags <span className="font-normal text-stone-500">({items.length})</span>
          </h2>
          <p className="text-sm text-stone-600">
            {abilities.canManage
              ? "Claims are tagged with these. Renaming or recolouring a tag changes it on every claim."
              : "Claims are tagged with these. Moderators and owners manage them."}
          </p>
        </div>
        {abilities.canManage && !isCreating ? (
          <Button size="sm" onClick={() => setIsCreating(true)}>
            New tag
          </Button>
        ) : null}
      </div>

      {isCreating ? (
        <div className="rounded-lg border border-stone-200 bg-white p-4" role="group" aria-labelledby="new-tag-heading">
          <h3 id="new-tag-heading" className="mb-3 text-sm font-semibold">
            New tag
          </h3>
          <TagForm
            initialColor={suggestColor(items)}
            submitLabel="Create tag"
            onCancel={() => setIsCreating(false)}
            onSubmit={async (tag) => {
              const created = await createTag.mutateAsync(tag);
              setIsCreating(false);
              setAnnouncement(`Tag ${created.name} created.`);
            }}
          />
        </div>
      ) : null}

      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-600">
          No tags yet.{abilities.canManage ? " Create one with “New tag”." : ""}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Tags of this team">
          {items.map((tag) => (
            <li key={tag.id} className="flex flex-col gap-3 px-4 py-3" aria-label={tag.name} data-tag-id={tag.id}>
              {editingId === tag.id ? (
                <TagForm
                  initialName={tag.name}
                  initialColor={tag.color}
                  submitLabel="Save"
                  onCancel={() => setEditingId(null)}
                  onSubmit={async ({ name, color }) => {
                    const body = { ...(name !== tag.name ? { name } : {}), ...(color !== tag.color ? { color } : {}) };
                    if (Object.keys(body).length > 0) await updateTag.mutateAsync({ tagId: tag.id, body });
                    setEditingId(null);
                    setAnnouncement(`Tag ${name} saved.`);
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <TagChip tag={tag} />
                  <span className="text-xs text-stone-500">{getPaletteColorName(tag.color)}</span>
                  <span className="text-sm text-stone-600">{claimCountText(tag.claimCount)}</span>
                  {abilities.canManage ? (
                    <span className="ml-auto flex gap-1">
                      <Button variant="ghost" size="sm" aria-label={`Edit ${tag.name}`} onClick={() => setEditingId(tag.id)}>
                        Edit
                      </Button>
                      <ConfirmDialog
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={`Delete ${tag.name}`}>
                            Delete
                          </Button>
                        }
                        title={`Delete the tag “${tag.name}”?`}
                        description={
                          tag.claimCount === 0
                            ? "No claim uses it. This cannot be undone."
                            : `It is on ${claimCountText(tag.claimCount)}; it will be taken off ${tag.claimCount === 1 ? "it" : "all of them"}. The claims and their discussions stay. This cannot be undone.`
                        }
                        confirmLabel="Delete tag"
                        onConfirm={() =>
                          deleteTag.mutate(tag.id, {
                            onSuccess: () => setAnnouncement(`Tag ${tag.name} deleted.`),
                          })
                        }
                      />
                    </span>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleteTag.error ? (
        <Alert>
          Could not delete the tag: {deleteTag.error.message}{" "}
          <Button variant="ghost" size="sm" onClick={() => deleteTag.reset()}>
            Dismiss
          </Button>
        </Alert>
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
