import { describe, expect, it } from "vitest";
import { RecentReads } from "./recent-reads.js";

/** A store's report versions that the test changes, counting the reads. */
function fakeStore(initial: Record<number, number>) {
  const stored = new Map(Object.entries(initial).map(([k, v]) => [Number(k), v]));
  const reads: number[] = [];
  return {
    stored,
    reads,
    read: (id: number) => async () => {
      reads.push(id);
      return stored.get(id);
    },
  };
}

const hasReport = (v: number | undefined) => v !== undefined;

describe("RecentReads", () => {
  it("reads once per valid time, and again once it has passed", async () => {
    const store = fakeStore({ 1: 3 });
    let t = 1_000;
    const versions = new RecentReads<number, number | undefined>({ validMs: 50, now: () => t });
    expect(await versions.get(1, store.read(1))).toBe(3);
    store.stored.set(1, 4);
    t += 49;
    expect(await versions.get(1, store.read(1))).toBe(3);
    expect(store.reads).toEqual([1]);
    t += 1;
    expect(await versions.get(1, store.read(1))).toBe(4);
    expect(store.reads).toEqual([1, 1]);
  });

  it("does not remember an answer keep refuses, so that what changes it is seen at once", async () => {
    const store = fakeStore({});
    const versions = new RecentReads<number, number | undefined>({ validMs: 50, now: () => 0, keep: hasReport });
    expect(await versions.get(7, store.read(7))).toBeUndefined();
    store.stored.set(7, 1);
    expect(await versions.get(7, store.read(7))).toBe(1);
    expect(versions.size).toBe(1);
  });

  it("reads again after forget, and does not keep a read that was under way when it was called", async () => {
    const store = fakeStore({ 1: 1, 2: 1 });
    const versions = new RecentReads<number, number | undefined>({ validMs: 50, now: () => 0 });
    await versions.get(1, store.read(1));
    versions.forget();
    store.stored.set(1, 2);
    expect(await versions.get(1, store.read(1))).toBe(2);

    let release = () => {};
    const slow = async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return store.read(2)();
    };
    const during = versions.get(2, slow);
    versions.forget();
    release();
    expect(await during).toBe(1);
    expect(versions.size).toBe(0);
  });

  it.each([
    ["a valid time of 0", { validMs: 0 }, () => 5],
    [
      "a clock that went back",
      { validMs: 50 },
      (() => {
        let t = 100;
        return () => {
          t -= 10;
          return t;
        };
      })(),
    ],
  ])("reads every time with %s", async (_, options, now) => {
    const store = fakeStore({ 1: 1 });
    const versions = new RecentReads<number, number | undefined>({ ...options, now });
    await versions.get(1, store.read(1));
    await versions.get(1, store.read(1));
    await versions.get(1, store.read(1));
    expect(store.reads).toEqual([1, 1, 1]);
  });

  it("remembers at most max answers", async () => {
    const store = fakeStore(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, 1])));
    const versions = new RecentReads<number, number | undefined>({ validMs: 50, now: () => 0, max: 4 });
    for (let i = 0; i < 10; i++) await versions.get(i, store.read(i));
    expect(versions.size).toBeLessThanOrEqual(4);
    expect(versions.size).toBeGreaterThan(0);
  });
});
