"use client";

import { useTranslations } from "next-intl";

import { CommentForm } from "@/components/threads/comment-form";
import { CommentItem } from "@/components/threads/comment-item";
import { useThread } from "@/components/threads/use-thread";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CommentView } from "@/lib/threads/schema";

/** The discussion on one claim: comments oldest first, replies under their comment, a box to add one. */
export function ClaimThread({ documentId, claimId, canComment }: { documentId: string; claimId: string; canComment: boolean }) {
  const t = useTranslations("threads");
  const { comments, createComment, updateComment, deleteComment, hideComment, unhideComment } = useThread(documentId, claimId);

  const all = comments.data ?? [];
  const topLevel = all.filter((comment) => comment.parentId === null);
  const repliesTo = (parent: CommentView) => all.filter((comment) => comment.parentId === parent.id);
  // A deleted comment with no replies has nothing left to show.
  const visibleTopLevel = topLevel.filter((comment) => comment.deletedAt === null || repliesTo(comment).some((reply) => reply.deletedAt === null));

  const renderComment = (comment: CommentView, isReply: boolean) => (
    <CommentItem
      key={comment.id}
      comment={comment}
      onEdit={(body) => updateComment.mutateAsync({ commentId: comment.id, body })}
      onDelete={() => deleteComment.mutate(comment.id)}
      onHide={(reason) => hideComment.mutateAsync({ commentId: comment.id, reason })}
      onUnhide={() => unhideComment.mutateAsync(comment.id)}
      onReply={isReply ? undefined : (body) => createComment.mutateAsync({ body, parentId: comment.id })}
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
      <h3 className="text-sm font-semibold text-stone-900">{t("discussion")}</h3>
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
        <CommentForm kind="comment" onSubmit={(body) => createComment.mutateAsync({ body })} />
      ) : (
        <p className="text-sm text-stone-500">{t("readOnly")}</p>
      )}
    </section>
  );
}
