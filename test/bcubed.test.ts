import { describe, expect, it } from "vitest";
import { bcubedF1 } from "./bcubed.js";

const m = (o: Record<string, number>) => new Map(Object.entries(o));

describe("bcubedF1", () => {
  it("is 1 for the same clustering under other labels, below 1 for a split or a merge, symmetric", () => {
    expect(bcubedF1(m({ a: 1, b: 1, c: 2 }), m({ a: 7, b: 7, c: 9 }))).toBe(1);
    const split = bcubedF1(m({ a: 1, b: 1, c: 1, d: 2 }), m({ a: 1, b: 1, c: 3, d: 2 }));
    expect(split).toBeLessThan(0.9);
    expect(split).toBeCloseTo(bcubedF1(m({ a: 1, b: 1, c: 3, d: 2 }), m({ a: 1, b: 1, c: 1, d: 2 })), 10);
    expect(bcubedF1(m({ a: 1, b: 2 }), m({ a: 1, b: 1 }))).toBeCloseTo(2 / 3, 10);
  });
});
