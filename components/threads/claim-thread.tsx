"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";

import { CommentForm } from "@/components/threads/comment-form";
import { CommentItem } from "@/components/threads/comment-item";
import { ResolvedSummary } from "@/components/threads/thread-resolution";
import type { MentionSource } from "@/components/threads/use-mention-picker";
import { useTeamMembers } from "@/components/teams/use-team-members";
import { useThread } from "@/components/threads/use-thread";
import { useCachedClaim, useThreadResolution } from "@/components/threads/use-thread-resolution";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CommentView } from "@/lib/threads/schema";

/**
 * The discussion on one claim: comments oldest first, replies under their comment, a box to add one (typing `@`
 * offers the team's members to mention). Those who may resolve it see "Resolve thread" / "Reopen"; a resolved
 * discussion folds to one line ("Resolved by … on …") with a "Show discussion" disclosure, and stays open to
 * comments, a new one reopening it (lib/threads/resolution.ts).
 */
export function ClaimThread(props: { documentId: string; teamId: string; claimId: string; canComment: boolean }) {
  const { documentId, teamId, claimId, canComment } = props;
  const t = useTranslations("threads");
  const contentId = useId();
  const { comments, createComment, updateComment, deleteComment, hideComment, unhideComment } = useThread(documentId, claimId);
  const claim = useCachedClaim(documentId, claimId);
  const resolvedAt = claim?.threadResolvedAt ?? null;
  const { resolvedBy, setResolved } = useThreadResolution(documentId, claimId, resolvedAt);
  // Shown again for this resolution only: resolved anew (here or by someone else), it folds again.
  const [shownResolution, setShownResolution] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const isResolved = resolvedAt !== null;
  const isShown = !isResolved || shownResolution === resolvedAt;

  const teamMembers = useTeamMembers(teamId);
  const members = useMemo(() => (teamMembers.data ?? []).map((member) => ({ userId: member.userId, name: member.name })), [teamMembers.data]);
  const mentions = useMemo<MentionSource>(() => {
    const others = (teamMembers.data ?? []).filter((member) => !member.isYou).map((member) => ({ userId: member.userId, name: member.name }));
    return { candidates: others, isLoading: teamMembers.isPending };
  }, [teamMembers.data, teamMembers.isPending]);
  const postingNote = isResolved ? t("postingReopens") : undefined;

  const all = comments.data ?? [];
  const topLevel = all.filter((comment) => comment.parentId === null);
  const repliesTo = (parent: CommentView) => all.filter((comment) => comment.parentId === parent.id);
  // A deleted comment with no replies has nothing left to show.
  const visibleTopLevel = topLevel.filter((comment) => comment.deletedAt === null || repliesTo(comment).some((reply) => reply.deletedAt === null));

  function toggleResolved() {
    // Not `disabled` while pending: disabling the focused button would drop focus to the page.
    if (setResolved.isPending) return;
    const resolved = !isResolved;
    setAnnouncement("");
    setResolved.mutate(resolved, { onSuccess: () => setAnnouncement(resolved ? t("announceResolved") : t("announceReopened")) });
  }

  const renderComment = (comment: CommentView, isReply: boolean) => (
    <CommentItem
      key={comment.id}
      comment={comment}
      members={members}
      mentions={mentions}
      replyNote={postingNote}
      onEdit={(body) => updateComment.mutateAsync({ commentId: comment.id, body })}
      onDelete={() => deleteComment.mutate(comment.id)}
      onHide={(reason) => hideComment.mutateAsync({ commentId: comment.id, reason })}
      onUnhide={() => unhideComment.mutateAsync(comment.id)}
      onReply={isReply ? undefined : (body, mentioned) => createComment.mutateAsync({ body, mentions: mentioned, parentId: comment.id })}
    >
      {!isReply && repliesTo(comment).length > 0 ? (
        <ul className="mt-2 ml-1 flex flex-col gap-3 border-l-2 border-stone-200 pl-3" aria-label={t("replies")}>
          {repliesTo(comment)
            .filter((reply) => reply.deletedAt === null)
            .map((reply) => renderComment(reply, true))}
        </ul>
      ) : null}
    </CommentItem>
  );

  return (
    <section aria-label={t("discussion")} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-stone-900">{t("discussion")}</h3>
        {claim?.abilities.canResolveThread ? (
          // One button whose words change, so focus stays on it after resolving or reopening.
          <Button variant="secondary" size="sm" aria-disabled={setResolved.isPending || undefined} onClick={toggleResolved}>
            {isResolved ? t("reopen") : t("resolve")}
          </Button>
        ) : null}
      </div>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {setResolved.error ? (
        <Alert>{isResolved ? t("reopenFailed", { message: setResolved.error.message }) : t("resolveFailed", { message: setResolved.error.message })}</Alert>
      ) : null}
      {resolvedAt ? (
        <ResolvedSummary
          resolvedAt={resolvedAt}
          resolvedByName={resolvedBy?.name ?? null}
          isShown={isShown}
          contentId={contentId}
          onToggleShown={() => setShownResolution(isShown ? null : resolvedAt)}
        />
      ) : null}
      <div id={contentId} hidden={!isShown} className={isShown ? "flex flex-col gap-4" : "hidden"}>
        {comments.isPending ? (
          <Spinner label={t("loading")} />
        ) : comments.isError ? (
          <Alert>
            <p>{t("loadFailed", { message: comments.error.message })}</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => void comments.refetch()}>
              {t("retry")}
            </Button>
          </Alert>
        ) : visibleTopLevel.length === 0 ? (
          <p className="text-sm text-stone-500">
            {t("noComments")} {canComment ? t("startBelow") : ""}
          </p>
        ) : (
          <ul className="flex flex-col gap-4">{visibleTopLevel.map((comment) => renderComment(comment, false))}</ul>
        )}
        {deleteComment.error ? (
          <Alert>
            {t("deleteFailed", { message: deleteComment.error.message })}{" "}
            <Button variant="ghost" size="sm" onClick={() => deleteComment.reset()}>
              {t("dismiss")}
            </Button>
          </Alert>
        ) : null}
        {canComment ? (
          <CommentForm kind="comment" mentions={mentions} note={postingNote} onSubmit={(body, mentioned) => createComment.mutateAsync({ body, mentions: mentioned })} />
        ) : (
          <p className="text-sm text-stone-500">{t("readOnly")}</p>
        )}
      </div>
    </section>
  );
}
