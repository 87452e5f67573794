import "server-only";

import pg from "pg";

import { getDatabaseUrl } from "@/lib/env";
import { logLiveFailure } from "@/lib/realtime/live-stream";

/** What the listener asks and tells its owner (the hub). */
export type ListenerHandlers = {
  onNotification(message: pg.Notification): void;
  /** The connection is back after a drop: notifications sent while it was down are lost. */
  onReconnected(): void;
  /** Asked when the connection drops or a reconnect fails: false leaves it down (no streams, or shutting down). */
  shouldReconnect(): boolean;
};

/**
 * How long to wait before the `failures`-th reconnect attempt: a ceiling that doubles from 500 ms up to 10 s,
 * and a delay drawn from its upper half (`random` in [0, 1)), so that instances cut off together do not all
 * reconnect at the same moment.
 */
export function getReconnectDelayMs(failures: number, random: number): number {
  const ceiling = Math.min(10_000, 250 * 2 ** failures);
  return ceiling / 2 + random * (ceiling / 2);
}

/**
 * LISTENs on PostgreSQL channels on a dedicated connection (never a pooled one, which goes back to the pool between
 * queries), reconnecting with backoff and jitter when it drops.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private failures = 0;

  /** `channels` are the project's own constants (identifiers in the LISTEN statement), never input. */
  constructor(
    private readonly channels: readonly string[],
    private readonly handlers: ListenerHandlers,
  ) {}

  /** The LISTEN connection while it is up. */
  get connection(): pg.Client | null {
    return this.client;
  }

  /** Resolves once the connection LISTENs (at once when it already does). */
  start(): Promise<void> {
    if (this.listening) return this.listening;
    this.listening = (async () => {
      const client = new pg.Client({ connectionString: getDatabaseUrl() });
      client.on("notification", (message) => this.handlers.onNotification(message));
      client.on("error", (error) => logLiveFailure("the LISTEN connection failed", error));
      client.on("end", () => {
        if (this.client !== client) return;
        this.client = null;
        this.listening = null;
        this.scheduleReconnect();
      });
      await client.connect();
      await client.query(this.channels.map((channel) => `LISTEN ${channel}`).join("; "));
      this.client = client;
      this.failures = 0;
    })().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private scheduleReconnect(): void {
    if (!this.handlers.shouldReconnect()) return;
    this.failures += 1;
    setTimeout(() => {
      this.start()
        .then(() => this.handlers.onReconnected())
        .catch((error: unknown) => {
          logLiveFailure("re-LISTEN failed", error);
          this.scheduleReconnect();
        });
    }, getReconnectDelayMs(this.failures, Math.random())).unref();
  }

  /** Closes the connection (waiting for one being opened first) without reconnecting. */
  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    await listening?.catch(() => {});
    const client = this.client;
    // Cleared first, so that its `end` does not schedule a reconnect.
    this.client = null;
    await client?.end();
  }
}
