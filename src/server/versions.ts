/**
 * How long a story's report version, once read from the store, is taken as current. A story asked for
 * many times a second then costs one keyed read per this time instead of one per request (at 50
 * connections a read is a fifth of a cached story's time). A report stored by another process (a worker, an
 * ingest) is served at most this much later; one stored through this server is served at once (see
 * {@link ReportVersions.forget}). 50 ms is below what a request waits in the server's queue at 50
 * connections on two cores, so a reader cannot tell the difference.
 */
export const VERSION_VALID_MS = 50;

/**
 * Stories whose version is remembered at once. Past it the memory starts over, which costs one read per
 * story asked for again; entries are only valid for {@link VERSION_VALID_MS}, so it takes that many
 * different stories within that time to get there.
 */
export const MAX_REMEMBERED_VERSIONS = 10_000;

/**
 * The report versions of stories as last read, each trusted for `validMs` after the read began. A story
 * without a report is not remembered: its first report is served as soon as it is stored.
 */
export class ReportVersions {
  readonly #read: (storyId: number) => Promise<number | undefined>;
  readonly #validMs: number;
  readonly #now: () => number;
  readonly #max: number;
  readonly #known = new Map<number, { version: number; at: number }>();
  /** Raised by {@link forget}: a read begun before it may have seen what was there before the write. */
  #generation = 0;

  constructor(options: {
    read: (storyId: number) => Promise<number | undefined>;
    /** Default {@link VERSION_VALID_MS}; 0 reads the store on every request. */
    validMs?: number;
    /** Milliseconds, from any origin; default performance.now. */
    now?: () => number;
    /** Default {@link MAX_REMEMBERED_VERSIONS}. */
    max?: number;
  }) {
    this.#read = options.read;
    this.#validMs = options.validMs ?? VERSION_VALID_MS;
    this.#now = options.now ?? (() => performance.now());
    this.#max = options.max ?? MAX_REMEMBERED_VERSIONS;
  }

  /** The story's report version, undefined when it has no report (or there is no such story). */
  async get(storyId: number): Promise<number | undefined> {
    const at = this.#now();
    const known = this.#known.get(storyId);
    // A clock that went back (a test's, or a changed one) trusts nothing.
    if (known && at >= known.at && at - known.at < this.#validMs) return known.version;
    const generation = this.#generation;
    const version = await this.#read(storyId);
    if (version === undefined) {
      this.#known.delete(storyId);
    } else if (generation === this.#generation && this.#validMs > 0) {
      if (this.#known.size >= this.#max) this.#known.clear();
      this.#known.set(storyId, { version, at });
    }
    return version;
  }

  /** Forgets every version read so far: a write through this server may have given any story a new report. */
  forget(): void {
    this.#known.clear();
    this.#generation++;
  }

  get size(): number {
    return this.#known.size;
  }
}
