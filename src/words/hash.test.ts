import { describe, expect, it } from "vitest";
import { fmix32, seededRandom } from "./hash.js";

describe("fmix32", () => {
  it("gives murmur3's finaliser values", () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  it("reads its input as 32 bits and returns an unsigned 32-bit integer", () => {
    expect(fmix32(2 ** 32 + 1)).toBe(fmix32(1));
    expect(fmix32(-1)).toBe(fmix32(0xffffffff));
    for (const x of [-5, 7, 2 ** 31, 123456789]) {
      const h = fmix32(x);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it("moves about half the output bits when one input bit changes", () => {
    let changed = 0;
    for (let bit = 0; bit < 32; bit++) {
      const d = (fmix32(12345) ^ fmix32(12345 ^ (1 << bit))) >>> 0;
      changed += d.toString(2).split("1").length - 1;
    }
    const mean = changed / 32;
    expect(mean).toBeGreaterThan(12);
    expect(mean).toBeLessThan(20);
  });
});

describe("seededRandom", () => {
  it("repeats its numbers for a seed, differs between seeds and stays in [0, 1)", () => {
    const take = (seed: number) => {
      const next = seededRandom(seed);
      return Array.from({ length: 1000 }, () => next());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    const xs = take(7);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
