"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { EvidenceForm, type EvidenceFormValues } from "@/components/evidence/evidence-form";
import { EvidenceItem } from "@/components/evidence/evidence-item";
import { useEvidence } from "@/components/evidence/use-evidence";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { describeApiError, ApiError } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * The claim panel's evidence (issue 14 §2): what bears on the claim, oldest first, and a form to add more for
 * those who may (`canAddEvidence`). Edit and delete follow each item's abilities. Live changes by others arrive
 * through the claim's evidence query (`claimPartQueryKey(claimId, "evidence")`).
 */
export function ClaimEvidenceSection({ claim }: { claim: ClaimView; teamId: string; documentId: string }) {
  const t = useTranslations("evidence");
  const messages = useTranslations();
  const { evidence, createEvidence, updateEvidence, deleteEvidence } = useEvidence(claim.id);
  const [isAdding, setIsAdding] = useState(false);
  const addButtonBox = useRef<HTMLDivElement>(null);
  const items = evidence.data ?? [];
  const closeAddForm = () => {
    setIsAdding(false);
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => addButtonBox.current?.querySelector("button")?.focus());
  };

  return (
    <section aria-labelledby={`evidence-heading-${claim.id}`} className="flex flex-col gap-3">
      <h3 id={`evidence-heading-${claim.id}`} className="text-sm font-semibold text-stone-900">
        {t("heading")}
      </h3>
      {evidence.isPending ? (
        <Spinner label={t("loading")} />
      ) : evidence.isError ? (
        <Alert>
          <p>{t("loadFailed", { message: evidence.error instanceof ApiError ? describeApiError(evidence.error, messages) : evidence.error.message })}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void evidence.refetch()}>
            {t("retry")}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="text-sm text-stone-500">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col gap-4">
          {items.map((item) => (
            <EvidenceItem
              key={item.id}
              evidence={item}
              onEdit={(values) => updateEvidence.mutateAsync({ evidenceId: item.id, body: toRequestBody(values) })}
              onDelete={() => deleteEvidence.mutate(item.id)}
            />
          ))}
        </ul>
      )}
      {deleteEvidence.error ? (
        <Alert>
          {t("deleteFailed", {
            message: deleteEvidence.error instanceof ApiError ? describeApiError(deleteEvidence.error, messages) : deleteEvidence.error.message,
          })}{" "}
          <Button variant="ghost" size="sm" onClick={() => deleteEvidence.reset()}>
            {t("dismiss")}
          </Button>
        </Alert>
      ) : null}
      {!claim.abilities.canAddEvidence ? (
        <p className="text-sm text-stone-500">{claim.hidden ? t("claimHidden") : t("readOnly")}</p>
      ) : isAdding ? (
        <EvidenceForm
          mode="add"
          onCancel={closeAddForm}
          onSubmit={async (values) => {
            await createEvidence.mutateAsync(toRequestBody(values));
            closeAddForm();
          }}
        />
      ) : (
        <div ref={addButtonBox}>
          <Button variant="secondary" size="sm" onClick={() => setIsAdding(true)}>
            {t("add")}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The form's values as the API takes them: every field sent, blank ones as none (null). */
function toRequestBody(values: EvidenceFormValues) {
  const orNull = (text: string) => (text.trim() === "" ? null : text);
  return { title: values.title, url: orNull(values.url), stance: values.stance, quote: orNull(values.quote), note: orNull(values.note) };
}
