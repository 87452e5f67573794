"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { TagForm } from "@/components/tags/tag-form";
import { useColourName } from "@/components/tags/use-colour-name";
import { useTeamTags } from "@/components/tags/use-team-tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TagChip } from "@/components/ui/tag-chip";
import { tagPalette } from "@/lib/tags/colors";
import type { TagUsageView, TeamTagsView } from "@/lib/tags/schema";

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
  const t = useTranslations("tags");
  const colourName = useColourName();

  return (
    <section aria-labelledby="tags-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="tags-heading" className="text-lg font-semibold">
            {t.rich("heading", { count: items.length, muted: (chunks) => <span className="font-normal text-stone-500">{chunks}</span> })}
          </h2>
          <p className="text-sm text-stone-600">
            {abilities.canManage ? t("introManage") : t("introRead")}
          </p>
        </div>
        {abilities.canManage && !isCreating ? (
          <Button size="sm" onClick={() => setIsCreating(true)}>
            {t("new")}
          </Button>
        ) : null}
      </div>

      {isCreating ? (
        <div className="rounded-lg border border-stone-200 bg-white p-4" role="group" aria-labelledby="new-tag-heading">
          <h3 id="new-tag-heading" className="mb-3 text-sm font-semibold">
            {t("new")}
          </h3>
          <TagForm
            initialColor={suggestColor(items)}
            mode="create"
            onCancel={() => setIsCreating(false)}
            onSubmit={async (tag) => {
              const created = await createTag.mutateAsync(tag);
              setIsCreating(false);
              setAnnouncement(t("createdAnnouncement", { name: created.name }));
            }}
          />
        </div>
      ) : null}

      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-600">
          {abilities.canManage ? t("emptyManage") : t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t("listLabel")}>
          {items.map((tag) => (
            <li key={tag.id} className="flex flex-col gap-3 px-4 py-3" aria-label={tag.name} data-tag-id={tag.id}>
              {editingId === tag.id ? (
                <TagForm
                  initialName={tag.name}
                  initialColor={tag.color}
                  mode="edit"
                  onCancel={() => setEditingId(null)}
                  onSubmit={async ({ name, color }) => {
                    const body = { ...(name !== tag.name ? { name } : {}), ...(color !== tag.color ? { color } : {}) };
                    if (Object.keys(body).length > 0) await updateTag.mutateAsync({ tagId: tag.id, body });
                    setEditingId(null);
                    setAnnouncement(t("savedAnnouncement", { name }));
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <TagChip tag={tag} />
                  <span className="text-xs text-stone-500">{colourName(tag.color)}</span>
                  <span className="text-sm text-stone-600">{t("claimCount", { count: tag.claimCount })}</span>
                  {abilities.canManage ? (
                    <span className="ml-auto flex gap-1">
                      <Button variant="ghost" size="sm" aria-label={t("editLabel", { name: tag.name })} onClick={() => setEditingId(tag.id)}>
                        {t("edit")}
                      </Button>
                      <ConfirmDialog
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={t("deleteLabel", { name: tag.name })}>
                            {t("delete")}
                          </Button>
                        }
                        title={t("deleteConfirmTitle", { name: tag.name })}
                        description={tag.claimCount === 0 ? t("deleteUnused") : t("deleteUsed", { count: tag.claimCount })}
                        confirmLabel={t("deleteConfirm")}
                        onConfirm={() =>
                          deleteTag.mutate(tag.id, {
                            onSuccess: () => setAnnouncement(t("deletedAnnouncement", { name: tag.name })),
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
          {t("deleteFailed", { message: deleteTag.error.message })}{" "}
          <Button variant="ghost" size="sm" onClick={() => deleteTag.reset()}>
            {t("dismiss")}
          </Button>
        </Alert>
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
