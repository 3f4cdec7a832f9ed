import { describe, expect, it } from "vitest";
import { SizedCache } from "./cache.js";

describe("SizedCache", () => {
  it("keeps values under the byte budget, dropping the least recently used first", () => {
    const cache = new SizedCache<string>(40, (v) => v.length);
    cache.set("a", "x".repeat(10));
    cache.set("b", "y".repeat(10));
    cache.set("c", "z".repeat(10));
    expect(cache.get("a")).toBe("x".repeat(10));
    cache.set("d", "w".repeat(10));
    cache.set("e", "v".repeat(10));
    expect(cache.bytes).toBeLessThanOrEqual(40);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("e")).toBeDefined();
  });

  it("replaces a key's value and does not keep a value over a quarter of the budget", () => {
    const cache = new SizedCache<string>(40, (v) => v.length);
    cache.set("a", "x".repeat(5));
    cache.set("a", "y".repeat(6));
    expect(cache.get("a")).toBe("yyyyyy");
    expect(cache.bytes).toBe(6);
    cache.set("big", "z".repeat(11));
    expect(cache.get("big")).toBeUndefined();
    cache.set("a", "z".repeat(11));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
