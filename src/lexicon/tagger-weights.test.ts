import { describe, expect, it } from "vitest";
import { encodeWeights, parseWeights, rowOf } from "./tagger-weights.js";

describe("encodeWeights and parseWeights", () => {
  const hashes = [0xffffffff, 5, 0, 2 ** 31, 123456789];
  const rows = [1, -1, 0, 32767, -32768, 64, -65, 0, 0, 200, 300, -400, 7, 8, 9];
  const encoded = encodeWeights(hashes, rows, [0, -15, 3], 3);
  const read = parseWeights(encoded, 3);

  it("finds every feature's row by its hash, the extremes of 16 bits included", () => {
    expect(read.size).toBe(5);
    hashes.forEach((hash, k) => {
      const row = rowOf(read, hash);
      expect(row).toBeGreaterThanOrEqual(0);
      expect([...read.rows.subarray(row * 3, row * 3 + 3)]).toEqual(rows.slice(k * 3, k * 3 + 3));
    });
    expect([...read.transitions]).toEqual([0, -15, 3]);
  });

  it("finds no row for a hash it was not given, also where the table's slots collide", () => {
    expect(rowOf(read, 6)).toBe(-1);
    expect(rowOf(read, 0xfffffffe)).toBe(-1);
    // Hashes that differ only above the table's mask share a slot.
    const slots = read.slots.length;
    expect(rowOf(read, 5 + slots)).toBe(-1);
    const crowded = parseWeights(encodeWeights([1, 1 + 16, 1 + 32], [1, 2, 3], [0], 1), 1);
    expect(crowded.slots.length).toBe(8);
    expect([1, 17, 33].map((h) => crowded.rows[rowOf(crowded, h)])).toEqual([1, 2, 3]);
    expect(rowOf(crowded, 1 + 8)).toBe(-1);
  });

  it("keeps the table at most half full", () => {
    expect(read.slots.length).toBeGreaterThanOrEqual(2 * read.size);
    expect(read.slots.filter((s) => s >= 0)).toHaveLength(read.size);
  });

  it("writes the same text whatever order the features come in", () => {
    const order = [3, 0, 4, 1, 2];
    const shuffled = order.flatMap((k) => rows.slice(k * 3, k * 3 + 3));
    expect(
      encodeWeights(
        order.map((k) => hashes[k] as number),
        shuffled,
        [0, -15, 3],
        3,
      ),
    ).toEqual(encoded);
  });

  it("refuses a weight beyond 16 bits, a repeated hash and a hash beyond 32 bits", () => {
    expect(() => encodeWeights([1], [40000], [0], 1)).toThrow(/16-bit/);
    expect(() => encodeWeights([1, 1], [1, 2], [0], 1)).toThrow(/twice/);
    expect(() => encodeWeights([2 ** 32], [1], [0], 1)).toThrow(/32-bit/);
  });

  it("reads an empty model as one that knows no feature", () => {
    const empty = parseWeights({ hashes: "", weights: "", transitions: "0" }, 9);
    expect(empty.size).toBe(0);
    expect(rowOf(empty, 42)).toBe(-1);
  });

  it("says so when the weights do not fill the rows", () => {
    const short = encodeWeights([1, 2], [1, 2, 3, 4], [0], 2);
    expect(() => parseWeights({ ...short, weights: encodeWeights([1], [1, 2], [0], 2).weights }, 2)).toThrow(
      /2 weights for 2 features/,
    );
  });
});
