import type { Store } from "../store/index.js";
import { STORY_PAGE_RENDERER, storyPageToStore } from "../web/pages/stored-page.js";
import type { RequestRenderings } from "./request-renderings.js";

/** Stories read from the store's list at a time while looking for pages to render again. */
export const CATCH_UP_LIST_SIZE = 500;

/** Stories whose kept page is checked between two turns of the event loop: some 2 ms of reads. */
const CHECKS_PER_TURN = 50;

export interface CatchUpOptions {
  /** Stops the catch-up after the page in hand; default none. */
  signal?: AbortSignal;
  /**
   * Waits between two pages, told how long the last one took, so that the requests that came in meanwhile
   * are answered first; default as long again (half a core at most, the other half left to requests and to
   * the other programs of a shared machine).
   */
  pause?: (workedMs: number) => Promise<void>;
  /**
   * The renderings of requests, which go first: before each page of its own, the catch-up waits until no
   * request has rendered one for a while (see {@link RequestRenderings}).
   */
  behind?: RequestRenderings;
}

/** What a catch-up did: stories looked at, and pages it rendered and kept. */
export interface CatchUpOutcome {
  checked: number;
  rendered: number;
  /** True when it looked at every story, false when stopped. */
  complete: boolean;
}

/**
 * Renders again, in the background, the story pages the store keeps from another renderer or an older
 * report, or does not keep at all, newest story first, and keeps them (render on write, caught up). A new
 * renderer leaves every kept page stale; without this, each story's first request after the upgrade renders
 * its page (some 8 ms of CPU for a five-outlet story), and a server asked for many stories it has not seen
 * (a crawler, a reader going down the list) queues those renderings behind each other: 50 of them at once
 * wait some 400 ms. One page at a time, a pause between pages: a request waits for one rendering at most.
 * (10,000 five-outlet stories take some 50 CPU seconds.)
 *
 * @example void renderStalePages(store, { signal: stopping.signal })
 */
export async function renderStalePages(store: Store, options: CatchUpOptions = {}): Promise<CatchUpOutcome> {
  const pause = options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const outcome = { checked: 0, rendered: 0, complete: false };
  for (let offset = 0; ; offset += CATCH_UP_LIST_SIZE) {
    const listed = await store.stories({ order: "newest", limit: CATCH_UP_LIST_SIZE, offset });
    for (const story of listed) {
      if (options.signal?.aborted) return outcome;
      // The store answers at once: without a turn now and then, checking current pages would hold the event loop.
      if (outcome.checked % CHECKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      outcome.checked++;
      if (story.reportVersion === undefined) continue;
      if (options.behind) await options.behind.idle();
      const began = performance.now();
      const kept = await store.page(story.id, STORY_PAGE_RENDERER);
      if (kept && kept.reportVersion >= story.reportVersion) continue;
      const stored = await store.report(story.id);
      if (!stored) continue;
      await store.savePage(await storyPageToStore(story.id, stored.version, stored.report));
      outcome.rendered++;
      await pause(performance.now() - began);
    }
    if (listed.length < CATCH_UP_LIST_SIZE) break;
  }
  outcome.complete = true;
  return outcome;
}
