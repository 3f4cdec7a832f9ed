/**
 * Milliseconds without a request rendering a story after which work behind the requests goes on. A
 * rendering takes a few milliseconds on the main thread: with clients asking for one unseen story after
 * another, the count in flight falls to nought between any two of them, and waiting for that alone let the
 * catch-up render a page of its own between every two of theirs (half the server's time in the serve bench's
 * row of every story in turn).
 */
export const QUIET_MS = 200;

/**
 * The story renderings requests are waiting for, so that work done behind the requests (the catch-up of
 * stale pages) waits until there have been none for a while: a reader's story goes before the background's.
 *
 * @example const busy = new RequestRenderings(); createApp({ store, renderings: busy }); renderStalePages(store, { behind: busy });
 */
export class RequestRenderings {
  #inFlight = 0;
  #lastEnded = Number.NEGATIVE_INFINITY;
  #waiting: (() => void)[] = [];
  readonly #quietMs: number;
  readonly #now: () => number;

  constructor(options: { quietMs?: number; now?: () => number } = {}) {
    this.#quietMs = options.quietMs ?? QUIET_MS;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Runs a request's rendering, counted as in flight until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
      this.#lastEnded = this.#now();
      if (this.#inFlight === 0) {
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const resolve of waiting) resolve();
      }
    }
  }

  /** Renderings in flight now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves once no request is rendering and none has for the quiet time (at once when none did). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.#inFlight > 0) {
        await new Promise<void>((resolve) => this.#waiting.push(resolve));
        continue;
      }
      const left = this.#lastEnded + this.#quietMs - this.#now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => setTimeout(resolve, left));
    }
  }
}
