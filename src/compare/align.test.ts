import { describe, expect, it } from "vitest";
import { alignUnits, candidateCap, descendingOrder } from "./align.js";
import { TermSpace } from "./similarity.js";
import type { Unit } from "./units.js";

/** Where the units of these tests number their terms, as one story's units do. */
const story = new TermSpace();

/** Position of each article named in these tests, as the story would number them. */
const articleIndex = new Map<string, number>();

/** A unit with only what alignment reads: its position, article and stem weights. */
function unit(index: number, article: string, stems: Record<string, number>, space = story): Unit {
  const entries = Object.entries(stems);
  const terms = Int32Array.from(entries, ([s]) => space.id(s));
  const weights = Float64Array.from(entries, ([, w]) => w);
  const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0));
  if (!articleIndex.has(article)) articleIndex.set(article, articleIndex.size);
  return {
    index,
    article,
    articleIndex: articleIndex.get(article),
    vector: { space, terms, weights, norm },
    clauses: [],
  } as unknown as Unit;
}

describe("candidateCap", () => {
  it.each([
    [10, 12],
    [240, 12],
    [1000, 50],
    [2000, 50],
    [40000, 50],
    [1e6, 50],
  ])("a story of %i units lets a stem in %i of them propose pairs", (units, cap) => {
    expect(candidateCap(units)).toBe(cap);
  });
});

describe("alignUnits in a long story", () => {
  // 3000 statements, each in an article of its own. "harbour" is in the first 150 of them: 5% of the story,
  // which a share alone would let propose all their pairs; "quarry" in two; "ferry" in the last three.
  const units = Array.from({ length: 3000 }, (_, i) => {
    const stems: Record<string, number> = { [`own${i}`]: 1 };
    if (i < 150) stems.harbour = 1;
    if (i === 3 || i === 7) stems.quarry = 3;
    if (i >= 2997) stems.ferry = 2;
    return unit(i, `article-${i}`, stems);
  });
  const found = alignUnits(units, 0.1).map((p) => `${p.a}-${p.b}`);

  it.each([
    ["two statements sharing a rare stem", "3-7", true],
    ["three statements sharing a rare stem (first pair)", "2997-2998", true],
    ["three statements sharing a rare stem (last pair)", "2998-2999", true],
    ["two statements sharing only a stem of 150 statements", "0-1", false],
    ["two more such statements", "20-149", false],
    ["statements sharing nothing", "3-2997", false],
  ])("%s: %s aligned = %s", (_, pair, aligned) => {
    expect(found.includes(pair)).toBe(aligned);
  });

  it("finds nothing else", () => {
    expect(found.sort()).toEqual(["2997-2998", "2997-2999", "2998-2999", "3-7"]);
  });

  it("pairs no statements of one article", () => {
    const same = [unit(0, "a", { quarry: 1 }), unit(1, "a", { quarry: 1 }), unit(2, "b", { quarry: 1 })];
    expect(alignUnits(same, 0.1).map((p) => `${p.a}-${p.b}`)).toEqual(["0-2", "1-2"]);
  });

  it("numbers in the story's space the terms of a unit from another space", () => {
    const other = new TermSpace();
    other.id("unrelated");
    const mixed = [unit(0, "a", { quarry: 1, own0: 1 }), unit(1, "b", { quarry: 1, own1: 1 }, other)];
    expect(alignUnits(mixed, 0.1).map((p) => `${p.a}-${p.b}`)).toEqual(["0-1"]);
    expect(alignUnits(mixed, 0.6)).toEqual([]);
  });
});

describe("descendingOrder", () => {
  it.each([
    ["highest first", [0.5, 0.25, 1], [2, 0, 1]],
    ["equal values keep their order", [0.3, 0.7, 0.3, 0.7], [1, 3, 0, 2]],
    ["negative values, zeros and infinities", [-1, 0, Infinity, -0.5, -Infinity, 2], [2, 5, 1, 3, 0, 4]],
    ["values that differ only in their last bits", [0.1 + 0.2, 0.3, 0.30000000000000004], [0, 2, 1]],
    ["nothing", [], []],
  ])("%s", (_, values, order) => {
    expect([...descendingOrder(Float64Array.from(values))]).toEqual(order);
  });

  it("orders as a comparison sort does, on many values", () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) / 997 - 0.2);
    const expected = values.map((_, i) => i).sort((x, y) => (values[y] as number) - (values[x] as number) || x - y);
    expect([...descendingOrder(Float64Array.from(values))]).toEqual(expected);
  });
});

describe("alignUnits order", () => {
  it("gives pairs best first, then by their first and second unit", () => {
    const units = [
      unit(0, "p", { tide: 1, gull: 1 }),
      unit(1, "q", { tide: 1, gull: 1 }),
      unit(2, "r", { tide: 1 }),
      unit(3, "s", { gull: 1, tide: 1 }),
    ];
    expect(alignUnits(units, 0.1).map((p) => `${p.a}-${p.b}`)).toEqual(["0-1", "0-3", "1-3", "0-2", "1-2", "2-3"]);
  });
});
