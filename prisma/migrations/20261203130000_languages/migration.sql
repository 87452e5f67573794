-- The interface language a user chose (null: follow the browser's Accept-Language).
ALTER TABLE "users" ADD COLUMN "locale" TEXT;

-- The language of a document's content (BCP 47). "und" (undetermined) rows are detected by the seed step
-- (lib/documents/language.ts) the first time `npm start` runs after this migration.
ALTER TABLE "documents" ADD COLUMN "lang" TEXT NOT NULL DEFAULT 'und';
