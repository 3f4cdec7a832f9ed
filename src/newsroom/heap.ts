import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the heap grow past what the last full collection left live, in percent, for a long
 * ingest. By default V8 grows it by a factor of up to 4 when collections are cheap beside the work, and an
 * ingest makes garbage at a steady rate (every article replaces its story's centroid maps, held in the
 * batch's pending writes and the state cache until then), so the heap in use peaked at 3 to 5 times the live
 * heap: on the ingest benchmark 300 to 380 MB of heap in use against about 100 MB live at 20,000 articles,
 * 641 MB against 127 MB at 100,000. At 50 % the heap stays within 1.5 times the live heap, for a full
 * collection every some thousand articles. At 25 % the never-dated stream of the benchmark (15,450 articles,
 * two builds side by side in one run) peaked at 444 MB of RSS against 488 MB at 50 %, for 67 against 65 CPU
 * seconds: the collector's extra work is within the noise of a shared machine, and the peak RSS is what a
 * long ingest is bounded by.
 */
export const INGEST_HEAP_GROWTH_PERCENT = 25;

/**
 * Bounds the growth of this process's heap between full collections (see `INGEST_HEAP_GROWTH_PERCENT`), so
 * that a long ingest's memory follows its live data rather than V8's appetite. V8 reads the setting at each
 * collection, so it applies from the next one on. For a process that runs an ingest (the CLI's `ingest`),
 * not for a library: it changes the whole process's collector.
 *
 * @example boundHeapGrowth(); await ingestItems(store, items, options);
 */
export function boundHeapGrowth(percent = INGEST_HEAP_GROWTH_PERCENT): void {
  if (!Number.isInteger(percent) || percent <= 0) {
    throw new Error(`expected a heap growth of a whole positive percent, found ${percent}`);
  }
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
