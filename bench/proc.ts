import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of processes from Linux's /proc, for benchmarks that must say where the time of several
 * processes went (workers, PostgreSQL's backends) when `process.cpuUsage` sees only this one.
 */

/** Clock ticks per second of /proc's times: 100 on Linux for every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/PID/stat a benchmark needs, times in seconds. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** User and system time of the process itself. */
  self: number;
  /** User and system time of its children that ended and were waited for. */
  children: number;
}

/**
 * Parses one /proc/PID/stat line. The command name (field 2) is in parentheses and may hold spaces and
 * parentheses itself, so the fields are counted from the last ")". Undefined for a line that is not one.
 */
export function parseStat(line: string): ProcStat | undefined {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const pid = Number(line.slice(0, open).trim());
  // After ")": state(3) ppid(4) pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime cutime cstime
  const rest = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const values = [field(4), field(14), field(15), field(16), field(17)];
  if (!Number.isInteger(pid) || rest.length < 15 || values.some((v) => !Number.isFinite(v))) return undefined;
  const [ppid, utime, stime, cutime, cstime] = values as [number, number, number, number, number];
  return { pid, ppid, self: (utime + stime) / TICKS_PER_SECOND, children: (cutime + cstime) / TICKS_PER_SECOND };
}

/** The stat of a running process; undefined once it has gone. */
export function readStat(pid: number | "self"): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds spent so far by a process and everything under it: its own time, its ended children's (the
 * kernel adds them once it waits for them) and its live descendants'. PostgreSQL's postmaster waits for
 * every backend that ends, so its tree total counts every connection's queries, ended or not.
 */
export function treeCpuSeconds(root: number, stats: ProcStat[] = allStats()): number {
  const byParent = new Map<number, ProcStat[]>();
  for (const s of stats) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  const top = stats.find((s) => s.pid === root);
  if (!top) return 0;
  let total = 0;
  const seen = new Set<number>();
  const walk = (s: ProcStat) => {
    if (seen.has(s.pid)) return;
    seen.add(s.pid);
    total += s.self + s.children;
    for (const c of byParent.get(s.pid) ?? []) walk(c);
  };
  walk(top);
  return total;
}

/** The stat of every process now running. */
export function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/**
 * CPU seconds each thread of this process has spent so far, by thread id (Linux's /proc/self/task). Node runs
 * V8's optimising compiler and part of its garbage collector on helper threads, which `process.cpuUsage` counts
 * together with the main thread: this tells them apart. The main thread's id is the process id. Empty where
 * there is no /proc.
 */
export function threadCpuSeconds(): Map<number, number> {
  const out = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      const s = parseStat(readFileSync(`/proc/self/task/${task}/stat`, "utf8"));
      if (s) out.set(s.pid, s.self);
    } catch {
      // The thread ended between the listing and the read: its time is no longer this process's to split.
    }
  }
  return out;
}

/**
 * The CPU milliseconds the main thread and the other threads spent between two `threadCpuSeconds` readings
 * (a thread started in between counts from zero); undefined where the readings are empty (no /proc).
 */
export function splitThreadCpu(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
  mainThread: number = process.pid,
): { mainMs: number; helperMs: number } | undefined {
  if (after.size === 0) return undefined;
  let mainMs = 0;
  let helperMs = 0;
  for (const [thread, seconds] of after) {
    const ms = (seconds - (before.get(thread) ?? 0)) * 1000;
    if (thread === mainThread) mainMs += ms;
    else helperMs += ms;
  }
  return { mainMs, helperMs };
}
