import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { EndSessionButton } from "@/components/settings/end-session-button";
import { SignOutEverywhereButton } from "@/components/settings/sign-out-everywhere-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePageActor } from "@/lib/auth/actor";
import { listSessionsForActor } from "@/lib/auth/sessions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.sessions");
  return { title: t("metaTitle") };
}

export default async function SessionsPage() {
  const actor = await requirePageActor("/settings/sessions");
  const [sessions, t, everywhere] = await Promise.all([
    listSessionsForActor(actor),
    getTranslations("settings.sessions"),
    getTranslations("settings.signOutEverywhere"),
  ]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">{t("intro")}</p>
      <ul aria-label={t("listLabel")} className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {sessions.map((session) => (
          <li key={session.id} data-session-id={session.id} className="flex items-start justify-between gap-4 px-4 py-3">
            <div>
              <p className="font-medium text-stone-900">
                {session.device}
                {session.isCurrent ? (
                  <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("thisDevice")}</span>
                ) : null}
              </p>
              <p className="text-sm text-stone-600">
                {t("signedIn")} <RelativeTime iso={session.createdAt} /> · {t("lastActive")} <RelativeTime iso={session.lastSeenAt} />
              </p>
            </div>
            {session.isCurrent ? null : <EndSessionButton sessionId={session.id} device={session.device} />}
          </li>
        ))}
      </ul>
      <section aria-labelledby="sign-out-everywhere" className="mt-8 rounded-lg border border-red-200 bg-white p-4">
        <h2 id="sign-out-everywhere" className="font-semibold">
          {everywhere("heading")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-600">{everywhere("body")}</p>
        <SignOutEverywhereButton sessionCount={sessions.length} />
      </section>
    </main>
  );
}
