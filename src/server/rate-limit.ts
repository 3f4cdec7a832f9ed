/**
 * A fixed-window counter per client: at most `limit` events in each `windowMs`. Windows of clients that
 * have gone quiet are dropped when the table grows past `maxClients`, so memory stays bounded whatever
 * the number of addresses that write.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxClients: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: { limit: number; windowMs: number; maxClients?: number; now?: () => number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#maxClients = options.maxClients ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Counts one event for `client`; false when it is over the limit (the event is not counted then). */
  take(client: string): boolean {
    const now = this.#now();
    let w = this.#windows.get(client);
    if (!w || now - w.start >= this.#windowMs) {
      if (!w && this.#windows.size >= this.#maxClients) this.#sweep(now);
      w = { start: now, count: 0 };
      this.#windows.set(client, w);
    }
    if (w.count >= this.#limit) return false;
    w.count++;
    return true;
  }

  /** Seconds until `client` may write again (0 when it may now). */
  retryAfter(client: string): number {
    const w = this.#windows.get(client);
    if (!w || w.count < this.#limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.#windowMs - this.#now()) / 1000));
  }

  #sweep(now: number): void {
    for (const [k, w] of this.#windows) if (now - w.start >= this.#windowMs) this.#windows.delete(k);
    // Still full (every client active): forget the oldest windows rather than grow.
    for (const k of this.#windows.keys()) {
      if (this.#windows.size < this.#maxClients) break;
      this.#windows.delete(k);
    }
  }
}
