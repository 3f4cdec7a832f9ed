import { describe, expect, it } from "vitest";
import { feature1, feature2, feature3, featureHash, hashString, hashTail, newsCopy } from "./feature-hash.js";

describe("feature hashes", () => {
  it("are unsigned 32-bit integers, the same on every call", () => {
    for (const s of ["", "a", "Gdansk", "São Paulo", "x".repeat(200)]) {
      const h = hashString(s);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
      expect(hashString(s)).toBe(h);
    }
  });

  it("hash a word's tail as its slice would be hashed, the whole word when shorter", () => {
    expect(hashTail("reuters", 3)).toBe(hashString("ers"));
    expect(hashTail("of", 4)).toBe(hashString("of"));
    expect(hashTail("reuters", 3)).not.toBe(hashString("rs"));
  });

  it("build a feature from value hashes as featureHash does from text", () => {
    const t = hashString("l-1l");
    expect(feature2(t, hashString("in"), hashString("gdansk"))).toBe(featureHash("l-1l", "in", "gdansk"));
    expect(feature1(hashString("l"), hashString("in"))).toBe(featureHash("l", "in"));
    expect(feature3(t, hashString("a"), hashString("b"), hashString("c"))).toBe(featureHash("l-1l", "a", "b", "c"));
  });

  it("tell templates, value order and splits of the same text apart", () => {
    const seen = [
      featureHash("l-1", "in"),
      featureHash("l+1", "in"),
      featureHash("l-1l", "in", "gdansk"),
      featureHash("l-1l", "gdansk", "in"),
      featureHash("l-1l", "ingdansk"),
      featureHash("l-1l", "in", "gdansk", ""),
      newsCopy(featureHash("l-1", "in")),
    ];
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("rarely collide: 200,000 distinct features give at most a handful of equal hashes", () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 200_000; i++) hashes.add(featureHash("w", `w${i}`));
    // Birthday bound: about n^2 / 2^33 = 4.7 expected collisions among 200,000 random 32-bit values.
    expect(hashes.size).toBeGreaterThan(200_000 - 20);
  });

  it("spread features over the low bits the lookup table indexes by", () => {
    const buckets = new Uint32Array(256);
    for (let i = 0; i < 25_600; i++)
      buckets[featureHash("sh", `x${i}`) & 255] = (buckets[featureHash("sh", `x${i}`) & 255] as number) + 1;
    expect(Math.max(...buckets)).toBeLessThan(160);
    expect(Math.min(...buckets)).toBeGreaterThan(50);
  });
});
