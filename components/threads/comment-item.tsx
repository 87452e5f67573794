"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import { HiddenBanner, HiddenPlaceholder } from "@/components/moderation/hidden-notice";
import { HideDialog } from "@/components/moderation/hide-dialog";
import { CommentForm } from "@/components/threads/comment-form";
import { MentionText } from "@/components/threads/mention-text";
import type { MentionSource } from "@/components/threads/use-mention-picker";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MentionCandidate } from "@/lib/threads/mentions";
import type { CommentView } from "@/lib/threads/schema";

type CommentItemProps = {
  comment: CommentView;
  onEdit: (body: string) => Promise<unknown>;
  onDelete: () => void;
  /** Resolve when done; reject with a message to show. */
  onHide: (reason: string) => Promise<unknown>;
  onUnhide: () => Promise<unknown>;
  /** Present for top-level comments: opens a reply box under them. */
  onReply?: (body: string, mentions: string[]) => Promise<unknown>;
  /** The team's members: their `@Name`s in the body are emphasised. */
  members?: readonly MentionCandidate[];
  /** Who a reply may `@mention`. */
  mentions?: MentionSource;
  /** A note under the reply box. */
  replyNote?: string;
  children?: ReactNode;
};

/**
 * One comment: author, time, body as plain text (never HTML), and the actions the viewer may take. A hidden
 * comment shows "Hidden by a moderator" to members (the server sent no body), and its greyed text with the
 * reason and "Unhide" to moderators.
 */
export function CommentItem({ comment, onEdit, onDelete, onHide, onUnhide, onReply, members = [], mentions, replyNote, children }: CommentItemProps) {
  const t = useTranslations("threads");
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const isDeleted = comment.deletedAt !== null;
  const isWithheld = comment.hidden !== null && comment.body === null && !isDeleted;
  return (
    <li className="flex flex-col gap-1" data-comment-id={comment.id} aria-label={t("commentBy", { name: comment.author.name })}>
      <div className="flex items-baseline gap-2 text-sm">
        <span className="font-medium text-stone-900">{isDeleted ? t("deletedAuthor") : comment.author.name}</span>
        <span className="text-xs text-stone-500">
          <RelativeTime iso={comment.createdAt} />
          {comment.editedAt && !isDeleted ? t("edited") : null}
        </span>
      </div>
      {mode === "edit" ? (
        <CommentForm
          kind="edit"
          initialBody={comment.body ?? ""}
          autoFocus
          onCancel={() => setMode("view")}
          onSubmit={async (body) => {
            await onEdit(body);
            setMode("view");
          }}
        />
      ) : isWithheld && comment.hidden ? (
        <HiddenPlaceholder hidden={comment.hidden} what="comment" />
      ) : (
        <>
          {comment.hidden && !isDeleted ? <HiddenBanner hidden={comment.hidden} canUnhide={comment.abilities.canUnhide} onUnhide={onUnhide} /> : null}
          <p
            className={
              isDeleted
                ? "text-sm text-stone-500 italic"
                : comment.hidden
                  ? "text-sm whitespace-pre-wrap break-words text-stone-500"
                  : "text-sm whitespace-pre-wrap break-words text-stone-800"
            }
          >
            {isDeleted ? t("deletedBody") : <MentionText text={comment.body ?? ""} members={members} />}
          </p>
        </>
      )}
      {mode === "view" ? (
        <div className="flex gap-1">
          {onReply && comment.abilities.canReply ? (
            <Button variant="ghost" size="sm" onClick={() => setMode("reply")}>
              {t("reply")}
            </Button>
          ) : null}
          {comment.abilities.canEdit ? (
            <Button variant="ghost" size="sm" onClick={() => setMode("edit")}>
              {t("edit")}
            </Button>
          ) : null}
          {comment.abilities.canDelete ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  {t("delete")}
                </Button>
              }
              title={t("deleteTitle")}
              description={t("deleteDescription")}
              confirmLabel={t("deleteConfirm")}
              onConfirm={onDelete}
            />
          ) : null}
          {comment.abilities.canHide ? <HideDialog what="comment" onHide={onHide} /> : null}
        </div>
      ) : null}
      {children}
      {mode === "reply" && onReply ? (
        <div className="mt-1 ml-4 border-l-2 border-stone-200 pl-3">
          <CommentForm
            kind="reply"
            autoFocus
            mentions={mentions}
            note={replyNote}
            onCancel={() => setMode("view")}
            onSubmit={async (body, mentioned) => {
              await onReply(body, mentioned);
              setMode("view");
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
