"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent } from "react";

import { normalizeLinkHref } from "@/components/editor/link-href";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type LinkDialogProps = {
  editor: Editor;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

/**
 * Adds, changes or removes the link on the selected text (or, with nothing selected, inserts the address as a
 * linked text). The address must be a web or e-mail address (components/editor/link-href.ts); focus goes back to
 * the article when the dialog closes.
 */
export function LinkDialog({ editor, isOpen, onOpenChange }: LinkDialogProps) {
  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            editor.commands.focus();
          }}
        >
          {/* Radix mounts the content only while open: each opening starts from the link under the caret. */}
          <LinkForm editor={editor} onDone={() => onOpenChange(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const t = useTranslations("editor.link");
  const ui = useTranslations("editor");
  const id = useId();
  const current = editor.getAttributes("link").href as string | undefined;
  const [address, setAddress] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const href = normalizeLinkHref(address);
    if (!href) {
      setError(t("invalid"));
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: href.replace(/^mailto:/u, ""), marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange("link").setLink({ href }).run();
    }
    onDone();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onDone();
  }

  return (
    <>
      <Dialog.Title className="text-lg font-semibold">{current ? t("editTitle") : t("addTitle")}</Dialog.Title>
      <Dialog.Description className="mt-2 text-sm text-stone-600">{t("description")}</Dialog.Description>
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-2">
        <label htmlFor={id} className="text-sm font-medium text-stone-800">
          {t("addressLabel")}
        </label>
        <input
          id={id}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={address}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setAddress(event.target.value);
            setError(null);
          }}
          className={cn(
            "h-10 rounded-md border bg-white px-3 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
            error ? "border-red-600" : "border-stone-300",
          )}
        />
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          {current ? (
            <Button variant="ghost" className="mr-auto" onClick={remove}>
              {t("remove")}
            </Button>
          ) : null}
          <Dialog.Close asChild>
            <Button variant="secondary">{ui("cancel")}</Button>
          </Dialog.Close>
          <Button type="submit">{t("apply")}</Button>
        </div>
      </form>
    </>
  );
}
