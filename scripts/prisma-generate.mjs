#!/usr/bin/env node
// npm's postinstall: generate the Prisma client into lib/generated (git-ignored) and stamp it.
import { ensurePrismaClient } from "./lib/project.mjs";

await ensurePrismaClient({ ...process.env, CHECKPOINT_DISABLE: "1" });
