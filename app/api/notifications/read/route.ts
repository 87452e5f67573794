import { withActor } from "@/lib/api/route";
import { markAllNotificationsRead } from "@/lib/notifications/service";

// POST /api/notifications/read — mark all of the caller's notifications read
export const POST = withActor(async ({ actor }) => {
  await markAllNotificationsRead(actor);
  return new Response(null, { status: 204 });
});
