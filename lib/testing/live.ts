/**
 * Test support for live collaboration (lib/realtime): open a document's event stream through the real route
 * handler with a session cookie, read its Server-Sent Events as they arrive, and read the event log directly.
 */
import { GET as getDocumentEvents } from "@/app/api/documents/[documentId]/events/route";
import { liveEventSchema, type LiveEventView } from "@/lib/realtime/schema";
import { getTestDb, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

/** One Server-Sent Event as a browser's EventSource would dispatch it. */
export type SseMessage = { event: string; data: string; id: string | null };

/** How long a test waits for something that should happen promptly (a change, `ready`, presence). */
export const liveWaitMs = 5_000;

/**
 * Reads an SSE response body in the background, parsing frames by the spec's rules (field lines, `:` comments,
 * a blank line dispatches), and lets tests wait for messages with a bounded timeout.
 */
export class SseReader {
  /** Every message received so far, in order. */
  readonly messages: SseMessage[] = [];
  /** Resolves when the server ends the stream (or the test closes it). */
  readonly ended: Promise<void>;
  private isEnded = false;
  private readonly listeners = new Set<() => void>();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly abortController: AbortController,
  ) {
    this.reader = body.getReader();
    this.ended = this.pump();
  }

  get hasEnded(): boolean {
    return this.isEnded;
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    let frame: { event: string; data: string[]; id: string | null } = { event: "message", data: [], id: null };
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/u)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
          if (line === "") {
            if (frame.data.length > 0) {
              this.messages.push({ event: frame.event, data: frame.data.join("\n"), id: frame.id });
              this.notify();
            }
            frame = { event: "message", data: [], id: null };
            continue;
          }
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /u, "");
          if (field === "event") frame.event = value;
          else if (field === "data") frame.data.push(value);
          else if (field === "id") frame.id = value;
        }
      }
    } catch {
      // Cancelled by close(): the stream is over either way.
    } finally {
      this.isEnded = true;
      this.notify();
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves once `condition` holds (checked now and after every message), or rejects after `timeoutMs`. */
  async until<T>(condition: () => T | undefined | false, what: string, timeoutMs = liveWaitMs): Promise<T> {
    const immediate = condition();
    if (immediate) return immediate;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const result = condition();
        if (result) {
          cleanUp();
          resolve(result);
        } else if (this.isEnded) {
          cleanUp();
          reject(new Error(`The stream ended before ${what}. Received:\n${this.describe()}`));
        }
      };
      const timer = setTimeout(() => {
        cleanUp();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Received:\n${this.describe()}`));
      }, timeoutMs);
      const cleanUp = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** The first message named `event` (after the first `fromIndex` messages) that satisfies `predicate`. */
  waitFor(event: string, predicate: (message: SseMessage) => boolean = () => true, timeoutMs = liveWaitMs, fromIndex = 0): Promise<SseMessage> {
    return this.until(
      () => this.messages.slice(fromIndex).find((message) => message.event === event && predicate(message)),
      `an "${event}" message`,
      timeoutMs,
    );
  }

  /** The `change` events received so far, parsed and validated against the wire schema. */
  changes(): LiveEventView[] {
    return this.messages
      .filter((message) => message.event === "change")
      .map((message) => {
        const change = liveEventSchema.parse(JSON.parse(message.data));
        if (message.id !== String(change.seq)) throw new Error(`change ${change.seq} was sent with id ${message.id}`);
        return change;
      });
  }

  /** Waits for a change event that satisfies `predicate`. */
  waitForChange(predicate: (change: LiveEventView) => boolean, what = "a matching change", timeoutMs = liveWaitMs): Promise<LiveEventView> {
    return this.until(() => this.changes().find(predicate), what, timeoutMs);
  }

  /** Waits until a change with `seq` at least `seq` arrived. */
  waitForSeq(seq: number, timeoutMs = liveWaitMs): Promise<LiveEventView> {
    return this.waitForChange((change) => change.seq >= seq, `change #${seq}`, timeoutMs);
  }

  /** Parsed data of the messages named `event`. */
  dataOf<T = unknown>(event: string): T[] {
    return this.messages.filter((message) => message.event === event).map((message) => JSON.parse(message.data) as T);
  }

  /** Resolves when the server ends the stream, or rejects after `timeoutMs`. */
  waitForEnd(timeoutMs = liveWaitMs): Promise<true> {
    return this.until(() => this.isEnded || undefined, "the end of the stream", timeoutMs);
  }

  /** Closes the stream from the client's side, as a browser leaving the page does. */
  async close(): Promise<void> {
    this.abortController.abort();
    await this.reader.cancel().catch(() => {});
    await this.ended;
  }

  /** The messages received, for failure messages: the first and last few of a long stream. */
  describe(): string {
    const format = (message: SseMessage) => `  ${message.event}${message.id ? ` #${message.id}` : ""} ${message.data}`;
    if (this.messages.length === 0) return "  (nothing)";
    if (this.messages.length <= 30) return this.messages.map(format).join("\n");
    const skipped = `  … ${this.messages.length - 25} more …`;
    return [...this.messages.slice(0, 5).map(format), skipped, ...this.messages.slice(-20).map(format)].join("\n");
  }
}

const openReaders = new Set<SseReader>();

export type OpenStreamOptions = {
  /** Sent as the `Last-Event-ID` header. */
  lastEventId?: string | number;
  /** Sent as `?after=`. */
  after?: string | number;
};

/** Calls the real route handler of `GET /api/documents/{documentId}/events`, as `user` (null: anonymous). */
export async function requestLiveStream(
  user: Pick<TestUser, "userId" | "sessionId"> | null,
  documentId: string,
  options: OpenStreamOptions = {},
): Promise<{ response: Response; abortController: AbortController }> {
  const headers = new Headers({ host: "margin.test", accept: "text/event-stream" });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (options.lastEventId !== undefined) headers.set("last-event-id", String(options.lastEventId));
  const query = options.after === undefined ? "" : `?after=${encodeURIComponent(String(options.after))}`;
  const abortController = new AbortController();
  const request = new Request(`http://margin.test/api/documents/${encodeURIComponent(documentId)}/events${query}`, {
    headers,
    signal: abortController.signal,
  });
  const response = await getDocumentEvents(request, { params: Promise.resolve({ documentId }) });
  return { response, abortController };
}

/** Opens a live stream that must succeed (200, text/event-stream); close it with `closeLiveStreams`. */
export async function openLiveStream(
  user: Pick<TestUser, "userId" | "sessionId">,
  documentId: string,
  options: OpenStreamOptions = {},
): Promise<SseReader> {
  const { response, abortController } = await requestLiveStream(user, documentId, options);
  if (response.status !== 200 || !response.body) {
    throw new Error(`Opening the stream answered ${response.status}: ${await response.text()}`);
  }
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    throw new Error(`The stream answered with ${response.headers.get("content-type")}`);
  }
  const reader = new SseReader(response.body, abortController);
  openReaders.add(reader);
  return reader;
}

