"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState, type DragEvent, type Ref } from "react";

import { importFileAccept } from "@/components/documents/import/import-file";
import { cn } from "@/components/ui/cn";

type FilePickerProps = {
  ref?: Ref<HTMLInputElement>;
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
  disabled: boolean;
};

/**
 * A file's size in the interface language ("812 kB", "5.2 MB"), rounded up: a file one byte over a limit never
 * reads as the limit itself.
 */
export function useFileSize(): (bytes: number) => string {
  const format = useFormatter();
  return (bytes) => {
    if (bytes < 1024 * 1024) return format.number(Math.max(1, Math.ceil(bytes / 1024)), { style: "unit", unit: "kilobyte" });
    return format.number(Math.ceil((bytes / (1024 * 1024)) * 10) / 10, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  };
}

/**
 * The article's file: the browser's own file input (Tab reaches it, Space or Enter opens the system's picker), in
 * a zone a file can also be dropped on. The form checks the file (import-file.ts) and shows `error`.
 */
export function FilePicker({ ref, file, onChange, error, disabled }: FilePickerProps) {
  const t = useTranslations("teams.newDocument");
  const fileSize = useFileSize();
  const id = useId();
  const input = useRef<HTMLInputElement | null>(null);
  const [isDragging, setIsDragging] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (disabled || !dropped) return;
    // The input shows the dropped file's name too, as if it had been chosen in it.
    if (input.current) {
      const transfer = new DataTransfer();
      transfer.items.add(dropped);
      input.current.files = transfer.files;
    }
    onChange(dropped);
  }

  const describedBy = [`${id}-hint`, file ? `${id}-chosen` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={drop}
      data-testid="file-drop-zone"
      className={cn(
        "flex flex-col gap-2 rounded-md border-2 border-dashed p-4",
        isDragging ? "border-sky-600 bg-sky-50" : error ? "border-red-600" : "border-stone-300",
      )}
    >
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {t("fileLabel")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-600">
        {isDragging ? t("fileDropHere") : t("fileHint")}
      </p>
      <input
        ref={(element) => {
          input.current = element;
          if (typeof ref === "function") ref(element);
          else if (ref) ref.current = element;
        }}
        id={id}
        type="file"
        name="file"
        accept={importFileAccept}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        className="text-sm text-stone-800 file:mr-3 file:h-9 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:font-medium file:text-stone-800 hover:file:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      />
      {file ? (
        <p id={`${id}-chosen`} className="text-sm text-stone-700" data-testid="chosen-file">
          {t("fileChosen", { name: file.name, size: fileSize(file.size) })}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
