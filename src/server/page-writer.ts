import type { Store, StoredPage } from "../store/index.js";

/**
 * Pages waiting to be written at most. Each is a story's page in two encodings (some 20 KB for a
 * five-outlet story); past this, pages rendered while the store is slow to take them are not kept, and a
 * later request renders them again.
 */
export const MAX_QUEUED_PAGES = 256;

/**
 * Writes back to the store the story pages the server had to render (a story analysed before pages were
 * kept, or by an earlier renderer), so that the next request, of any server process, reads them instead.
 * Off the requests' path: pages are written a batch per transaction, one transaction at a time, after the
 * response that rendered them; a failed write is logged once and costs nothing but the page's next rendering.
 *
 * @example const pages = new PageWriter(store, log); pages.offer(await storyPageToStore(id, version, report));
 */
export class PageWriter {
  readonly #store: Store;
  readonly #log: (message: string) => void;
  readonly #max: number;
  readonly #queue = new Map<number, StoredPage>();
  #writing: Promise<void> | undefined;
  #failed = false;

  constructor(store: Store, log: (message: string) => void, max = MAX_QUEUED_PAGES) {
    this.#store = store;
    this.#log = log;
    this.#max = max;
  }

  /** Queues a page to be written; the newest page of a story replaces one still waiting. */
  offer(page: StoredPage): void {
    if (this.#queue.size >= this.#max && !this.#queue.has(page.storyId)) return;
    this.#queue.set(page.storyId, page);
    this.#writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#drain());
  }

  /** Resolves once every page offered so far has been written or given up. */
  async idle(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  get waiting(): number {
    return this.#queue.size;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.size > 0) {
        const batch = [...this.#queue.values()];
        this.#queue.clear();
        try {
          await this.#store.transaction(async (tx) => {
            for (const page of batch) await tx.savePage(page);
          });
        } catch (err) {
          if (!this.#failed) {
            this.#failed = true;
            const why = (err instanceof Error ? err.message : String(err)).split("\n")[0];
            this.#log(
              `triangulate serve: rendered story pages are not kept in the store (${why}); they are rendered again when asked for`,
            );
          }
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }
}
