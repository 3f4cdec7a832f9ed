import { describe, expect, it } from "vitest";
import { groupStatements } from "./facts.js";
import type { Unit } from "./units.js";

/** Units of the given articles ("a", "b", ...), only what grouping reads. */
const unitsOf = (articles: string[]): Unit[] =>
  articles.map((article, index) => ({ index, article, articleIndex: article.charCodeAt(0) - 97 }) as Unit);
const pair = (a: number, b: number) => ({ a, b, similarity: 1 });
const indices = (groups: { units: Unit[] }[]) => groups.map((g) => g.units.map((u) => u.index));

describe("groupStatements", () => {
  it("chains pairs into groups with one unit per article, in article order", () => {
    const units = unitsOf(["a", "b", "c", "a"]);
    expect(indices(groupStatements(units, [pair(1, 2), pair(0, 1)]))).toEqual([[0, 1, 2]]);
  });

  it("never takes a second unit of an article into a group", () => {
    const units = unitsOf(["a", "b", "a", "c"]);
    // 2 is of article a, which the group of 0 and 1 already holds; 3 can still join.
    expect(indices(groupStatements(units, [pair(0, 1), pair(1, 2), pair(1, 3)]))).toEqual([[0, 1, 3]]);
    // Two groups that both hold article a stay apart.
    expect(indices(groupStatements(units, [pair(0, 1), pair(2, 3), pair(1, 3)]))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("orders groups by when they were last joined, and leaves lone units out", () => {
    const units = unitsOf(["a", "b", "c", "d", "e"]);
    expect(indices(groupStatements(units, [pair(0, 1), pair(2, 3), pair(1, 4)]))).toEqual([
      [2, 3],
      [0, 1, 4],
    ]);
    expect(groupStatements(units, [])).toEqual([]);
  });

  it("joins a long chain into one group whichever side is larger", () => {
    const articles = Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));
    const units = unitsOf(articles);
    const chain = articles.slice(1).map((_, i) => pair(i, i + 1));
    expect(indices(groupStatements(units, chain))).toEqual([articles.map((_, i) => i)]);
    expect(indices(groupStatements(units, [...chain].reverse()))).toEqual([articles.map((_, i) => i)]);
  });
});
