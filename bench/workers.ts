import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer } from "../scripts/pg-test-server.js";
import type { Store } from "../src/store/types.js";
import { inventedStream } from "../test/invented-stream.js";
import { readStat, treeCpuSeconds } from "./proc.js";

/**
 * The same stream of articles through the three ways of running Triangulate's ingest on this machine, in one
 * run: `triangulate ingest` into a SQLite file (one process), and PostgreSQL with one and with two
 * `triangulate worker` processes (concurrency 2 each) fed by `ingest --queue`, one ingest job per source file.
 * Each run is timed from the first job to the last analysis done (every article stored and placed, no story
 * waiting for its report). Where the time went: CPU seconds of the Triangulate processes and of PostgreSQL
 * (the postmaster and its backends, from /proc) against the wall clock; on 2 cores the wall is bounded
 * below by (Triangulate CPU + PostgreSQL CPU) / 2. The machine's load average is printed with the figures:
 * other work on the machine slows every run.
 *
 * With `--reference DIR` (the `dist` folder of another build, say main's copied aside), the PostgreSQL runs
 * are made with that build's workers too, each beside this build's in the same run, for a before/after
 * ratio under the same load.
 *
 * Run: npm run bench -- workers [--articles 3000] [--per-file 50] [--per-story 8] [--reference DIR]
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
/** A few thousand: enough for many sources per worker, bounded to minutes with the analysis on. */
const ARTICLES = option("articles", 3_000);
/** Articles per source file (one ingest job each): several jobs per worker at any time. */
const PER_FILE = option("per-file", 50);
const PER_STORY = option("per-story", 8);
/** A run that has not finished by then is reported as such instead of hanging the benchmark. */
const at = args.indexOf("--reference");
/** Another build's `dist` folder whose workers run beside this build's; none by default. */
const REFERENCE = at >= 0 ? args[at + 1] : undefined;
const RUN_TIMEOUT_MS = 15 * 60_000;
/** A worker starts in a second or two; a minute is for a loaded machine. */
const READY_TIMEOUT_MS = 60_000;

const root = join(import.meta.dirname, "..");
const bin = join(root, "dist", "cli", "bin.js");
const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-workers-"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  name: string;
  articles: number;
  stories: number;
  wall: number;
  /** CPU seconds of the Triangulate processes (the ingest, or the workers). */
  app: number;
  /** CPU seconds of PostgreSQL's processes; 0 for SQLite, which runs inside the ingest process. */
  db: number;
}

/** CPU seconds of this process's children that have ended and been waited for. */
const endedChildren = () => readStat("self")?.children ?? 0;

function sources(): string[] {
  const records = [...inventedStream({ articles: ARTICLES, perStory: PER_STORY, seed: 2026 })];
  const files: string[] = [];
  for (let i = 0; i < records.length; i += PER_FILE) {
    const file = join(dir, `source-${String(i / PER_FILE).padStart(4, "0")}.jsonl`);
    const slice = records.slice(i, i + PER_FILE).map((r) => JSON.stringify(r));
    writeFileSync(file, `${slice.join("\n")}\n`);
    files.push(file);
  }
  return files;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });
}

function node(argv: string[], script = bin): ChildProcess & { log: string } {
  const child = spawn(process.execPath, [script, ...argv], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const out = child as ChildProcess & { log: string };
  out.log = "";
  child.stderr?.on("data", (d) => {
    out.log += d;
  });
  return out;
}

async function sqliteRun(files: string[], openSqlite: (path: string) => Promise<Store>): Promise<Run> {
  const path = join(dir, "bench.db");
  const cpu = endedChildren();
  const t = performance.now();
  const child = node(["ingest", ...files, "--db", path]);
  const code = await exited(child);
  const wall = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`triangulate ingest failed: ${child.log.slice(-2000)}`);
  const app = endedChildren() - cpu;
  const store = await openSqlite(path);
  const counts = await store.counts();
  await store.close();
  return { name: "SQLite, 1 process", articles: counts.articles, stories: counts.stories, wall, app, db: 0 };
}

