import { describe, expect, it } from "vitest";
import type { Store, StoredPage } from "../store/index.js";
import { PageWriter } from "./page-writer.js";

const page = (storyId: number, mark: number): StoredPage => ({
  storyId,
  reportVersion: 1,
  renderer: "page/1",
  etag: `W/"${mark}"`,
  br: new Uint8Array([mark]),
  gzip: new Uint8Array([mark, mark]),
});

/** A store that records the pages written in each transaction, failing when told to. */
function recorder(fail = false) {
  const batches: number[][] = [];
  const store = {
    transaction: async (work: (tx: Store) => Promise<void>) => {
      const batch: number[] = [];
      await work({ savePage: async (p: StoredPage) => batch.push(p.storyId) } as unknown as Store);
      if (fail) throw new Error("database is locked\nat a stack line");
      batches.push(batch);
    },
  } as unknown as Store;
  return { store, batches };
}

describe("PageWriter", () => {
  it("writes offered pages after the current turn, a batch per transaction, the newest of a story only", async () => {
    const { store, batches } = recorder();
    const writer = new PageWriter(store, () => {});
    writer.offer(page(1, 1));
    writer.offer(page(2, 2));
    writer.offer(page(1, 3));
    expect(batches).toEqual([]);
    expect(writer.waiting).toBe(2);
    await writer.idle();
    expect(batches).toEqual([[1, 2]]);
    writer.offer(page(3, 4));
    await writer.idle();
    expect(batches).toEqual([[1, 2], [3]]);
    expect(writer.waiting).toBe(0);
  });

  it("keeps at most its bound of pages waiting, and logs a failed write once, in one line", async () => {
    const log: string[] = [];
    const { store, batches } = recorder(true);
    const writer = new PageWriter(store, (m) => log.push(m), 2);
    for (const id of [1, 2, 3]) writer.offer(page(id, id));
    expect(writer.waiting).toBe(2);
    await writer.idle();
    writer.offer(page(4, 4));
    await writer.idle();
    expect(batches).toEqual([]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/not kept in the store \(database is locked\)/);
    expect(log[0]).not.toContain("\n");
  });
});
