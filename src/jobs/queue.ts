import type PgBoss from "pg-boss";
import type { Store } from "../store/types.js";
import type { JobQueue } from "./handlers.js";

/** The queues, in pg-boss's own schema of the store's database. */
export const QUEUES = {
  ingest: "triangulate-ingest",
  cluster: "triangulate-cluster",
  analyse: "triangulate-analyse",
} as const;

/**
 * Seconds a story's analysis waits after it is asked for: articles of one story arrive together (a wire
 * report and its rewrites within minutes), and every article that joins meanwhile rides on the one waiting
 * job instead of queuing another. Two seconds keeps reports fresh while folding a burst into one analysis.
 */
export const ANALYSE_DELAY_S = 2;

/**
 * Seconds a job may run before the queue takes it for lost (its worker killed) and hands it to another
 * worker. The longest job is one story's analysis or one source's reading; five minutes leaves room for a
 * very large story on a loaded machine. Lower it (`--job-timeout`) to recover from crashes sooner.
 */
export const JOB_TIMEOUT_S = 300;

/** Retries of a failed job: a database that went away for a while, a worker stopped mid-job. */
export const JOB_RETRIES = 10;

/** Seconds before the first retry; each next one waits longer (pg-boss's backoff). */
export const RETRY_DELAY_S = 1;

/** Options of {@link openQueue}. */
export interface QueueOptions {
  /** See {@link JOB_TIMEOUT_S}. */
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
  const { default: PgBossClass } = await import("pg-boss");
  const timeout = options.jobTimeoutS ?? JOB_TIMEOUT_S;
  const boss = new PgBossClass({
    connectionString: url,
    max: 4,
    // The check for jobs of killed workers runs this often; it costs one small query.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeout / 2))),
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", (err: Error) => options.onError?.(err));
  await boss.start();
  const common = {
    retryLimit: JOB_RETRIES,
    retryDelay: RETRY_DELAY_S,
    retryBackoff: true,
    expireInSeconds: timeout,
  };
  // stately: one job per key waits and one runs; a job asked for while one waits is the same job.
  await ensureQueue(boss, { name: QUEUES.ingest, policy: "standard", ...common });
  await ensureQueue(boss, { name: QUEUES.cluster, policy: "stately", ...common });
  await ensureQueue(boss, { name: QUEUES.analyse, policy: "stately", ...common });
  return boss;
}

/** Makes the queue, or brings its retry and expiry settings to these; two workers starting together make it once. */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  const { policy: _policy, ...settings } = queue;
  if (await boss.getQueue(queue.name)) {
    await boss.updateQueue(queue.name, settings);
    return;
  }
  try {
    await boss.createQueue(queue.name, queue);
  } catch (err) {
    if (!(await boss.getQueue(queue.name))) throw err;
  }
}

/** The queue as the job handlers use it. */
export function jobQueue(boss: PgBoss, analyseDelayS = ANALYSE_DELAY_S): JobQueue {
  return {
    async cluster() {
      await boss.send(QUEUES.cluster, {}, { singletonKey: "all" });
    },
    async analyse(storyId: number, tx: Store) {
      await boss.send(
        QUEUES.analyse,
        { story: storyId },
        { singletonKey: String(storyId), startAfter: analyseDelayS, db: { executeSql: (t, v) => tx.executeSql(t, v) } },
      );
    },
  };
}

/** Queues one ingest job per source (a file or URL): workers read them in parallel. Returns the jobs queued. */
export async function submitSources(boss: PgBoss, sources: readonly string[]): Promise<number> {
  let queued = 0;
  for (const source of sources) {
    if (await boss.send(QUEUES.ingest, { source })) queued++;
  }
  return queued;
}
