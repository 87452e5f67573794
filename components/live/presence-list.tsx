"use client";

import { useTranslations } from "next-intl";

import { getInitials } from "@/components/live/initials";
import type { LiveViewer } from "@/components/live/use-live-document";

/** Background colours for avatars, each readable under white text; a viewer keeps theirs (picked by user id). */
const avatarColors = ["#0f766e", "#1d4ed8", "#7e22ce", "#be123c", "#a16207", "#15803d", "#c2410c", "#4338ca"] as const;

function pickColor(userId: string): string {
  let hash = 0;
  for (const character of userId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return avatarColors[hash % avatarColors.length]!;
}

/**
 * Who is viewing the document now: the reader first (marked "you"), then everyone else, as initials. Names are
 * React text (never HTML); each avatar's full name is its tooltip and, for screen readers, its text.
 */
export function PresenceList({ viewers, currentUser }: { viewers: readonly LiveViewer[]; currentUser: { id: string; name: string } }) {
  const t = useTranslations("live");
  const others = viewers.filter((viewer) => viewer.userId !== currentUser.id);
  const everyone = [{ userId: currentUser.id, name: currentUser.name }, ...others];
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span className="shrink-0 text-xs text-stone-500">{t("viewingNow")}</span>
      <ul aria-label={t("viewers")} className="flex min-w-0 flex-wrap items-center gap-1">
        {everyone.map((viewer) => {
          const isYou = viewer.userId === currentUser.id;
          const label = isYou ? t("you", { name: viewer.name }) : viewer.name;
          return (
            <li key={viewer.userId} title={label} data-viewer-id={viewer.userId}>
              <span
                aria-hidden
                className={`flex size-7 items-center justify-center rounded-full text-[0.7rem] font-semibold text-white ${isYou ? "ring-2 ring-stone-900 ring-offset-1" : ""}`}
                style={{ backgroundColor: pickColor(viewer.userId) }}
              >
                {getInitials(viewer.name)}
              </span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
