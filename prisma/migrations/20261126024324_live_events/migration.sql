-- CreateEnum
CREATE TYPE "LiveAudience" AS ENUM ('TEAM', 'MODERATORS', 'USER');

-- CreateTable
CREATE TABLE "live_event_streams" (
    "team_id" UUID NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "live_event_streams_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "live_events" (
    "team_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "document_id" UUID,
    "type" TEXT NOT NULL,
    "claim_id" UUID,
    "comment_id" UUID,
    "tag_id" UUID,
    "actor_id" UUID,
    "audience" "LiveAudience" NOT NULL,
    "audience_user_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("team_id","seq")
);

-- CreateTable
CREATE TABLE "document_viewers" (
    "connection_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_viewers_pkey" PRIMARY KEY ("connection_id")
);

-- CreateIndex
CREATE INDEX "live_events_created_at_idx" ON "live_events"("created_at");

-- CreateIndex
CREATE INDEX "document_viewers_document_id_last_seen_at_idx" ON "document_viewers"("document_id", "last_seen_at");

-- CreateIndex
CREATE INDEX "document_viewers_user_id_idx" ON "document_viewers"("user_id");

-- AddForeignKey
ALTER TABLE "live_event_streams" ADD CONSTRAINT "live_event_streams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_viewers" ADD CONSTRAINT "document_viewers_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_viewers" ADD CONSTRAINT "document_viewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
