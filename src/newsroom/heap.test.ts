import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundHeapGrowth } from "./heap.js";

/**
 * A process that holds a live set of some 60 MB and makes garbage that lives a while (as an ingest's pending
 * story states do), printing the most heap it had in use; with `bound`, it first calls `boundHeapGrowth`.
 */
function peakHeapMb(bound: boolean): number {
  const module = join(import.meta.dirname, "heap.ts");
  const script = `
    ${bound ? `const { boundHeapGrowth } = await import(${JSON.stringify(module)}); boundHeapGrowth();` : ""}
    const live = [];
    for (let i = 0; i < 700000; i++) live.push({ a: "x" + i, b: i * 1.5 });
    const recent = [];
    let peak = 0;
    for (let round = 0; round < 1200; round++) {
      const batch = [];
      for (let i = 0; i < 2000; i++) batch.push(new Map([["k" + i, i * 0.5]]));
      recent.push(batch);
      if (recent.length > 20) recent.shift();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    console.log(JSON.stringify({ peak: peak / 1048576, live: live.length }));
  `;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`the heap probe failed: ${child.stderr}`);
  return (JSON.parse(child.stdout.trim()) as { peak: number }).peak;
}

describe("boundHeapGrowth", () => {
  it("keeps the heap in use near the live heap where V8 alone lets it grow to several times that", () => {
    const free = peakHeapMb(false);
    const bounded = peakHeapMb(true);
    // Some 160 MB against some 80 MB on Node 20; the live set alone is some 60 MB.
    expect(bounded).toBeLessThan(free * 0.75);
    expect(free).toBeGreaterThan(100);
  }, 60_000);

  it("refuses a growth that is not a whole positive percent", () => {
    expect(() => boundHeapGrowth(0)).toThrow(/whole positive percent, found 0/);
    expect(() => boundHeapGrowth(-20)).toThrow(/found -20/);
    expect(() => boundHeapGrowth(12.5)).toThrow(/found 12.5/);
  });
});
