import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("allows the limit in a window, refuses the next, and allows again in the next window", () => {
    let now = 1_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
    expect(limiter.retryAfter("a")).toBe(60);
    expect(limiter.take("b")).toBe(true);
    now += 60_000;
    expect(limiter.take("a")).toBe(true);
    expect(limiter.retryAfter("a")).toBe(0);
  });

  it("keeps at most maxClients windows", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, maxClients: 3, now: () => now });
    for (const c of ["a", "b", "c", "d", "e"]) expect(limiter.take(c)).toBe(true);
    now += 10;
    // "e" is still remembered and refused; the oldest were forgotten, so "a" may write again.
    expect(limiter.take("e")).toBe(false);
    expect(limiter.take("a")).toBe(true);
  });
});
