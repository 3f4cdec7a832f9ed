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

  it("drops the oldest key in the order keys were made, however many times it has been full", () => {
    const asked: number[] = [];
    const memo = new BoundedMemo(3, (n: number) => {
      asked.push(n);
      return n * 2;
    });
    for (let n = 0; n < 10; n++) memo.get(n);
    asked.length = 0;
    // 7, 8 and 9 are kept; 6 was dropped when 9 came, and asking for it again drops 7.
    expect([memo.get(9), memo.get(7), memo.get(8), memo.get(6), memo.get(7)]).toEqual([18, 14, 16, 12, 14]);
    expect(asked).toEqual([6, 7]);
    expect(memo.size).toBe(3);
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
