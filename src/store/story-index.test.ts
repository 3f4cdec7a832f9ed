import { describe, expect, it } from "vitest";
import type { AssignmentWrite } from "../cluster/types.js";
import { openSqliteStore } from "./sqlite/index.js";
import {
  CACHED_BANDS,
  CACHED_POSTING_KEYS,
  CACHED_POSTINGS,
  ClusterCache,
  MAX_POSTINGS_PER_KEY,
} from "./story-index.js";

/** Caches posting lists of `length` postings under `keys` keys named k0, k1, … in that order. */
function fill(cache: ClusterCache, keys: number, length: number): void {
  for (let k = 0; k < keys; k++) {
    cache.postings.set(
      `k${k}`,
      Array.from({ length }, (_, i) => ({ story: i + 1, seq: i + 1 })),
    );
  }
}

const total = (cache: ClusterCache) => [...cache.postings.values()].reduce((n, list) => n + list.length, 0);

describe("ClusterCache.trim", () => {
  it("lets go of the earliest-cached posting lists once their postings pass the bound, keeping the latest", () => {
    const cache = new ClusterCache();
    const keys = Math.ceil((CACHED_POSTINGS * 1.2) / MAX_POSTINGS_PER_KEY);
    fill(cache, keys, MAX_POSTINGS_PER_KEY);
    expect(cache.postings.size).toBeLessThan(CACHED_POSTING_KEYS);
    cache.trim();
    expect(total(cache)).toBeLessThanOrEqual(CACHED_POSTINGS / 2);
    expect(total(cache)).toBeGreaterThan(CACHED_POSTINGS / 2 - MAX_POSTINGS_PER_KEY);
    expect(cache.postings.has("k0")).toBe(false);
    expect(cache.postings.has(`k${keys - 1}`)).toBe(true);
  });

  it("keeps every list while their postings and keys are within the bounds", () => {
    const cache = new ClusterCache();
    fill(cache, Math.floor(CACHED_POSTINGS / MAX_POSTINGS_PER_KEY), MAX_POSTINGS_PER_KEY);
    const before = cache.postings.size;
    cache.trim();
    expect(cache.postings.size).toBe(before);
    expect(cache.postings.has("k0")).toBe(true);
  });

  it("lets go of the earliest band buckets once over their bound, and of none within it", () => {
    const cache = new ClusterCache();
    for (let b = 0; b < CACHED_BANDS; b++) cache.bands.set(`${b % 16}:${b}`, b);
    cache.trim();
    expect(cache.bands.size).toBe(CACHED_BANDS);
    cache.bands.set("0:last", 7);
    cache.trim();
    expect(cache.bands.size).toBe(CACHED_BANDS / 2);
    expect(cache.bands.has("0:0")).toBe(false);
    expect(cache.bands.get("0:last")).toBe(7);
  });

  it("bounds the number of lists too: many short lists go down to half their bound", () => {
    const cache = new ClusterCache();
    fill(cache, CACHED_POSTING_KEYS + 10, 1);
    cache.trim();
    expect(cache.postings.size).toBe(CACHED_POSTING_KEYS / 2);
    expect(cache.postings.has(`k${CACHED_POSTING_KEYS + 9}`)).toBe(true);
  });
});

/** One invented document's write, filed under story `doc`. */
function written(doc: string, terms: string[]): AssignmentWrite {
  return {
    doc,
    time: 0,
    story: {
      id: doc,
      size: 1,
      first: 0,
      last: 0,
      centroid: { title: new Map(), body: new Map(), entities: new Map() },
    },
    isNew: true,
    terms,
    keys: [],
    signature: Uint32Array.from([Number(doc)]),
    bands: [],
  };
}

describe("SqlStoryIndex term counts", () => {
  it("counts each term of a document once, whether written with the list it looked up or with another", async () => {
    const store = await openSqliteStore(":memory:");
    await store.transaction(async (tx) => {
      const index = tx.storyIndex();
      const looked = ["b:quarry", "b:quarry", "e:ilvo", "b:kestrel"];
      expect(await index.documentFrequencies(looked)).toEqual(new Map());
      await index.write(written("1", looked));
      // Looked up, then written with a list of its own (another array of other terms).
      await index.documentFrequencies(["b:quarry"]);
      await index.write(written("2", ["b:quarry", "e:ilvo", "b:marten"]));
      // Written without a lookup first.
      await index.write(written("3", ["b:marten", "b:marten"]));
      const again = ["b:quarry", "e:ilvo", "b:kestrel", "b:marten", "b:never"];
      expect(await index.documentFrequencies(again)).toEqual(
        new Map([
          ["b:quarry", 2],
          ["e:ilvo", 2],
          ["b:kestrel", 1],
          ["b:marten", 2],
        ]),
      );
    });
    const reread = await store.transaction((tx) => tx.storyIndex().documentFrequencies(["b:quarry", "b:marten"]));
    expect(reread).toEqual(
      new Map([
        ["b:quarry", 2],
        ["b:marten", 2],
      ]),
    );
    await store.close();
  });
});
