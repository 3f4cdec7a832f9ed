import { describe, expect, it } from "vitest";
import { BoundedMemo } from "./memo.js";

describe("BoundedMemo", () => {
  it("makes each answer once while it is kept", () => {
    const asked: string[] = [];
    const memo = new BoundedMemo(10, (w: string) => {
      asked.push(w);
      return w.toUpperCase();
    });
    expect([memo.get("quay"), memo.get("dock"), memo.get("quay")]).toEqual(["QUAY", "DOCK", "QUAY"]);
    expect(asked).toEqual(["quay", "dock"]);
  });

  it("keeps at most its limit, dropping the oldest, and answers the same after", () => {
    const asked: string[] = [];
    const memo = new BoundedMemo(2, (w: string) => {
      asked.push(w);
      return w.length;
    });
    for (const w of ["a", "bb", "ccc", "a", "ccc"]) memo.get(w);
    expect(memo.size).toBe(2);
    expect(asked).toEqual(["a", "bb", "ccc", "a"]);
    expect(memo.get("bb")).toBe(2);
  });

  it("keeps an undefined answer", () => {
    let calls = 0;
    const memo = new BoundedMemo(4, () => {
      calls++;
      return undefined;
    });
    memo.get(1);
    memo.get(1);
    expect(calls).toBe(1);
  });
});
