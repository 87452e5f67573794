// Vitest setup file for integration tests: point lib/db.ts and the factories at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
