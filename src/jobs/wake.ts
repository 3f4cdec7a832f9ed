import type { Client } from "pg";

/**
 * The PostgreSQL channel on which whoever queues a job tells the workers to look for it now (LISTEN/NOTIFY),
 * so that no worker waits out a poll interval while work is there. A notice is a topic (a queue's name, or
 * {@link INGEST_DONE}) and, for a job that starts later (a debounced analysis), the milliseconds until then.
 */
export const WAKE_CHANNEL = "triangulate_jobs";

/** The topic of a source stored and its job completed: the sources submitted after it look whether it is their turn. */
export const INGEST_DONE = "ingest-done";

/**
 * A delayed wake fires this much after the job's start time, since the job's start is set by the database's
 * clock and the timer runs on this machine's: 100 ms covers the drift of clocks kept by NTP and the commit.
 */
const DELAY_MARGIN_MS = 100;

/**
 * Delayed wakes due within this span of each other fire together: a burst of analyses asked for within a
 * tenth of a second is one timer, not one per story.
 */
const WAKE_BUCKET_MS = 100;

/** Pause before the listening connection is opened again after it was lost (the server restarting). */
const RECONNECT_MS = 1000;

/** A query that sends a wake notice, for any connection or transaction to run (`executeSql(text, values)`). */
export function wakeQuery(topic: string, delayMs = 0): { text: string; values: unknown[] } {
  const payload = delayMs > 0 ? `${topic} ${Math.round(delayMs)}` : topic;
  return { text: "select pg_notify($1, $2)", values: [WAKE_CHANNEL, payload] };
}

/** Reads a notice's payload; undefined when it is not one of ours. */
export function parseWake(payload: string | undefined): { topic: string; delayMs: number } | undefined {
  const m = /^(\S+)(?: (\d{1,9}))?$/.exec(payload ?? "");
  if (!m) return undefined;
  return { topic: m[1] as string, delayMs: m[2] ? Number(m[2]) : 0 };
}

/**
 * A counter of events that a waiter can wait on without missing one that happened between its last look and
 * its wait: read `seen`, look, then `next(seen, ms)` returns at once if an event came meanwhile.
 */
export class Signal {
  private count = 0;
  private readonly waiters = new Set<() => void>();

  get seen(): number {
    return this.count;
  }

  fire(): void {
    this.count++;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const w of waiting) w();
  }

  /** Resolves at the first event after `seen` was read, or after `ms` milliseconds, whichever is first. */
  next(seen: number, ms: number): Promise<void> {
    if (this.count !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
}

/** A worker's ear on {@link WAKE_CHANNEL}. */
export interface WakeListener {
  /** Calls `fn` on each notice of `topic`, when it is due; returns a function that stops it. */
  on(topic: string, fn: () => void): () => void;
  /** Stops listening and drops the delayed wakes. */
  close(): Promise<void>;
}

/**
 * Listens on {@link WAKE_CHANNEL} on a connection of its own. A lost connection is opened again every second
 * until it is back, and then every topic is woken, since notices sent meanwhile were missed; the workers'
 * polls (a fallback) cover the time between.
 *
 * @example const wakes = await listenForWakes(url); wakes.on("triangulate-cluster", () => boss.notifyWorker(id));
 */
export async function listenForWakes(url: string, onError: (err: Error) => void = () => {}): Promise<WakeListener> {
  const pg = (await import("pg")).default;
  const handlers = new Map<string, Set<() => void>>();
  const timers = new Map<number, { timer: NodeJS.Timeout; topics: Set<string> }>();
  let client: Client | undefined;
  let closed = false;
  let reconnecting: NodeJS.Timeout | undefined;

  const fire = (topic: string) => {
    for (const fn of handlers.get(topic) ?? []) fn();
  };
  const fireAll = () => {
    for (const topic of handlers.keys()) fire(topic);
  };
  const later = (topic: string, delayMs: number) => {
    const due = Math.ceil((Date.now() + delayMs + DELAY_MARGIN_MS) / WAKE_BUCKET_MS) * WAKE_BUCKET_MS;
    const bucket = timers.get(due);
    if (bucket) {
      bucket.topics.add(topic);
      return;
    }
    const topics = new Set([topic]);
    const timer = setTimeout(() => {
      timers.delete(due);
      for (const t of topics) fire(t);
    }, due - Date.now());
    timers.set(due, { timer, topics });
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => {});
    try {
      await c.connect();
      await c.query(`LISTEN ${WAKE_CHANNEL}`);
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    // A lost connection emits an error besides ending: both lead to one reconnection, not to a crash.
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = undefined;
      if (closed) return;
      if (err) onError(err);
      c.end().catch(() => {});
      reconnecting = setTimeout(retry, RECONNECT_MS);
    };
    c.on("error", onLost);
    c.on("end", () => onLost());
    c.on("notification", (n) => {
      const wake = n.channel === WAKE_CHANNEL ? parseWake(n.payload) : undefined;
      if (!wake) return;
      if (wake.delayMs > 0) later(wake.topic, wake.delayMs);
      else fire(wake.topic);
    });
    client = c;
  };
  const retry = () => {
    reconnecting = undefined;
    if (closed) return;
    connect().then(fireAll, (err: Error) => {
      onError(err);
      if (!closed) reconnecting = setTimeout(retry, RECONNECT_MS);
    });
  };

  await connect();
  return {
    on(topic, fn) {
      const set = handlers.get(topic) ?? new Set();
      set.add(fn);
      handlers.set(topic, set);
      return () => set.delete(fn);
    },
    async close() {
      closed = true;
      if (reconnecting) clearTimeout(reconnecting);
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
