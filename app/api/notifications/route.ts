import { jsonResponse, withActor } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/service";

// GET /api/notifications — the caller's notifications, newest first (at most 50), and how many are unread
export const GET = withActor(async ({ actor }) => jsonResponse(await listNotifications(actor)));
