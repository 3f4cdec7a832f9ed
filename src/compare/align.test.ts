import { describe, expect, it } from "vitest";
import { alignUnits, candidateCap } from "./align.js";
import type { Unit } from "./units.js";

/** Position of each article named in these tests, as the story would number them. */
const articleIndex = new Map<string, number>();

/** A unit with only what alignment reads: its position, article and stem weights. */
function unit(index: number, article: string, stems: Record<string, number>): Unit {
  const weights = new Map(Object.entries(stems));
  const norm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
  if (!articleIndex.has(article)) articleIndex.set(article, articleIndex.size);
  return {
    index,
    article,
    articleIndex: articleIndex.get(article),
    vector: { weights, norm },
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
});
