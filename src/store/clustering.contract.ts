import { describe, expect, it } from "vitest";
import {
  type AssignmentWrite,
  MemoryStoryIndex,
  STORY_WINDOW_MS,
  type StoryIndex,
  type StoryState,
} from "../cluster/types.js";
import { inventedArticle, type StoreFixture, type StoreFixtureOptions } from "./store.contract.js";

const AT = "2026-03-10T08:00:00.000Z";

function story(id: string): StoryState {
  return {
    id,
    size: 1,
    first: 0,
    last: 0,
    centroid: { title: new Map([["t", 1]]), body: new Map(), entities: new Map() },
  };
}

/**
 * What workers sharing a store rely on, run by each adapter's test file beside `storeContract`: the articles
 * still to be placed, and one clustering transaction at a time across connections.
 */
export function clusteringContract(name: string, make: (options?: StoreFixtureOptions) => Promise<StoreFixture>): void {
  describe(`clustering contract: ${name}`, () => {
    it("lists added articles not yet placed, oldest first, placed ones left out", async () => {
      const { store } = await make();
      const ids = await store.transaction(async (tx) => {
        const out: number[] = [];
        for (let n = 1; n <= 3; n++) {
          out.push(
            await tx.addArticle({ key: `hash:${n}`, contentHash: `${n}`, article: inventedArticle(n), ingestedAt: AT }),
          );
        }
        return out;
      });
      expect((await store.unplacedArticles(10)).map((u) => u.id)).toEqual(ids);
      expect((await store.unplacedArticles(1))[0]?.article).toEqual(inventedArticle(1));
      await store.transaction((tx) =>
        tx.placeArticle(ids[0] as number, { storyId: ids[0] as number, isNew: true, at: AT }),
      );
      expect((await store.unplacedArticles(10)).map((u) => u.id)).toEqual(ids.slice(1));
      await store.close();
    });

    it("keeps at most its cap on stories, the least recently updated going, as the in-memory index does", async () => {
      const { store } = await make({ maxStories: 10 });
      const memory = new MemoryStoryIndex({ maxStories: 10, windowMs: Number.MAX_SAFE_INTEGER });
      const states = new Map<string, StoryState>();
      const writes: AssignmentWrite[] = [];
      for (let doc = 1; doc <= 40; doc++) {
        // Every third document joins story 1, so that the oldest story stays among the most recently updated.
        const id = doc % 3 === 0 ? "1" : String(doc);
        const state = { ...(states.get(id) ?? story(id)), size: (states.get(id)?.size ?? 0) + 1 };
        states.set(id, state);
        const w = { doc: String(doc), time: 0, story: state, isNew: state.size === 1, terms: [`t:${doc}`] };
        writes.push({ ...w, keys: [`t:${id}`, "t:shared"], signature: new Uint32Array([doc]), bands: [`b${doc}`] });
      }
      for (let at = 0; at < writes.length; at += 4) {
        await store.transaction(async (tx) => {
          for (const w of writes.slice(at, at + 4)) await tx.storyIndex().write(w);
        });
      }
      for (const w of writes) await memory.write(w);
      const kept = async (index: StoryIndex) => [...(await index.stories([...states.keys()])).keys()].sort();
      expect(await kept(store.storyIndex())).toEqual(await kept(memory));
      expect(await kept(store.storyIndex())).toHaveLength(10);
      expect(await kept(store.storyIndex())).toContain("1");
      expect(await store.storyIndex().bandMatches(["b2", "b40"])).toEqual([
        { doc: "40", story: "40", signature: new Uint32Array([40]) },
      ]);
      await store.close();
    });

    it("moves its clock to a write's `clock`, past its time, and lets go of the stories a window behind it", async () => {
      const { store } = await make();
      const tick = 60_000;
      const write = (doc: number, time: number, clock?: number): AssignmentWrite => ({
        doc: String(doc),
        time,
        ...(clock === undefined ? {} : { clock }),
        story: { ...story("1"), size: doc },
        isNew: doc === 1,
        terms: [`t:${doc}`],
        keys: ["t:1"],
        signature: new Uint32Array([doc]),
        bands: [`b${doc}`],
      });
      // Undated documents joining story 1 at its own time (0), each a tick later on the stream's clock.
      await store.transaction(async (tx) => {
        for (let doc = 1; doc <= 4; doc++)
          await tx.storyIndex().write(write(doc, 0, doc === 1 ? undefined : doc * tick));
      });
      expect(await store.storyIndex().latestTime()).toBe(4 * tick);
      expect([...(await store.storyIndex().stories(["1"])).keys()]).toEqual(["1"]);
      await store.transaction((tx) =>
        tx.storyIndex().write({ ...write(5, 0, STORY_WINDOW_MS + tick), story: story("5"), isNew: true }),
      );
      expect(await store.storyIndex().latestTime()).toBe(STORY_WINDOW_MS + tick);
      // Negative: story 1, never stretched past 0, is a window behind and gone; its documents are no copies' match.
      expect((await store.storyIndex().stories(["1"])).size).toBe(0);
      expect(await store.storyIndex().bandMatches(["b2"])).toEqual([]);
      await store.close();
    });

    it("locks clustering only inside a transaction", async () => {
      const { store } = await make();
      await expect(store.lockClustering()).rejects.toThrow(/expected a transaction/);
      await store.transaction((tx) => tx.lockClustering());
      await store.close();
    });

    it("sees what another connection placed once it holds the lock, not a stale count kept in memory", async () => {
      const { store, reopen } = await make();
      const other = await reopen();
      expect(await store.storyIndex().documentCount()).toBe(0);
      await other.transaction(async (tx) => {
        await tx.lockClustering();
        await tx.storyIndex().write({
          doc: "1",
          time: 0,
          story: story("1"),
          isNew: true,
          terms: ["t"],
          keys: ["t"],
          signature: Uint32Array.from([1]),
          bands: ["b"],
        });
      });
      expect(await store.storyIndex().documentCount()).toBe(0);
      const seen = await store.transaction(async (tx) => {
        await tx.lockClustering();
        return tx.storyIndex().documentCount();
      });
      expect(seen).toBe(1);
      await other.close();
      await store.close();
    });

    if (name === "postgres") {
      it("lets one transaction cluster at a time across connections", async () => {
        const { store, reopen } = await make();
        const other = await reopen();
        const order: string[] = [];
        let release = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let locked = () => {};
        const first = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const a = store.transaction(async (tx) => {
          await tx.lockClustering();
          order.push("a locked");
          locked();
          await held;
          order.push("a ends");
        });
        await first;
        const b = other.transaction(async (tx) => {
          await tx.lockClustering();
          order.push("b locked");
        });
        await new Promise((r) => setTimeout(r, 200));
        expect(order).toEqual(["a locked"]);
        release();
        await Promise.all([a, b]);
        expect(order).toEqual(["a locked", "a ends", "b locked"]);
        await other.close();
        await store.close();
      });

      it("keeps a clustering transaction's index writes to it while the same store's other transactions commit or roll back beside it", async () => {
        const { store, reopen } = await make();
        const written = (doc: string) => ({
          doc,
          time: 0,
          story: story(doc),
          isNew: true,
          terms: ["t"],
          keys: ["t"],
          signature: Uint32Array.from([Number(doc)]),
          bands: [`b${doc}`],
        });
        const outside = await reopen();
        let seenOutside = -1;
        await store.transaction(async (tx) => {
          await tx.lockClustering();
          await tx.storyIndex().write(written("1"));
          // A worker's other jobs: a source whose batch is refused, a report saved.
          await expect(
            store.transaction(async () => {
              throw new Error("refused");
            }),
          ).rejects.toThrow("refused");
          await store.transaction((other) => other.counts());
          await tx.storyIndex().write(written("2"));
          seenOutside = await outside.storyIndex().documentCount();
        });
        // Nothing of it was committed by the others before it ended.
        expect(seenOutside).toBe(0);
        const again = await reopen();
        expect(await again.storyIndex().documentCount()).toBe(2);
        expect(await again.storyIndex().documentFrequencies(["t"])).toEqual(new Map([["t", 2]]));
        await Promise.all([outside.close(), again.close(), store.close()]);
      });
    }
  });
}
