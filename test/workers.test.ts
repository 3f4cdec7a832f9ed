import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../scripts/pg-test-server.js";
import { OnlineClusterer } from "../src/cluster/clusterer.js";
import { readArticles } from "../src/ingest/index.js";
import { openQueue, submitSources } from "../src/jobs/queue.js";
import { startWorker } from "../src/jobs/worker.js";
import type { Article, StoryReport } from "../src/model/index.js";
import { identityOf } from "../src/newsroom/identity.js";
import { ingestItems } from "../src/newsroom/ingest.js";
import { openPostgresStore } from "../src/store/postgres/index.js";
import { openSqliteStore } from "../src/store/sqlite/index.js";
import type { Store } from "../src/store/types.js";
import { bcubedF1 } from "./bcubed.js";
import { emptyReport } from "./fixtures.js";
import { inventedStream } from "./invented-stream.js";
import { freshDatabase, pgServer } from "./pg.js";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "triangulate-workers-"));
const server = pgServer();

/**
 * Articles in the invented stream and per source file: several sources per worker and several batches per
 * cluster job, few enough for seconds of work. The 5,000-article fault run, with the same checks,
 * is `npm run bench -- workers --kill` (minutes on 2 cores: too long for the suite).
 */
const ARTICLES = 240;
const PER_FILE = 20;
/** Seconds after which a killed worker's job is handed on: short, so that the test waits seconds. */
const JOB_TIMEOUT_S = 3;

/** The stream as source files, in order. */
function sources(name: string, seed: number, articles = ARTICLES): string[] {
  const records = [...inventedStream({ articles, perStory: 8, seed })];
  const files: string[] = [];
  for (let i = 0; i < records.length; i += PER_FILE) {
    const file = join(dir, `${name}-${String(i / PER_FILE).padStart(3, "0")}.jsonl`);
    writeFileSync(
      file,
      `${records
        .slice(i, i + PER_FILE)
        .map((r) => JSON.stringify(r))
        .join("\n")}\n`,
    );
    files.push(file);
  }
  return files;
}

/** Each article's identity key mapped to the identity key of its story's first article. */
async function clustering(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const story of await store.stories({ order: "biggest", limit: 100_000 })) {
    const articles = await store.storyArticles(story.id);
    for (const a of articles) out.set(a.key, articles[0]?.key as string);
  }
  return out;
}

/** The stories of a single in-process run of the same sources, in their order, on SQLite. */
async function reference(files: string[]): Promise<Map<string, string>> {
  const store = await openSqliteStore(join(dir, `reference-${Math.random().toString(36).slice(2)}.db`));
  await ingestItems(store, readArticles(files), { assigner: (i) => new OnlineClusterer(i), analyze: false });
  const out = await clustering(store);
  await store.close();
  return out;
}

async function keysOf(files: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const item of readArticles(files))
    if (item.kind === "article") keys.add(identityOf(item.article, item.url).key);
  return keys;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every article is stored and placed and no story waits for its analysis. */
async function settled(
  store: Store,
  articles: number,
  timeoutMs: number,
  logs: () => string = () => "",
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const counts = await store.counts().catch(() => undefined);
    if (counts && counts.articles === articles && counts.pending === 0) {
      if ((await store.unplacedArticles(1)).length === 0) return;
    }
    if (Date.now() > end) {
      throw new Error(`expected the workers to finish, found ${JSON.stringify(counts)}\n${logs().slice(-3000)}`);
    }
    await sleep(200);
  }
}

function spawnWorker(url: string): ChildProcess & { log: string } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/bin.ts",
      "worker",
      "--db",
      url,
      "--concurrency",
      "2",
      "--job-timeout",
      String(JOB_TIMEOUT_S),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  ) as ChildProcess & { log: string };
  child.log = "";
  child.stderr?.on("data", (d) => {
    child.log += d;
  });
  return child;
}

/** Resolves once the worker says it takes jobs: its queues are set up with its job timeout. */
async function ready(child: ChildProcess & { log: string }): Promise<void> {
  while (!child.log.includes("taking jobs")) {
    if (child.exitCode !== null) throw new Error(`expected a running worker, found it exited: ${child.log}`);
    await sleep(50);
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.on("exit", (code, signal) => resolve({ code, signal }));
  });

/** A report naming its articles: the workers' tests are about storing and clustering, not analysis. */
function namingReport(articles: Article[]): StoryReport {
  return emptyReport(articles, articles.map((a) => a.id).join(" "));
}

const children: ChildProcess[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const s of servers) await s.remove();
});

