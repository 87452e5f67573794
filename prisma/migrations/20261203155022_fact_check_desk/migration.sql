-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('OPEN', 'CHECKING', 'CHECKED', 'NOT_CHECKABLE');

-- CreateEnum
CREATE TYPE "EvidenceStance" AS ENUM ('SUPPORTS', 'REFUTES', 'CONTEXT');

-- DropIndex
DROP INDEX "claims_team_id_idx";

-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "assignee_id" UUID,
ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "search_vector" tsvector,
ADD COLUMN     "status" "CheckStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "thread_resolved_at" TIMESTAMPTZ(3),
ADD COLUMN     "thread_resolved_by_id" UUID;

-- CreateTable
CREATE TABLE "claim_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "actor_id" UUID,
    "field" TEXT NOT NULL,
    "from" JSONB,
    "to" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "author_id" UUID,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "quote" TEXT,
    "note" TEXT,
    "stance" "EvidenceStance" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "team_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT,
    "color" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "scored" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("team_id","key")
);

-- CreateTable
CREATE TABLE "verdict_proposals" (
    "claim_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "proposed_by_id" UUID,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdict_proposals_pkey" PRIMARY KEY ("claim_id")
);

-- CreateTable
CREATE TABLE "verdicts" (
    "claim_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "first_published_at" TIMESTAMPTZ(3) NOT NULL,
    "last_published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("claim_id")
);

-- CreateTable
CREATE TABLE "verdict_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "proposed_by_id" UUID,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdict_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publications" (
    "document_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("document_id")
);

-- CreateIndex
CREATE INDEX "claim_history_claim_id_created_at_idx" ON "claim_history"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "evidence_claim_id_created_at_idx" ON "evidence"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "verdict_revisions_claim_id_published_at_idx" ON "verdict_revisions"("claim_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "publications_slug_key" ON "publications"("slug");

-- CreateIndex
CREATE INDEX "publications_team_id_idx" ON "publications"("team_id");

-- CreateIndex
CREATE INDEX "claims_team_id_created_at_idx" ON "claims"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "claims_assignee_id_idx" ON "claims"("assignee_id");

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_history" ADD CONSTRAINT "claim_history_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_history" ADD CONSTRAINT "claim_history_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_proposals" ADD CONSTRAINT "verdict_proposals_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_proposals" ADD CONSTRAINT "verdict_proposals_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_revisions" ADD CONSTRAINT "verdict_revisions_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_revisions" ADD CONSTRAINT "verdict_revisions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Full-text search over claims (lib/desk/search.ts): a claim's quote, its visible comments and its evidence in
-- one tsvector, kept current by the triggers below, behind a GIN index. Each text is indexed three ways, all
-- unaccented (so "Erdogan" finds "Erdoğan"): `simple` (whole words, matched by prefix: "wapen" finds "wapens",
-- "drone" finds "drones") plus the Dutch and English stemmers (so "wapens" finds "wapen").
-- unaccent is a trusted extension (PostgreSQL ≥ 13): the database owner may create it.
-- Prisma's pg adapter runs a migration by splitting it at every semicolon, so no statement here may contain
-- one: plpgsql bodies are E'' strings that write it as \073.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (it reads its dictionary by name), but with the dictionary fixed it is safe to treat as
-- IMMUTABLE, which index expressions and generated vectors need.
CREATE FUNCTION margin_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, input);

CREATE FUNCTION margin_search_vector(input text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('simple'::regconfig, margin_unaccent(coalesce(input, '')))
      || to_tsvector('dutch'::regconfig, margin_unaccent(coalesce(input, '')))
      || to_tsvector('english'::regconfig, margin_unaccent(coalesce(input, '')));

-- The query for words the app has split (lib/desk/search.ts): every word must match, as the prefix of a whole
-- word or by its Dutch or English stem. NULL for no words.
CREATE FUNCTION margin_search_query(words text[]) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (SELECT string_agg('(' || (to_tsquery('simple'::regconfig, w || ':*')
                                    || plainto_tsquery('dutch'::regconfig, w)
                                    || plainto_tsquery('english'::regconfig, w))::text || ')', ' & ')
          FROM (SELECT lower(margin_unaccent(word)) AS w FROM unnest(words) AS word) AS normalised
          WHERE w ~ '^[[:alnum:]]+$')::tsquery;

-- The text one claim is found by: its quote, its comments that are neither deleted nor hidden, its evidence.
CREATE FUNCTION margin_claim_search_text(claim uuid, quote text) RETURNS text
  LANGUAGE sql STABLE
  RETURN concat_ws(' ', quote,
    (SELECT string_agg(c.body, ' ') FROM comments c
      WHERE c.claim_id = claim AND c.deleted_at IS NULL AND c.hidden_at IS NULL),
    (SELECT string_agg(concat_ws(' ', e.title, e.quote, e.note), ' ') FROM evidence e WHERE e.claim_id = claim));

CREATE FUNCTION margin_refresh_claim_search(claim uuid) RETURNS void
  LANGUAGE sql
  AS 'UPDATE claims SET search_vector = margin_search_vector(margin_claim_search_text(id, quote_exact)) WHERE id = claim';

CREATE FUNCTION margin_claims_search_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS E'BEGIN
    NEW.search_vector := margin_search_vector(margin_claim_search_text(NEW.id, NEW.quote_exact))\073
    RETURN NEW\073
  END';

CREATE FUNCTION margin_claim_part_search_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS E'BEGIN
    IF TG_OP <> ''INSERT'' THEN PERFORM margin_refresh_claim_search(OLD.claim_id)\073 END IF\073
    IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW.claim_id IS DISTINCT FROM OLD.claim_id) THEN
      PERFORM margin_refresh_claim_search(NEW.claim_id)\073
    END IF\073
    RETURN NULL\073
  END';

CREATE TRIGGER claims_search_vector BEFORE INSERT OR UPDATE OF quote_exact ON claims
  FOR EACH ROW EXECUTE FUNCTION margin_claims_search_trigger();
CREATE TRIGGER comments_search_vector AFTER INSERT OR DELETE OR UPDATE OF body, deleted_at, hidden_at, claim_id ON comments
  FOR EACH ROW EXECUTE FUNCTION margin_claim_part_search_trigger();
CREATE TRIGGER evidence_search_vector AFTER INSERT OR DELETE OR UPDATE OF title, quote, note, claim_id ON evidence
  FOR EACH ROW EXECUTE FUNCTION margin_claim_part_search_trigger();

UPDATE claims SET search_vector = margin_search_vector(margin_claim_search_text(id, quote_exact));

CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "claims_team_id_status_idx" ON "claims"("team_id", "status");

-- lib/claims/deleted.ts asks whether a claim that is gone was deleted (a 409, not a 404, for its team): a small
-- partial index over the deletions only. Prisma cannot declare a partial index: it lives here.
CREATE INDEX "live_events_deleted_claim_idx" ON "live_events"("claim_id") WHERE "type" = 'claim.deleted';

-- CreateIndex
CREATE INDEX "claims_team_id_due_at_created_at_id_idx" ON "claims"("team_id", "due_at", "created_at" DESC, "id" DESC);