/** Closes every stream this test file opened (call in afterEach). */
export async function closeLiveStreams(): Promise<void> {
  const readers = [...openReaders];
  openReaders.clear();
  await Promise.all(readers.map((reader) => reader.close()));
}

/** A stored live event, as the tests compare them. */
export type StoredLiveEvent = {
  seq: number;
  type: string;
  documentId: string | null;
  claimId: string | null;
  commentId: string | null;
  tagId: string | null;
  actorId: string | null;
  audience: string;
  audienceUserId: string | null;
};

/** A team's events after `afterSeq`, in order, straight from the log. */
export async function unsafeReadTeamEvents(teamId: string, afterSeq = 0): Promise<StoredLiveEvent[]> {
  const rows = await getTestDb().liveEvent.findMany({ where: { teamId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
  return rows.map((row) => ({
    seq: Number(row.seq),
    type: row.type,
    documentId: row.documentId,
    claimId: row.claimId,
    commentId: row.commentId,
    tagId: row.tagId,
    actorId: row.actorId,
    audience: row.audience,
    audienceUserId: row.audienceUserId,
  }));
}

/** A team's last sequence number (0 before its first event). */
export async function unsafeReadTeamHead(teamId: string): Promise<number> {
  const stream = await getTestDb().liveEventStream.findUnique({ where: { teamId }, select: { lastSeq: true } });
  return Number(stream?.lastSeq ?? 0);
}

/**
 * Appends `count` team-wide `claim.updated` events for `documentId` the way a service would, but without the
 * NOTIFY: as if the notification were lost, or came from an instance whose message has not arrived yet.
 * Returns the team's new head.
 */
export async function unsafeAppendEventsSilently(teamId: string, documentId: string, actorId: string, count: number): Promise<number> {
  const rows = await getTestDb().$queryRawUnsafe<Array<{ head: bigint }>>(
    `WITH bumped AS (
       INSERT INTO live_event_streams AS stream (team_id, last_seq) VALUES ($1::uuid, $2::int8)
       ON CONFLICT (team_id) DO UPDATE SET last_seq = stream.last_seq + $2::int8
       RETURNING last_seq
     ), appended AS (
       INSERT INTO live_events (team_id, seq, document_id, type, claim_id, actor_id, audience)
       SELECT $1::uuid, bumped.last_seq - $2::int8 + g, $3::uuid, 'claim.updated', gen_random_uuid(), $4::uuid, 'TEAM'
       FROM bumped, generate_series(1, $2::int8) AS g
     )
     SELECT last_seq AS head FROM bumped`,
    teamId,
    count,
    documentId,
    actorId,
  );
  return Number(rows[0]!.head);
}

/** The numbers from `first` to `last`, inclusive. */
export function seqRange(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}
