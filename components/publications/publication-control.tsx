"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ApiError, apiClient, describeApiError } from "@/lib/api/client";

/** The page's origin never changes while it is open: nothing to subscribe to. */
const subscribeToNothing = () => () => {};

type PublicationControlProps = {
  documentId: string;
  /** The public page (`url` is its path, `/p/{slug}`), or null. */
  publication: { slug: string; url: string } | null;
  /** Moderators and owners publish, refresh and unpublish; everyone else sees the link only. */
  canPublish: boolean;
  /** Says a sentence in the page's polite live region. */
  announce: (message: string) => void;
};

/**
 * The document's public page in its header: the link when it is published, and for editors the buttons to publish,
 * refresh (after new verdicts) and unpublish (after a confirmation). The page is refreshed afterwards, so the
 * header shows what the server now holds.
 */
export function PublicationControl({ documentId, publication, canPublish, announce }: PublicationControlProps) {
  const t = useTranslations("publication");
  const translate = useTranslations();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [action, setAction] = useState<"publish" | "unpublish" | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The absolute address to show and copy: the server sends the path, whose origin is this page's (none while
  // rendering on the server, so the path alone until hydration).
  const origin = useSyncExternalStore(subscribeToNothing, () => window.location.origin, () => "");

  if (!publication && !canPublish) return null;

  function run(kind: "publish" | "unpublish") {
    setError(null);
    setAction(kind);
    startTransition(async () => {
      try {
        if (kind === "publish") {
          await apiClient.publishDocument(documentId);
          announce(publication ? t("announceUpdated") : t("announcePublished"));
        } else {
          await apiClient.unpublishDocument(documentId);
          announce(t("announceUnpublished"));
        }
        router.refresh();
      } catch (cause) {
        setError(cause instanceof ApiError ? describeApiError(cause, translate) : String(cause));
      }
    });
  }

  const busy = (kind: "publish" | "unpublish") => isPending && action === kind;
  return (
    <div className="mt-3 flex flex-col gap-2 text-sm" data-testid="publication-control">
      <div className="flex flex-wrap items-center gap-2">
        {publication ? (
          <p className="text-stone-700">
            {t.rich("publishedAt", {
              link: (chunks) => (
                <a href={publication.url} className="font-medium break-all text-sky-800 underline">
                  {chunks}
                </a>
              ),
              url: `${origin}${publication.url}`,
            })}
          </p>
        ) : (
          <p className="text-stone-600">{t("notPublished")}</p>
        )}
        {canPublish ? (
          <>
            <Button size="sm" variant={publication ? "secondary" : "primary"} disabled={isPending} aria-busy={busy("publish") || undefined} onClick={() => run("publish")}>
              {publication ? (busy("publish") ? t("updating") : t("update")) : busy("publish") ? t("publishing") : t("publish")}
            </Button>
            {publication ? (
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="secondary" disabled={isPending} aria-busy={busy("unpublish") || undefined}>
                    {busy("unpublish") ? t("unpublishing") : t("unpublish")}
                  </Button>
                }
                title={t("unpublishTitle")}
                description={t("unpublishDescription", { url: `${origin}${publication.url}` })}
                confirmLabel={t("unpublishConfirm")}
                onConfirm={() => run("unpublish")}
              />
            ) : null}
          </>
        ) : null}
      </div>
      {canPublish && !publication ? <p className="text-stone-600">{t("publishHint")}</p> : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
