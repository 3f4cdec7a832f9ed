import type PgBoss from "pg-boss";
import type { StoryIndex } from "../cluster/types.js";
import type { IngestItem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { TriangulateError } from "../model/index.js";
import type { Assigner } from "../newsroom/ingest.js";
import { analyseJob, clusterJob, ingestJob, type JobQueue } from "./handlers.js";
import {
  completeIngest,
  extendLease,
  JOB_TIMEOUT_S,
  jobQueue,
  LEASE_RENEWALS,
  openQueue,
  QUEUES,
  type QueueOptions,
  waitForTurn,
} from "./queue.js";
import { INGEST_DONE, listenForWakes, Signal, type WakeListener } from "./wake.js";

/**
 * Seconds between a worker's looks for new jobs when nobody has said there are any. Workers are woken at
 * once by a notice (LISTEN/NOTIFY, see `wake.ts`) when a job is queued, and a worker that has just done a
 * job looks for the next at once: this poll is the fallback for what sends no notice (a failed job's retry
 * coming due, a worker's expired job handed on) and for notices missed while a connection was down. Two
 * seconds keeps such a job's wait short while the polls of many idle workers stay a few small queries a second.
 */
export const POLL_INTERVAL_S = 2;

/**
 * Seconds of lease a story's analysis takes per article before it starts: the analysis runs in one piece,
 * no renewal is sent meanwhile. The 50-article bench story takes some 2 s on this machine (0.05 s an
 * article); one second an article leaves twenty times that for a loaded machine.
 */
export const ANALYSIS_LEASE_PER_ARTICLE_S = 1;

/** How long `stop` waits for the jobs in hand: a source being stored or a cluster batch ends within it. */
const STOP_WAIT_MS = 30_000;

/** A running job's lease, renewed by a timer until released. */
export interface Lease {
  /** Renews it now for `extraS` seconds more than the queue's span (before a long step without renewals). */
  extend(extraS: number): Promise<void>;
  release(): void;
}

/**
 * Holds a job's lease: renewed {@link LEASE_RENEWALS} times per `seconds` while the job runs. A renewal that
 * fails (the database gone for a moment) is told to `onError`; the next one tries again.
 */
export function holdLease(
  boss: PgBoss,
  queue: string,
  jobId: string,
  seconds: number,
  onError: (err: unknown) => void,
): Lease {
  const db = boss.getDb();
  const renew = (s: number) =>
    extendLease(db, queue, jobId, s).then(
      () => {},
      (err) => onError(err),
    );
  const timer = setInterval(() => void renew(seconds), (seconds * 1000) / LEASE_RENEWALS);
  return {
    extend: (extraS) => renew(seconds + extraS),
    release: () => clearInterval(timer),
  };
}

/** Options of {@link startWorker}, every default documented. */
export interface WorkerOptions extends QueueOptions {
  /** The store's PostgreSQL URL (the queue lives in the same database). */
  url: string;
  /** Ingest and analyse jobs run at once in this process; default 2. Clustering runs one batch at a time. */
  concurrency?: number;
  /** The clusterer over one transaction's view of the index; default the online clusterer. */
  assigner?: (index: StoryIndex) => Assigner;
  /** Analyses one story's articles; default the pipeline's `analyzeStory`. */
  analyzeStory?: (articles: Article[]) => StoryReport;
  /** Reads one source into articles; default `readArticles`. */
  read?: (source: string) => AsyncIterable<IngestItem>;
  /** Told of each job done or failed, one line each. */
  onJob?: (line: string) => void;
}

/** A running worker. */
export interface Worker {
  /** Finishes the jobs in hand, then stops taking jobs and closes its connections. */
  stop(): Promise<void>;
  /** Jobs done so far by queue. */
  readonly done: Record<keyof typeof QUEUES, number>;
}

/**
 * Starts a worker: it takes ingest, cluster and analyse jobs from the queue in the store's PostgreSQL
 * database until stopped. Any number of workers on any number of machines share one store; a worker killed
 * mid-job loses nothing: its job is handed to another worker once it expires.
 *
 * @example const worker = await startWorker({ url: "postgres://news@db/triangulate", concurrency: 4 });
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  if (!/^postgres(?:ql)?:\/\//i.test(options.url)) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected a postgres:// URL for the worker's --db, found "${options.url}": the embedded SQLite store needs no worker, \`triangulate ingest\` does all its work`,
    );
  }
  const concurrency = options.concurrency ?? 2;
  const { openPostgresStore } = await import("../store/postgres/index.js");
  // A connection per running job, and one for the cluster job and reads beside them.
  const store = await openPostgresStore(options.url, { poolSize: 2 * concurrency + 2 });
  let boss: PgBoss;
  let wakes: WakeListener;
  try {
    wakes = await listenForWakes(options.url, (err) => options.onError?.(err));
  } catch (err) {
    await store.close();
    throw err;
  }
  try {
    boss = await openQueue(options.url, options);
  } catch (err) {
    await wakes.close();
    await store.close();
    throw err;
  }
  // The job loops catch their own errors; a rejection that pg-boss's maintenance leaves unhandled while the
  // database is gone must not end the process: the worker waits for the database.
  const lostDatabase = (reason: unknown) => {
    if (!isConnectionError(reason)) throw reason;
    options.onError?.(reason as Error);
  };
  process.on("unhandledRejection", lostDatabase);
  const assigner = options.assigner ?? (await defaultAssigner());
  const analyze = options.analyzeStory ?? (await import("../pipeline.js")).analyzeStory;
  const read = options.read ?? (await defaultReader());
  const queue: JobQueue = jobQueue(boss, options.analyseDelayS);
  const done = { ingest: 0, cluster: 0, analyse: 0 };
  const tell = options.onJob ?? (() => {});

  // A source stored and its job completed: the sources behind it look whether their turn has come.
  const stored = new Signal();
  wakes.on(INGEST_DONE, () => stored.fire());

  const loops: Promise<void>[] = [];
  const signals: Signal[] = [];
  let stopping = false;
  const lost = (err: unknown) => {
    if (!isConnectionError(err)) tell(`queue error: ${(err as Error).message?.split("\n")[0]}`);
    else options.onError?.(err as Error);
  };

  /**
   * A loop that takes jobs of `name` and runs them with `run`, one at a time: woken by the notices of its
   * queue, straight on to the next job after one is done, else looking every poll interval. The job's lease
   * is renewed while it runs, so a long job is never handed to a second worker while this one lives; pg-boss's
   * own `work` is not used because it fails a job that outruns its expiry while leaving it running.
   */
  const take = <T>(name: keyof typeof QUEUES, run: (data: T, job: PgBoss.Job<T>, lease: Lease) => Promise<string>) => {
    const queueName = QUEUES[name];
    const signal = new Signal();
    signals.push(signal);
    wakes.on(queueName, () => signal.fire());
    const loop = async () => {
      while (!stopping) {
        const seen = signal.seen;
        let job: PgBoss.Job<T> | undefined;
        try {
          [job] = (await boss.fetch<T>(queueName, { batchSize: 1 })) ?? [];
        } catch (err) {
          lost(err);
        }
        if (!job) {
          await signal.next(seen, POLL_INTERVAL_S * 1000);
          continue;
        }
        const lease = holdLease(boss, queueName, job.id, job.expireInSeconds || timeout, lost);
        try {
          const what = await run(job.data, job, lease);
          lease.release();
          await boss.complete(queueName, job.id).catch(lost);
          done[name]++;
          tell(`${name} ${what}`);
        } catch (err) {
          lease.release();
          const message = (err as Error).message?.split("\n")[0] ?? String(err);
          tell(`${name} failed, to be retried: ${message}`);
          await boss.fail(queueName, job.id, { message }).catch(lost);
        }
      }
    };
    loops.push(loop());
  };
  const timeout = options.jobTimeoutS ?? JOB_TIMEOUT_S;
  for (let i = 0; i < concurrency; i++) {
    take<{ source: string }>("ingest", async ({ source }, { id }) => {
      const r = await ingestJob(store, read(source), queue, { waitTurn: () => waitForTurn(store, id, stored) });
      await completeIngest(boss, id);
      for (const p of r.problems) tell(`skipped ${p.source}: ${p.message}`);
      return `${source}: read ${r.read}, new ${r.added}, already stored ${r.alreadyStored}`;
    });
    take<{ story: number }>("analyse", async ({ story }, _job, lease) => {
      // The analysis holds the process for its whole length, renewals included: its lease covers it first.
      const before = (articles: number) => lease.extend(articles * ANALYSIS_LEASE_PER_ARTICLE_S);
      return `story ${story}: ${await analyseJob(store, story, analyze, undefined, before)}`;
    });
  }
  take<Record<string, never>>("cluster", async () => {
    const r = await clusterJob(store, assigner, queue);
    return `placed ${r.placed} (${r.storiesNew} new stories)${r.more ? ", more to come" : ""}`;
  });
  return {
    done,
    async stop() {
      stopping = true;
      for (const signal of signals) signal.fire();
      await wakes.close();
      // The jobs in hand end first (their leases renewed meanwhile); one that outlasts this is handed on.
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await store.close();
      process.off("unhandledRejection", lostDatabase);
    },
  };
}

/**
 * Whether an error says the database cannot be reached now: refused or lost connections, a server shutting
 * down or starting up (PostgreSQL's class 57P and 08 codes).
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : "";
  return (
    /^(?:57P0[1-3]|08\d\d\d|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect|the database system is (?:shutting down|starting up)/i.test(
      message,
    )
  );
}

async function defaultAssigner(): Promise<(index: StoryIndex) => Assigner> {
  const { OnlineClusterer } = await import("../cluster/clusterer.js");
  return (index) => new OnlineClusterer(index);
}

async function defaultReader() {
  const { readArticles } = await import("../ingest/files.js");
  return (source: string) => readArticles([source]);
}
