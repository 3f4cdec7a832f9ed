import { describe, expect, it } from "vitest";
import { scoreClustering } from "./bcubed.js";

const map = (pairs: string) => new Map(pairs.split(" ").map((p) => p.split("=") as [string, string]));

describe("scoreClustering", () => {
  // Hand-computed: gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
  // B-cubed precision: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15.
  // Pairs: predicted ab, cd, ce, de (4); gold ab, ac, bc, de (4); together ab, de (2) -> 0.5 and 0.5.
  const rows: { name: string; predicted: string; gold: string; b3: [number, number]; pairs: [number, number] }[] = [
    { name: "perfect", predicted: "a=1 b=1 c=2", gold: "a=x b=x c=y", b3: [1, 1], pairs: [1, 1] },
    {
      name: "mixed",
      predicted: "a=1 b=1 c=2 d=2 e=2",
      gold: "a=x b=x c=x d=y e=y",
      b3: [11 / 15, 11 / 15],
      pairs: [0.5, 0.5],
    },
    {
      name: "all in one (negative: precision falls)",
      predicted: "a=1 b=1 c=1 d=1",
      gold: "a=x b=x c=y d=y",
      b3: [0.5, 1],
      pairs: [1 / 3, 1],
    },
    {
      name: "all singletons (negative: recall falls)",
      predicted: "a=1 b=2 c=3 d=4",
      gold: "a=x b=x c=y d=y",
      b3: [1, 0.5],
      pairs: [1, 0],
    },
    { name: "labels differ in name only", predicted: "a=q b=q c=r", gold: "a=1 b=1 c=2", b3: [1, 1], pairs: [1, 1] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const s = scoreClustering(map(row.predicted), map(row.gold));
      expect(s.b3.precision).toBeCloseTo(row.b3[0], 10);
      expect(s.b3.recall).toBeCloseTo(row.b3[1], 10);
      expect(s.pairwise.precision).toBeCloseTo(row.pairs[0], 10);
      expect(s.pairwise.recall).toBeCloseTo(row.pairs[1], 10);
      const f = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
      expect(s.b3.f1).toBeCloseTo(f(row.b3[0], row.b3[1]), 10);
    });
  }

  it("scores an item missing from the prediction as a singleton, not as one cluster with other missing items", () => {
    const s = scoreClustering(new Map([["a", "1"]]), map("a=x b=x c=x"));
    expect(s.clusters).toBe(3);
    expect(s.b3.precision).toBe(1);
    expect(s.b3.recall).toBeCloseTo(1 / 3, 10);
  });

  it("ignores predicted items that have no gold label and counts documents, clusters and gold classes", () => {
    const s = scoreClustering(map("a=1 b=1 z=1"), map("a=x b=y"));
    expect(s.documents).toBe(2);
    expect(s.clusters).toBe(1);
    expect(s.gold).toBe(2);
    expect(s.b3.precision).toBe(0.5);
  });

  it("gives zero, not NaN, for an empty gold set", () => {
    const s = scoreClustering(new Map(), new Map());
    expect(s.b3).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
