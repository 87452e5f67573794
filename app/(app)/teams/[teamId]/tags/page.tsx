import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { TagManager } from "@/components/tags/tag-manager";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { listTagsWithUsage } from "@/lib/tags/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tags");
  return { title: t("title") };
}

export default async function TeamTagsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/tags`);
  const tags = await listTagsWithUsage(actor, teamId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return <TagManager initial={tags} />;
}
