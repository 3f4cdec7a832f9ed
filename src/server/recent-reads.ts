/**
 * How long what the server read from the store (a story's report version, a page of the story list) is
 * taken as current. Something asked for many times a second then costs one read per this time instead of
 * one per request (in the serve bench the version read was about a tenth of a cached story's server time,
 * the list's query most of the list page's). What another process stores (a worker, an ingest) is served
 * at most this much later; what is stored through this server is served at once (see
 * {@link RecentReads.forget}). 50 ms is of the order of what a request already waits at 50 connections
 * (p50 10 to 90 ms in the serve bench on two shared cores), so a reader can hardly tell.
 */
export const READ_VALID_MS = 50;

/**
 * Reads remembered at once. Past it the memory starts over, which costs one read per thing asked for
 * again; entries are valid for {@link READ_VALID_MS} only, so it takes that many different things asked
 * for within that time to get there.
 */
export const MAX_RECENT_READS = 10_000;

/**
 * Answers of the store by key, each trusted for `validMs` after its read began. An answer that `keep`
 * refuses (a story without a report yet) is not remembered, so that what changes it is seen at once.
 *
 * @example const versions = new RecentReads<number, number | undefined>({ keep: (v) => v !== undefined });
 * await versions.get(id, () => store.reportVersion(id));
 */
export class RecentReads<K, V> {
  readonly #validMs: number;
  readonly #now: () => number;
  readonly #max: number;
  readonly #keep: (value: V) => boolean;
  readonly #known = new Map<K, { value: V; at: number }>();
  /** Raised by {@link forget}: a read begun before it may have seen what was there before the write. */
  #generation = 0;

  constructor(
    options: {
      /** Default {@link READ_VALID_MS}; 0 reads the store every time. */
      validMs?: number;
      /** Milliseconds, from any origin; default performance.now. */
      now?: () => number;
      /** Default {@link MAX_RECENT_READS}. */
      max?: number;
      /** Whether an answer is remembered; default every one. */
      keep?: (value: V) => boolean;
    } = {},
  ) {
    this.#validMs = options.validMs ?? READ_VALID_MS;
    this.#now = options.now ?? (() => performance.now());
    this.#max = options.max ?? MAX_RECENT_READS;
    this.#keep = options.keep ?? (() => true);
  }

  /** The answer read for `key` less than `validMs` ago, else `read()`'s. */
  async get(key: K, read: () => Promise<V>): Promise<V> {
    const at = this.#now();
    const known = this.#known.get(key);
    // A clock that went back (a test's, or a changed one) trusts nothing.
    if (known && at >= known.at && at - known.at < this.#validMs) return known.value;
    const generation = this.#generation;
    const value = await read();
    if (!this.#keep(value)) {
      this.#known.delete(key);
    } else if (generation === this.#generation && this.#validMs > 0) {
      if (this.#known.size >= this.#max) this.#known.clear();
      this.#known.set(key, { value, at });
    }
    return value;
  }

  /** Forgets every answer read so far: a write through this server may have changed any of them. */
  forget(): void {
    this.#known.clear();
    this.#generation++;
  }

  get size(): number {
    return this.#known.size;
  }
}
