import type PgBoss from "pg-boss";
import type { Store } from "../store/types.js";
import type { JobQueue } from "./handlers.js";
import { INGEST_DONE, Signal, wakeQuery } from "./wake.js";

/** The queues, in pg-boss's own schema of the store's database. */
export const QUEUES = {
  ingest: "triangulate-ingest",
  cluster: "triangulate-cluster",
  analyse: "triangulate-analyse",
} as const;

/**
 * Seconds a story must be quiet before its analysis starts: articles of one story arrive together (a wire
 * report and its rewrites within minutes), and every article that joins meanwhile puts the one waiting job
 * back by this much instead of queuing another, so that a burst gets one analysis after its last article.
 * Two seconds keeps reports fresh while folding a burst into one analysis.
 */
export const ANALYSE_DELAY_S = 2;

/**
 * Seconds at most between a story's first change and its analysis, however often it keeps changing: a story
 * that grows through a long import still gets a report every half minute.
 */
export const ANALYSE_MAX_WAIT_S = 30;

/**
 * Seconds a job may go without word from its worker before the queue takes it for lost (its worker killed)
 * and hands it to another worker. A running job's worker renews its lease (see {@link extendLease}) a few
 * times within this span however long the job runs, so it bounds how long a dead worker's jobs wait, not how
 * long a job may take. Thirty seconds hands them on within a minute (the check for lost jobs runs every half
 * span) while a renewal that a loaded machine delays by seconds still lands in time.
 */
export const JOB_TIMEOUT_S = 30;

/** Renewals of a running job's lease within one {@link JOB_TIMEOUT_S}: two may be late or lost and it holds. */
export const LEASE_RENEWALS = 3;

/** Retries of a failed job: a database that went away for a while, a worker stopped mid-job. */
export const JOB_RETRIES = 10;

/**
 * Retries of an ingest job, which also steps aside (fails, to be retried) when an earlier source waits for a
 * worker: enough for minutes of stepping aside, one second apart.
 */
export const INGEST_RETRIES = 300;

/**
 * How often a read source looks again whether the sources submitted before it are stored when no notice
 * ({@link INGEST_DONE}) says so: a fallback for notices missed while the listening connection was down, and
 * for an earlier source whose job failed, which sends none.
 */
const TURN_RECHECK_MS = 250;

/**
 * How long a read source waits for an earlier one that no worker is running (queued, or waiting for a retry
 * after its worker died) before it steps aside and frees its worker for that earlier source.
 */
const TURN_PATIENCE_MS = 1000;

/** Seconds before the first retry; each next one waits longer (pg-boss's backoff). */
export const RETRY_DELAY_S = 1;

/** Connections of the queue's pool: its polls and sends are small, short queries. */
const QUEUE_POOL_SIZE = 4;

/** Options of {@link openQueue}. */
export interface QueueOptions {
  /**
   * See {@link JOB_TIMEOUT_S}. Given, the queues are set to it (a worker's `--job-timeout`); absent, queues
   * that exist keep theirs and new ones take the default (a submitter leaves the workers' setting alone).
   */
  jobTimeoutS?: number;
  /** See {@link ANALYSE_DELAY_S}. */
  analyseDelayS?: number;
  /** Told of the queue's errors (the database gone for a moment); the queue carries on. */
  onError?: (err: Error) => void;
}

