import { describe, expect, it } from "vitest";
import { type ProcStat, parseStat, readStat, splitThreadCpu, threadCpuSeconds, treeCpuSeconds } from "./proc.js";

/** A stat line as Linux writes it, with the given command name and times in ticks. */
function line(pid: number, comm: string, ppid: number, utime: number, stime: number, cutime = 0, cstime = 0): string {
  return `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1 2 3 4 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 5 6 7`;
}

describe("parseStat", () => {
  it("reads the parent and the times in seconds", () => {
    expect(parseStat(line(42, "node", 7, 150, 50, 300, 100))).toEqual({ pid: 42, ppid: 7, self: 2, children: 4 });
  });

  it("counts fields from the last parenthesis, whatever the command name holds", () => {
    expect(parseStat(line(9, "postgres: a (b) c", 3, 10, 0))).toEqual({ pid: 9, ppid: 3, self: 0.1, children: 0 });
  });

  it("refuses lines that are not a stat line", () => {
    expect(parseStat("")).toBeUndefined();
    expect(parseStat("12 node S 1 2 3")).toBeUndefined();
    expect(parseStat("12 (node) S 1 2")).toBeUndefined();
    expect(parseStat("x (node) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15")).toBeUndefined();
  });

  it("reads this process's own stat", () => {
    expect(readStat("self")?.pid).toBe(process.pid);
    expect(readStat(2 ** 30)).toBeUndefined();
  });
});

describe("treeCpuSeconds", () => {
  const stats = [line(1, "init", 0, 1000, 0), line(10, "pm", 1, 100, 0, 500, 0), line(11, "be", 10, 200, 100)]
    .concat(line(12, "child of be", 11, 50, 0), line(20, "other", 1, 700, 0))
    .map((l) => parseStat(l) as ProcStat);

  it("adds a process, its ended children and its live descendants", () => {
    expect(treeCpuSeconds(10, stats)).toBeCloseTo(1 + 5 + 3 + 0.5);
  });

  it("leaves out processes outside the tree, and is 0 for a process that is gone", () => {
    expect(treeCpuSeconds(11, stats)).toBeCloseTo(3.5);
    expect(treeCpuSeconds(99, stats)).toBe(0);
  });
});

describe("threadCpuSeconds and splitThreadCpu", () => {
  it("reads this process's threads, the main thread among them", () => {
    const threads = threadCpuSeconds();
    if (threads.size === 0) return; // no /proc on this system
    expect(threads.has(process.pid)).toBe(true);
    for (const seconds of threads.values()) expect(seconds).toBeGreaterThanOrEqual(0);
  });

  it("splits the time spent between two readings into the main thread's and the others'", () => {
    const before = new Map([
      [7, 1],
      [8, 0.5],
    ]);
    const after = new Map([
      [7, 3],
      [8, 1.5],
      [9, 0.25],
    ]);
    expect(splitThreadCpu(before, after, 7)).toEqual({ mainMs: 2000, helperMs: 1250 });
    expect(splitThreadCpu(before, new Map(), 7)).toBeUndefined();
  });
});
