"use client";

import { useState, type ReactNode } from "react";

import { HiddenBanner, HiddenPlaceholder } from "@/components/moderation/hidden-notice";
import { HideDialog } from "@/components/moderation/hide-dialog";
import { CommentForm } from "@/components/threads/comment-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CommentView } from "@/lib/threads/schema";

type CommentItemProps = {
  comment: CommentView;
  onEdit: (body: string) => Promise<unknown>;
  onDelete: () => void;
  /** Resolve when done; reject with a message to show. */
  onHide: (reason: string) => Promise<unknown>;
  onUnhide: () => Promise<unknown>;
  /** Present for top-level comments: opens a reply box under them. */
  onReply?: (body: string) => Promise<unknown>;
  children?: ReactNode;
};

/**
 * One comment: author, time, body as plain text (never HTML), and the actions the viewer may take. A hidden
 * comment shows "Hidden by a moderator" to members (the server sent no body), and its greyed text with the
 * reason and "Unhide" to moderators.
 */
export function CommentItem({ comment, onEdit, onDelete, onHide, onUnhide, onReply, children }: CommentItemProps) {
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const isDeleted = comment.deletedAt !== null;
  const isWithheld = comment.hidden !== null && comment.body === null && !isDeleted;
  return (
    <li className="flex flex-col gap-1" data-comment-id={comment.id} aria-label={`Comment by ${comment.author.name}`}>
      <div className="flex items-baseline gap-2 text-sm">
        <span className="font-medium text-stone-900">{isDeleted ? "Deleted comment" : comment.author.name}</span>
        <span className="text-xs text-stone-500">
          <RelativeTime iso={comment.createdAt} />
          {comment.editedAt && !isDeleted ? " · edited" : null}
        </span>
      </div>
      {mode === "edit" ? (
        <CommentForm
          label="Edit comment"
          submitLabel="Save"
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
            {isDeleted ? "This comment was deleted." : comment.body}
          </p>
        </>
      )}
      {mode === "view" ? (
        <div className="flex gap-1">
          {onReply && comment.abilities.canReply ? (
            <Button variant="ghost" size="sm" onClick={() => setMode("reply")}>
              Reply
            </Button>
          ) : null}
          {comment.abilities.canEdit ? (
            <Button variant="ghost" size="sm" onClick={() => setMode("edit")}>
              Edit
            </Button>
          ) : null}
          {comment.abilities.canDelete ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  Delete
                </Button>
              }
              title="Delete this comment?"
              description="Replies stay, under a note that the comment was deleted."
              confirmLabel="Delete comment"
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
            label="Reply"
            submitLabel="Post"
            autoFocus
            onCancel={() => setMode("view")}
            onSubmit={async (body) => {
              await onReply(body);
              setMode("view");
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
