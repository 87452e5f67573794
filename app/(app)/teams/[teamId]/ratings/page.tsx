import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { RatingScaleEditor } from "@/components/verdicts/rating-scale-editor";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getTeamRatingScale } from "@/lib/verdicts/rating-scale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ratings");
  return { title: t("title") };
}

export default async function TeamRatingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/ratings`);
  const scale = await getTeamRatingScale(actor, teamId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return <RatingScaleEditor teamId={teamId} initial={scale} />;
}
