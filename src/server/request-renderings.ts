/**
 * The story pages requests are rendering at this moment, so that work done behind the requests (the
 * catch-up of stale pages) waits until there are none: a reader's story goes before the background's.
 * Before, the catch-up rendered a page between any two of a request's, half a core of the two the bench
 * machine had, while 50 clients asking for stories not yet rendered each waited for all the renderings queued
 * before theirs.
 *
 * @example const busy = new RequestRenderings(); createApp({ store, rendering: busy }); renderStalePages(store, { behind: busy });
 */
export class RequestRenderings {
  #inFlight = 0;
  #waiting: (() => void)[] = [];

  /** Runs a request's rendering, counted as in flight until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
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

  /** Resolves once no request is rendering (at once when none is). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
}
