import { describe, expect, it } from "vitest";
import { cosine, PackedVectors, sumVectors, TermSpace, TermStatistics, type TermVector } from "./similarity.js";

/** The cosine the vectors stand for, computed from their terms as strings. */
function reference(a: TermVector, b: TermVector): number {
  const bag = (v: TermVector) =>
    new Map([...v.terms].map((id, i) => [v.space.terms[id] as string, v.weights[i] as number]));
  const x = bag(a);
  const y = bag(b);
  let dot = 0;
  for (const [k, w] of x) dot += w * (y.get(k) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0));
  return norm(x) && norm(y) ? dot / (norm(x) * norm(y)) : 0;
}

const sentences = [
  ["harbour", "fire", "crane", "fire"],
  ["harbour", "crane", "ship"],
  ["ship", "cargo"],
  ["vote", "council"],
  [],
  Array.from({ length: 60 }, (_, i) => `long${i % 40}`),
  Array.from({ length: 50 }, (_, i) => `long${i}`),
];

describe("TermStatistics", () => {
  const stats = new TermStatistics();
  for (const s of sentences) stats.add(s);
  const vectors = sentences.map((s) => stats.vector(s));

  it("weighs a repeated stem once per occurrence and rarer stems more", () => {
    const [v] = vectors as [TermVector];
    expect([...v.terms].map((id) => stats.space.terms[id])).toEqual(["harbour", "fire", "crane"]);
    expect(v.weights[1]).toBeCloseTo(2 * stats.idf("fire"));
    expect(stats.idf("fire")).toBeGreaterThan(stats.idf("harbour"));
    expect(stats.idf("never-seen")).toBeGreaterThan(stats.idf("fire"));
  });

  it("gives cosines that are symmetric, in [0, 1] and those of the bags of words", () => {
    for (const a of vectors)
      for (const b of vectors) {
        const c = cosine(a, b);
        expect(c).toBe(cosine(b, a));
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(c).toBeCloseTo(reference(a, b), 12);
      }
  });

  it.each([
    ["a vector with itself", 0, 0, 1],
    ["no shared stem", 2, 3, 0],
    ["an empty vector", 4, 0, 0],
  ])("%s: %i with %i is %f", (_, i, j, value) => {
    expect(cosine(vectors[i] as TermVector, vectors[j] as TermVector)).toBeCloseTo(value, 12);
  });

  it("compares vectors of two spaces by their terms", () => {
    const other = new TermStatistics();
    other.add(["ship", "anchor"]);
    const v = other.vector(["anchor", "ship"]);
    expect(v.space).not.toBe(stats.space);
    expect(cosine(v, vectors[2] as TermVector)).toBeCloseTo(reference(v, vectors[2] as TermVector), 12);
    expect(cosine(v, vectors[2] as TermVector)).toBeGreaterThan(0);
    expect(cosine(v, vectors[3] as TermVector)).toBe(0);
  });

  it("numbers a space's terms in the order they are first seen, each once", () => {
    const space = new TermSpace();
    expect([space.id("b"), space.id("a"), space.id("b")]).toEqual([0, 1, 0]);
    expect(space.find("a")).toBe(1);
    expect(space.find("c")).toBeUndefined();
  });
});

describe("sumVectors", () => {
  const stats = new TermStatistics();
  const a = stats.vector(["harbour", "fire"]);
  const b = stats.vector(["fire", "ship"]);

  it("adds the weights term by term", () => {
    const sum = sumVectors([a, b], stats.space);
    expect([...sum.terms].map((id) => stats.space.terms[id])).toEqual(["harbour", "fire", "ship"]);
    expect(sum.weights[1]).toBeCloseTo((a.weights[1] as number) + (b.weights[0] as number));
    expect(sum.norm).toBeCloseTo(Math.sqrt([...sum.weights].reduce((s, w) => s + w * w, 0)));
  });

  it("numbers another space's terms in the space given", () => {
    const other = new TermStatistics().vector(["anchor"]);
    const sum = sumVectors([a, other], stats.space);
    expect(sum.space).toBe(stats.space);
    expect([...sum.terms].map((id) => stats.space.terms[id])).toEqual(["harbour", "fire", "anchor"]);
  });

  it("of nothing is the empty vector", () => {
    expect(sumVectors([], stats.space).norm).toBe(0);
  });
});

describe("PackedVectors", () => {
  const stats = new TermStatistics();
  for (const s of sentences) stats.add(s);
  const vectors = sentences.map((s) => stats.vector(s));
  const packed = new PackedVectors(vectors);

  it("gives each pair the cosine of the vectors, to the last bit", () => {
    vectors.forEach((a, i) => {
      vectors.forEach((b, j) => {
        expect(packed.cosine(i, j)).toBe(cosine(a, b));
      });
    });
  });

  it("sums long products in the shorter vector's order, as a scan does, and leaves nothing behind for the next", () => {
    const scan = (a: TermVector, b: TermVector) => {
      const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
      let sum = 0;
      small.terms.forEach((id, i) => {
        const k = large.terms.indexOf(id);
        if (k >= 0) sum += (small.weights[i] as number) * (large.weights[k] as number);
      });
      return Math.min(1, sum / (a.norm * b.norm));
    };
    const long = [5, 6].map((i) => vectors[i] as TermVector);
    for (let round = 0; round < 2; round++) {
      expect(packed.cosine(5, 6)).toBe(scan(long[0] as TermVector, long[1] as TermVector));
      expect(cosine(long[0] as TermVector, long[1] as TermVector)).toBe(packed.cosine(5, 6));
      // Negative rows: after a long product, short vectors with none of its terms still share nothing.
      expect(packed.cosine(3, 5)).toBe(0);
      expect(cosine(vectors[3] as TermVector, long[1] as TermVector)).toBe(0);
    }
  });

  it("keeps each vector's norm and terms", () => {
    expect(packed.norms[4]).toBe(0);
    expect([...packed.terms.subarray(packed.start[1], packed.start[2])]).toEqual([...(vectors[1] as TermVector).terms]);
  });
});