if (server.url) {
  const serverUrl = server.url;
  describe("workers on PostgreSQL", () => {
    it("two workers store every article once, form the stories one process forms, and analyse a story once per burst", async () => {
      const files = sources("two", 5);
      const [keys, single] = await Promise.all([keysOf(files), reference(files)]);
      const url = await freshDatabase(serverUrl, "workers");
      const analysed = new Map<string, number>();
      const analyzeStory = (articles: Article[]) => {
        const id = articles[0]?.id as string;
        analysed.set(id, (analysed.get(id) ?? 0) + 1);
        return namingReport(articles);
      };
      const options = { url, concurrency: 2, analyzeStory, analyseDelayS: 1 };
      const workers = [await startWorker(options), await startWorker(options)];
      const boss = await openQueue(url);
      expect(await submitSources(boss, files)).toBe(files.length);
      await boss.stop({ graceful: false, wait: true });
      const store = await openPostgresStore(url);
      await settled(store, keys.size, 90_000);
      await Promise.all(workers.map((w) => w.stop()));
      // Both took jobs.
      expect(workers.every((w) => w.done.ingest > 0)).toBe(true);
      const stored = await clustering(store);
      expect(new Set(stored.keys())).toEqual(keys);
      expect(bcubedF1(stored, single)).toBeGreaterThanOrEqual(0.99);
      const stories = (await store.counts()).stories;
      const analyses = [...analysed.values()].reduce((a, b) => a + b, 0);
      // Debounced: far fewer analyses than articles, each story at least once.
      expect(analysed.size).toBe(stories);
      expect(analyses).toBeLessThan(keys.size / 2);
      await store.close();
    }, 150_000);

    it("a worker killed with SIGKILL mid-job loses nothing: its jobs are retried, every article is stored once, the stories are those of one process", async () => {
      // Half the stream: these workers run the real analysis, much slower than the other tests' stand-in.
      const files = sources("killed", 9, ARTICLES / 2);
      const [keys, single] = await Promise.all([keysOf(files), reference(files)]);
      const url = await freshDatabase(serverUrl, "killed");
      const store = await openPostgresStore(url);
      const a = spawnWorker(url);
      const b = spawnWorker(url);
      children.push(a, b);
      await Promise.all([ready(a), ready(b)]);
      const boss = await openQueue(url);
      await submitSources(boss, files);
      await boss.stop({ graceful: false, wait: true });
      // Kill one while jobs are in hand: some articles stored, not all.
      while ((await store.counts()).articles < keys.size / 4) await sleep(50);
      a.kill("SIGKILL");
      expect((await exited(a)).signal).toBe("SIGKILL");
      const { rows } = await store.executeSql("select id::text as id from pgboss.job where state = 'active'", []);
      const inHand = rows.map((r) => (r as { id: string }).id);
      expect((await store.counts()).articles).toBeLessThan(keys.size);
      await settled(store, keys.size, 240_000, () => b.log);
      // The killed worker's jobs were handed on and done: some job in hand at the kill was retried, and every
      // one of them ended (a retry may still be due once the stories are settled: waited for), every source's
      // completed. A cluster or analysis job may end failed when one for the same story already waits for its
      // retry (pg-boss's stately queues keep one per state); that one does the work, as settled() showed.
      const jobs = async () =>
        (
          await store.executeSql(
            `select count(*) filter (where retry_count > 0)::int as retried,
                    count(*) filter (where state in ('created', 'retry', 'active')
                                     or (name = 'triangulate-ingest' and state <> 'completed'))::int as open
             from pgboss.job where id = any($1::uuid[])`,
            [inHand],
          )
        ).rows[0] as { retried: number; open: number };
      for (let i = 0; i < 300 && (await jobs()).open > 0; i++) await sleep(200);
      expect(await jobs()).toMatchObject({ open: 0 });
      expect((await jobs()).retried).toBeGreaterThan(0);
      const stored = await clustering(store);
      expect(new Set(stored.keys())).toEqual(keys);
      expect(stored.size).toBe((await store.counts()).articles);
      expect(bcubedF1(stored, single)).toBeGreaterThanOrEqual(0.99);
      b.kill("SIGTERM");
      expect(await exited(b)).toEqual({ code: 0, signal: null });
      await store.close();
    }, 300_000);

    it("workers wait while PostgreSQL is stopped for a few seconds and go on when it is back", async () => {
      const own = await startTestServer();
      servers.push(own);
      const files = sources("outage", 13).slice(0, 6);
      const keys = await keysOf(files);
      const url = await freshDatabase(own.url, "outage");
      const store = await openPostgresStore(url);
      const worker = spawnWorker(url);
      children.push(worker);
      await ready(worker);
      const boss = await openQueue(url);
      await submitSources(boss, files);
      await boss.stop({ graceful: false, wait: true });
      while ((await store.counts()).articles === 0) await sleep(50);
      await own.stop();
      await sleep(3000);
      expect(worker.exitCode, worker.log).toBeNull();
      await own.start();
      await settled(store, keys.size, 60_000, () => worker.log);
      expect(worker.exitCode).toBeNull();
      expect(worker.log).toMatch(/waiting for the database|failed, to be retried/);
      worker.kill("SIGTERM");
      expect((await exited(worker)).code).toBe(0);
      await store.close();
    }, 180_000);
  });
} else {
  describe.skip(`workers on PostgreSQL: skipped, no PostgreSQL server (${server.missing})`, () => {
    it("runs two workers", () => {});
  });
}
