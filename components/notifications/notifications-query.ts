/**
 * The notification bell's query key: the bell reads it, and the live stream invalidates it when a notification
 * arrives (components/live/apply-live-events.ts), without importing the bell.
 */
export const notificationsQueryKey = ["notifications"] as const;
