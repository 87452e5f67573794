/** How long the live stream waits before reconnecting: doubling from `initialMs` up to `maxMs`, with full jitter. */
export const reconnectBackoff = { initialMs: 500, maxMs: 15_000 } as const;

/**
 * The delay before reconnect attempt `attempt` (0 for the first after a drop): a uniformly random time between 0
 * and min(maxMs, initialMs · 2^attempt). Full jitter spreads the reconnects of every reader of a team over the
 * whole window, so a restarted server is not hit by all of them at the same instant.
 */
export function getReconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(reconnectBackoff.maxMs, reconnectBackoff.initialMs * 2 ** Math.max(0, Math.floor(attempt)));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}
