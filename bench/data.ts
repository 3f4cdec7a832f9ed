import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";

/** The shared evaluation data, beside the project checkout (../shared/data). */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/data");

/** Where archives are unpacked once, outside the project. */
const CACHE = join(tmpdir(), "triangulate-bench");

/** True when the data set folder is there; benchmarks print a clear line and skip it otherwise. */
export function hasData(relative: string): boolean {
  return existsSync(join(SHARED_DATA, relative));
}

/**
 * Unpacks a `.tar.xz` of the shared data into a cache folder (once) and returns that folder.
 *
 * @example const dir = unpacked("extraction/l3s-gn1/L3S-GN1-html.tar.xz")
 */
export function unpacked(archive: string): string {
  const target = join(CACHE, archive.replace(/[/.]/g, "_"));
  const done = join(target, ".unpacked");
  if (!existsSync(done)) {
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xJf", join(SHARED_DATA, archive), "-C", target]);
    writeFileSync(done, new Date().toISOString());
  }
  return target;
}

/** Reads a JSON file of the shared data. */
export function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(SHARED_DATA, relative), "utf8")) as T;
}

/** The first of `dirs` (under `root`) holding `file`, as htmldate and trafilatura look their pages up. */
export function locate(root: string, dirs: string[], file: string): string | undefined {
  for (const d of dirs) {
    const path = join(root, d, file);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Command-line options shared by the benchmarks: `--limit N` pages, `--no-jsdom`. */
export interface BenchOptions {
  limit: number;
  jsdom: boolean;
}

export function benchOptions(args: string[]): BenchOptions {
  const i = args.indexOf("--limit");
  const limit = i >= 0 ? Number(args[i + 1]) : Number.POSITIVE_INFINITY;
  return {
    limit: Number.isFinite(limit) && limit > 0 ? limit : Number.POSITIVE_INFINITY,
    jsdom: !args.includes("--no-jsdom"),
  };
}

/** Heap the reference extractors need: jsdom holds on to a lot of memory over a thousand pages. */
const BENCH_HEAP_MB = 12_288;

/**
 * Re-runs this process with a larger heap when it has the default one; returns true when it did (the caller
 * then stops), false when the heap is already large enough.
 */
export function rerunWithLargeHeap(): boolean {
  if (getHeapStatistics().heap_size_limit >= BENCH_HEAP_MB * 1024 * 1024 * 0.9) return false;
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${BENCH_HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exitCode = child.status ?? 1;
  return true;
}
