import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../src/model/index.js";
import { splitThreadCpu, threadCpuSeconds } from "./proc.js";

/**
 * How the analysis of one story grows with its size: PolNeAR articles (train and dev, in name order) analysed
 * as one story of 100, 200, 400 and 800 articles and of all of them, each size in a process of its own so that
 * its peak memory is its own. Prints time and peak RSS per size, the ratio of 800 to 100 and the growth
 * exponent fitted on a log-log scale (1 is linear, 2 quadratic). With `--reference DIST` (the dist folder of
 * another build, say of an earlier commit) each size is also analysed by that build, in a process of its own
 * right before this build's, and the ratio of the two times is printed: on a shared machine only that is fair.
 * Whether the two builds' reports are the same, byte for byte, is printed too.
 * CPU time (user and system) is printed beside the wall time: it suffers less from other processes on the machine.
 * On Linux it is also split between the main thread and the threads where V8 compiles optimised code and helps
 * collect garbage: in one run of one process, code that is met for the first time costs its compilation too.
 *
 * Run: npm run bench -- scale [--sizes 100,200,400,800] [--reference /tmp/ref/dist]
 */
const DEFAULT_SIZES = [100, 200, 400, 800];

type Pipeline = typeof import("../src/pipeline.js");
type Ingest = typeof import("../src/ingest/index.js");

const root = join(import.meta.dirname, "..", "..", "shared", "data", "quotes", "polnear");

function corpus(): string[] {
  return ["train", "dev"].flatMap((split) => {
    const dir = join(root, split, "text");
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
}

/** The child: analyses the first `size` articles once with the build in `dist` and prints one JSON line. */
async function child(size: number, dist: string): Promise<void> {
  const { analyzeStory } = (await import(join(dist, "pipeline.js"))) as Pipeline;
  const { decodeText, readTextArticle } = (await import(join(dist, "ingest", "index.js"))) as Ingest;
  const articles: Article[] = corpus()
    .slice(0, size)
    .map((path) =>
      readTextArticle({ id: path.split("/").pop() ?? path, source: path, text: decodeText(readFileSync(path)).text }),
    );
  const threads = threadCpuSeconds();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const report = analyzeStory(articles);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const split = splitThreadCpu(threads, threadCpuSeconds());
  const cpuMs = (used.user + used.system) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  // Made after the measures: a build that should find what another finds is checked against it report for report.
  const digest = createHash("sha256").update(JSON.stringify(report)).digest("hex");
  console.log(
    JSON.stringify({ size: articles.length, ms, cpuMs, ...split, rssMb, facts: report.facts.length, digest }),
  );
}

function fitExponent(points: { size: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

type Row = {
  size: number;
  ms: number;
  cpuMs: number;
  /** The CPU time of the main thread and of the others (see `splitThreadCpu`), where /proc tells them apart. */
  mainMs?: number;
  helperMs?: number;
  rssMb: number;
  facts: number;
  /** SHA-256 of the report's JSON. */
  digest: string;
};

/** Runs one size in a process of its own with the build in `dist`; undefined (and a line saying why) on failure. */
function measure(size: number, dist: string, label: string): Row | undefined {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--child", String(size), "--dist", dist],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    console.log(
      `${String(size).padStart(5)} articles${label}: failed (${run.stderr.trim().split("\n").pop() ?? run.status})`,
    );
    return undefined;
  }
  const row = JSON.parse(line) as Row;
  const threads =
    row.mainMs !== undefined && row.helperMs !== undefined
      ? `: main thread ${(row.mainMs / 1000).toFixed(2)} s, V8's helper threads ${(row.helperMs / 1000).toFixed(2)} s`
      : "";
  console.log(
    `${String(row.size).padStart(5)} articles${label}: ${(row.ms / 1000).toFixed(2)} s (${(row.cpuMs / 1000).toFixed(2)} s of CPU${threads}), peak RSS ${row.rssMb.toFixed(0)} MB, ${row.facts} facts`,
  );
  return row;
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const childSize = option("--child");
if (childSize !== undefined) {
  await child(Number(childSize), option("--dist") ?? join(import.meta.dirname, "..", "dist"));
} else {
  const all = corpus().length;
  if (all < 100) {
    console.log(`skipped: PolNeAR text not found under ${root}`);
  } else {
    const sizesArg = option("--sizes");
    const sizes = (sizesArg !== undefined ? sizesArg.split(",").map(Number) : [...DEFAULT_SIZES, all]).filter(
      (n) => n > 0 && n <= all,
    );
    const reference = option("--reference");
    const rows: Row[] = [];
    for (const size of sizes) {
      const before = reference ? measure(size, reference, " (reference)") : undefined;
      const row = measure(size, join(import.meta.dirname, "..", "dist"), reference ? " (this build)" : "");
      if (!row) continue;
      rows.push(row);
      if (before)
        console.log(
          `${String(size).padStart(5)} articles: this build takes ${(row.ms / before.ms).toFixed(2)} of the reference's time (${(row.cpuMs / before.cpuMs).toFixed(2)} of its CPU time), ${(row.rssMb / before.rssMb).toFixed(2)} of its peak RSS; ${row.digest === before.digest ? "the same report" : "a report that differs"} (SHA-256 of its JSON)`,
        );
    }
    const at = (n: number) => rows.find((r) => r.size === n);
    const small = at(100);
    const big = at(800);
    if (small && big) console.log(`time(800) / time(100) = ${(big.ms / small.ms).toFixed(2)} (linear is 8)`);
    const fitted = rows.filter((r) => DEFAULT_SIZES.includes(r.size));
    if (fitted.length >= 2)
      console.log(
        `growth exponent (log-log fit over ${fitted.map((r) => r.size).join(", ")}): ${fitExponent(fitted).toFixed(2)}`,
      );
  }
}
