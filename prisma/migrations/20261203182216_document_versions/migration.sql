-- Versions of a document (lib/versions): every existing document gets its first version from its current text,
-- and every existing claim an anchor on the version it was made on. Written by prisma migrate dev, with the
-- backfill and the partial index for "Needs attention" added by hand.

-- CreateEnum
CREATE TYPE "ClaimAnchorState" AS ENUM ('ANCHORED', 'CHANGED', 'ORPHANED');

-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "anchor_state" "ClaimAnchorState" NOT NULL DEFAULT 'ANCHORED',
ADD COLUMN     "attention_dismissed_at" TIMESTAMPTZ(3),
ADD COLUMN     "original_quote" TEXT;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "byline" TEXT,
ADD COLUMN     "source_url" TEXT;

-- CreateTable
CREATE TABLE "document_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anchored_count" INTEGER NOT NULL DEFAULT 0,
    "changed_count" INTEGER NOT NULL DEFAULT 0,
    "orphaned_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_anchors" (
    "claim_id" UUID NOT NULL,
    "document_version" INTEGER NOT NULL,
    "state" "ClaimAnchorState" NOT NULL,
    "quote_exact" TEXT NOT NULL,
    "quote_prefix" TEXT NOT NULL DEFAULT '',
    "quote_suffix" TEXT NOT NULL DEFAULT '',
    "position_start" INTEGER NOT NULL,
    "position_end" INTEGER NOT NULL,

    CONSTRAINT "claim_anchors_pkey" PRIMARY KEY ("claim_id","document_version")
);

-- CreateTable
CREATE TABLE "document_reads" (
    "user_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_reads_pkey" PRIMARY KEY ("user_id","document_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_document_id_number_key" ON "document_versions"("document_id", "number");

-- CreateIndex
CREATE INDEX "document_reads_document_id_idx" ON "document_reads"("document_id");

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_anchors" ADD CONSTRAINT "claim_anchors_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the current text of every document is its version 1 (or whatever number it has).
INSERT INTO "document_versions" ("document_id", "number", "content", "text", "format", "created_by_id", "created_at")
SELECT "id", "version", "content", "text", 'text', "created_by_id", "created_at" FROM "documents";

-- Backfill: every claim sits where it was made.
INSERT INTO "claim_anchors" ("claim_id", "document_version", "state", "quote_exact", "quote_prefix", "quote_suffix", "position_start", "position_end")
SELECT "id", "document_version", 'ANCHORED', "quote_exact", "quote_prefix", "quote_suffix", "position_start", "position_end" FROM "claims";

-- "Needs attention": the changed and orphaned claims of a document, few among many.
CREATE INDEX "claims_needs_attention_idx" ON "claims" ("document_id") WHERE "anchor_state" <> 'ANCHORED';