async function postgresRun(
  workers: number,
  serverUrl: string,
  postmaster: number,
  files: string[],
  expected: number,
  d: Dist,
  build?: string,
): Promise<Run> {
  const url = await freshDatabase(serverUrl, `workers${workers}${build ? "ref" : ""}`);
  // The tables first, as `ingest --queue` makes them, so that the workers find them.
  const store = await d.postgres.openPostgresStore(url);
  // One after another, so that each worker's start-up is out of the figures (workers starting together make
  // the queue one at a time, under an advisory lock).
  const children: (ChildProcess & { log: string })[] = [];
  const readyBy = Date.now() + READY_TIMEOUT_MS;
  for (let i = 0; i < workers; i++) {
    const c = node(["worker", "--db", url, "--concurrency", "2"], build ? join(build, "cli", "bin.js") : bin);
    children.push(c);
    while (!c.log.includes("taking jobs")) {
      if (c.exitCode !== null || Date.now() > readyBy) {
        for (const k of children) k.kill("SIGKILL");
        throw new Error(`expected ${workers} workers taking jobs, found: ${children.map((k) => k.log).join("\n")}`);
      }
      await sleep(50);
    }
  }
  console.error(`${workers} worker(s) taking jobs`);
  const cpu = endedChildren();
  const dbCpu = treeCpuSeconds(postmaster);
  const t = performance.now();
  const boss = await d.queue.openQueue(url);
  await d.queue.submitSources(boss, files);
  await boss.stop({ graceful: false, wait: true });
  const end = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const counts = await store.counts();
    if (counts.articles >= expected && counts.pending === 0 && (await store.unplacedArticles(1)).length === 0) break;
    if (Date.now() > end) {
      for (const c of children) c.kill("SIGKILL");
      throw new Error(`${workers} workers did not finish: ${JSON.stringify(counts)}`);
    }
    await sleep(100);
  }
  const wall = (performance.now() - t) / 1000;
  const db = treeCpuSeconds(postmaster) - dbCpu;
  const counts = await store.counts();
  await store.close();
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(children.map(exited));
  const app = endedChildren() - cpu;
  const name = `PostgreSQL, ${workers} worker${workers === 1 ? "" : "s"}${build ? " (reference)" : ""}`;
  return { name, articles: counts.articles, stories: counts.stories, wall, app, db };
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

type Dist = {
  sqlite: typeof import("../src/store/sqlite/index.js");
  postgres: typeof import("../src/store/postgres/index.js");
  queue: typeof import("../src/jobs/queue.js");
};

async function main(): Promise<void> {
  const dist = join(root, "dist");
  const d: Dist = {
    sqlite: await import(join(dist, "store/sqlite/index.js")),
    postgres: await import(join(dist, "store/postgres/index.js")),
    queue: await import(join(dist, "jobs/queue.js")),
  };
  let server: Awaited<ReturnType<typeof startTestServer>>;
  try {
    server = await startTestServer((line) => console.error(line));
  } catch (err) {
    console.log(`skipped: no PostgreSQL server (${(err as Error).message})`);
    return;
  }
  const runs: Run[] = [];
  try {
    const postmaster = Number(readFileSync(join(server.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
    const files = sources();
    const load = loadavg().map((l) => l.toFixed(2));
    console.log(`${ARTICLES} invented articles in ${files.length} sources; load average before: ${load.join(" ")}`);
    const sqlite = await sqliteRun(files, d.sqlite.openSqliteStore);
    runs.push(sqlite);
    for (const workers of [1, 2]) {
      if (REFERENCE)
        runs.push(await postgresRun(workers, server.url, postmaster, files, sqlite.articles, d, REFERENCE));
      runs.push(await postgresRun(workers, server.url, postmaster, files, sqlite.articles, d));
    }
  } finally {
    await server.remove();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("| run | articles | stories | wall s | articles/s | Triangulate CPU s | PostgreSQL CPU s | CPU / wall |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of runs) {
    const cells = [r.name, r.articles, r.stories, r.wall.toFixed(1), Math.round(r.articles / r.wall)];
    cells.push(r.app.toFixed(1), r.db.toFixed(1), ((r.app + r.db) / r.wall).toFixed(2));
    console.log(`| ${cells.join(" | ")} |`);
  }
  const sqlite = runs[0] as Run;
  const mine = runs.filter((r) => r.name.startsWith("PostgreSQL") && !r.name.endsWith("(reference)"));
  const [one, two] = mine as [Run, Run];
  const rate = (r: Run) => r.articles / r.wall;
  console.log(
    `ratios: 2 workers / 1 worker ${(rate(two) / rate(one)).toFixed(2)}, PostgreSQL 1 worker / SQLite ${(rate(one) / rate(sqlite)).toFixed(2)}, PostgreSQL 2 workers / SQLite ${(rate(two) / rate(sqlite)).toFixed(2)}`,
  );
  if (REFERENCE) {
    const refs = runs.filter((r) => r.name.endsWith("(reference)"));
    const speedups = mine.map((r, i) => (rate(r) / rate(refs[i] as Run)).toFixed(2));
    console.log(`this build / reference, articles per second: 1 worker ${speedups[0]}, 2 workers ${speedups[1]}`);
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

await main();