/**
 * The job queue in the store's PostgreSQL database (pg-boss, in its own schema `pgboss`): started, with the
 * three queues made when missing. The caller stops it.
 *
 * @example const boss = await openQueue(url); await submitSources(boss, ["feeds/"]); await boss.stop();
 */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const [{ default: PgBossClass }, { newPool }] = await Promise.all([
    import("pg-boss"),
    import("../store/postgres/index.js"),
  ]);
  const timeout = options.jobTimeoutS ?? JOB_TIMEOUT_S;
  // The queue's own small pool, made as the store's is, so that a lost connection fails its query instead of
  // ending the process.
  const pool = await newPool(url, QUEUE_POOL_SIZE);
  const boss = new PgBossClass({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    // The check for jobs of killed workers runs this often; it costs one small query.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeout / 2))),
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", (err: Error) => options.onError?.(err));
  boss.on("stopped", () => {
    pool.end().catch(() => {});
  });
  // Workers starting together on a new database would make pg-boss's schema and queues at the same time and
  // deadlock: one process at a time sets them up, under a session advisory lock held on one connection.
  const setup = await pool.connect();
  try {
    await setup.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    await boss.start();
    await ensureQueues(boss, options, timeout);
  } catch (err) {
    setup.release();
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await pool.end().catch(() => {});
    throw err;
  }
  await setup.query("SELECT pg_advisory_unlock($1)", [QUEUE_SETUP_LOCK]).catch(() => {});
  setup.release();
  return boss;
}

/** The advisory lock key under which one process at a time makes the queue's schema and queues. */
const QUEUE_SETUP_LOCK = 7_214_301;

async function ensureQueues(boss: PgBoss, options: QueueOptions, timeout: number): Promise<void> {
  const common = {
    retryLimit: JOB_RETRIES,
    retryDelay: RETRY_DELAY_S,
    retryBackoff: true,
    expireInSeconds: timeout,
  };
  // stately: one job per key waits and one runs; a job asked for while one waits is the same job.
  const update = options.jobTimeoutS !== undefined;
  await ensureQueue(boss, update, {
    name: QUEUES.ingest,
    policy: "standard",
    ...common,
    retryLimit: INGEST_RETRIES,
    retryBackoff: false,
  });
  await ensureQueue(boss, update, { name: QUEUES.cluster, policy: "stately", ...common });
  await ensureQueue(boss, update, { name: QUEUES.analyse, policy: "stately", ...common });
}

/**
 * Makes the queue, or brings its retry and expiry settings to these; two workers starting together make it once.
 * The policy goes with every update: pg-boss 10's `updateQueue` sets a policy left out back to `standard`,
 * which would end the debouncing of analyses as soon as a second worker started.
 */
async function ensureQueue(boss: PgBoss, update: boolean, queue: PgBoss.Queue): Promise<void> {
  const settings = queue;
  if (await boss.getQueue(queue.name)) {
    if (update) await boss.updateQueue(queue.name, settings);
    return;
  }
  try {
    await boss.createQueue(queue.name, queue);
  } catch (err) {
    // Made meanwhile by another process, maybe with other settings.
    if (!(await boss.getQueue(queue.name))) throw err;
    if (update) await boss.updateQueue(queue.name, settings);
  }
}

/** The queue as the job handlers use it; each job queued wakes the workers that take it (see `wake.ts`). */
export function jobQueue(boss: PgBoss, analyseDelayS = ANALYSE_DELAY_S): JobQueue {
  const db = boss.getDb();
  return {
    async cluster() {
      await boss.send(QUEUES.cluster, {}, { singletonKey: "all" });
      const wake = wakeQuery(QUEUES.cluster);
      await db.executeSql(wake.text, wake.values);
    },
    async analyse(storyIds: readonly number[], tx: Store, changed = true) {
      if (storyIds.length === 0) return;
      const exec = { executeSql: (t: string, v: unknown[]) => tx.executeSql(t, v) };
      const keys = storyIds.map(String);
      if (changed) {
        // A story changed again: its waiting analysis starts once it has been quiet for the delay, and at the
        // latest the longest wait after it was asked for.
        await tx.executeSql(
          `update pgboss.job
           set start_after = least(now() + $3 * interval '1 second', created_on + $4 * interval '1 second')
           where name = $1 and state = 'created' and singleton_key = any($2::text[])`,
          [QUEUES.analyse, keys, analyseDelayS, Math.max(analyseDelayS, ANALYSE_MAX_WAIT_S)],
        );
      }
      // One statement for the batch; a story whose analysis already waits keeps that one (the stately queue's
      // unique key refuses a second, and the insert skips it).
      const startAfter = String(analyseDelayS);
      const jobs = keys.map((key, i) => ({
        name: QUEUES.analyse,
        data: { story: storyIds[i] },
        singletonKey: key,
        startAfter,
      }));
      await boss.insert(jobs, { db: exec });
      const wake = wakeQuery(QUEUES.analyse, analyseDelayS * 1000);
      await tx.executeSql(wake.text, wake.values);
    },
  };
}

/**
 * Resolves when every ingest job submitted before `jobId` is done (completed, or failed for good), so that
 * sources are stored in the order they were submitted whatever worker read them. Looks again at each
 * `stored` event (a source's job completed, {@link INGEST_DONE}) and at least every `TURN_RECHECK_MS`.
 * Throws when an earlier source has waited for a worker longer than `TURN_PATIENCE_MS`: this job's worker
 * should run that one.
 */
export async function waitForTurn(store: Store, jobId: string, stored: Signal = new Signal()): Promise<void> {
  const started = Date.now();
  for (;;) {
    const seen = stored.seen;
    const { rows } = await store.executeSql(
      `select count(*) filter (where j.state in ('created', 'retry'))::int as idle, count(*)::int as open
       from pgboss.job j
       where j.name = $1 and j.state in ('created', 'retry', 'active')
         and j.created_on < (select created_on from pgboss.job where name = $1 and id = $2)`,
      [QUEUES.ingest, jobId],
    );
    const { idle, open } = rows[0] as { idle: number; open: number };
    if (open === 0) return;
    if (idle > 0 && Date.now() - started > TURN_PATIENCE_MS) {
      throw new Error("an earlier source waits for a worker: this one steps aside for it");
    }
    await stored.next(seen, TURN_RECHECK_MS);
  }
}

/**
 * Marks an ingest job done and tells the sources waiting behind it (see {@link waitForTurn}) at once,
 * instead of leaving its completion to the queue after the handler returns.
 */
export async function completeIngest(boss: PgBoss, jobId: string): Promise<void> {
  const db = boss.getDb();
  await boss.complete(QUEUES.ingest, jobId);
  const wake = wakeQuery(INGEST_DONE);
  await db.executeSql(wake.text, wake.values);
}

/**
 * Renews a running job's lease: it expires `seconds` from now instead of at the queue's expiry after its
 * start (pg-boss hands on an active job once `started_on + expire_in` has passed). Returns false when the job
 * is no longer this run's (done, failed, or handed on after all).
 */
export async function extendLease(
  db: { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> },
  queue: string,
  jobId: string,
  seconds: number,
): Promise<boolean> {
  const { rows } = await db.executeSql(
    `update pgboss.job set expire_in = (now() - started_on) + $3 * interval '1 second'
     where name = $1 and id = $2 and state = 'active' returning id`,
    [queue, jobId, seconds],
  );
  return rows.length > 0;
}

/** Queues one ingest job per source (a file or URL): workers read them in parallel. Returns the jobs queued. */
export async function submitSources(boss: PgBoss, sources: readonly string[]): Promise<number> {
  let queued = 0;
  // One at a time: a job's creation time is its turn (see waitForTurn), and one statement would give all the same.
  for (const source of sources) {
    if (await boss.send(QUEUES.ingest, { source })) queued++;
  }
  const wake = wakeQuery(QUEUES.ingest);
  await boss.getDb().executeSql(wake.text, wake.values);
  return queued;
}
