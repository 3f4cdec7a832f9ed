import type { StoryIndex } from "../cluster/types.js";
import type { IngestItem, ReadProblem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { identityOf } from "../newsroom/identity.js";
import type { Assigner } from "../newsroom/ingest.js";
import { placeArticle, saveAnalysis } from "../newsroom/ingest.js";
import { voicesOf, withStoreLinks } from "../store/copies.js";
import type { Store } from "../store/types.js";

/**
 * Articles stored per transaction by an ingest job, and placed per transaction by a cluster job: a kill
 * loses at most one batch, which the job's retry does again, and 64 keeps commits off the profile.
 */
export const JOB_BATCH = 64;

/**
 * Batches one cluster job places before it hands over to a new job: the clustering lock is held one batch
 * at a time, and a job stays far shorter than its expiry however long the backlog.
 */
export const CLUSTER_BATCHES_PER_JOB = 16;

/** Waiting stories a cluster job with nothing left to place asks an analysis for, lowest ids first. */
const PENDING_SWEEP = 256;

/** What the handlers queue: the queue itself (pg-boss) or, in tests, a record of what was asked. */
export interface JobQueue {
  /** Asks for the unplaced articles to be clustered; at most one such job waits at a time. */
  cluster(): Promise<void>;
  /**
   * Asks for the analysis of each of these stories, queued inside `tx` so that it exists if and only if the
   * placement that asked for it is committed; a story with an analysis already waiting gets no second one
   * (debounced), and when `changed` (default) that one waits until the story has been quiet for a while.
   * Not `changed`: the stories only need an analysis asked for (one may have been lost).
   */
  analyse(storyIds: readonly number[], tx: Store, changed?: boolean): Promise<void>;
}

/** What an ingest job did. */
export interface IngestJobResult {
  read: number;
  added: number;
  alreadyStored: number;
  problems: ReadProblem[];
}

/**
 * The ingest job: reads one source, stores each article not yet stored (by identity), unplaced, a batch per
 * transaction, then asks for clustering. Reading and parsing run in parallel across workers; placing does
 * not happen here. Run twice, or beside another worker reading the same source, it stores each article once.
 * With `waitTurn`, the source is read whole and stored once `waitTurn` resolves (see `waitForTurn`).
 */
export async function ingestJob(
  store: Store,
  items: AsyncIterable<IngestItem>,
  queue: JobQueue,
  options: { now?: () => Date; waitTurn?: () => Promise<void> } = {},
): Promise<IngestJobResult> {
  const now = options.now ?? (() => new Date());
  if (options.waitTurn) {
    // Read (the work that runs in parallel) first, then store in the order the sources were submitted: the
    // clusterer places articles in the order they were stored, and its stories depend on that order.
    const read: IngestItem[] = [];
    for await (const item of items) read.push(item);
    await options.waitTurn();
    items = (async function* () {
      yield* read;
    })();
  }
  const result: IngestJobResult = { read: 0, added: 0, alreadyStored: 0, problems: [] };
  let batch: Extract<IngestItem, { kind: "article" }>[] = [];
  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length === 0) return;
    try {
      const added = await store.transaction((tx) => addBatch(tx, items, now));
      result.added += added;
      result.alreadyStored += items.length - added;
    } catch {
      // Another worker stored one of these meanwhile (a unique key refused it), or one row is bad: each alone.
      for (const item of items) {
        try {
          const added = await store.transaction((tx) => addBatch(tx, [item], now));
          result.added += added;
          result.alreadyStored += 1 - added;
        } catch (err) {
          if (await store.articleByKey(identityOf(item.article, item.url).key)) result.alreadyStored++;
          else result.problems.push({ source: item.article.source, code: "STORE_FAILED", message: messageOf(err) });
        }
      }
    }
  };
  for await (const item of items) {
    result.read++;
    if (item.kind === "problem") {
      result.problems.push(item.problem);
      continue;
    }
    batch.push(item);
    if (batch.length >= JOB_BATCH) await flush();
  }
  await flush();
  // Also when nothing was added: a run killed after its commits and before this line is retried to here.
  await queue.cluster();
  return result;
}

async function addBatch(tx: Store, items: Extract<IngestItem, { kind: "article" }>[], now: () => Date) {
  let added = 0;
  for (const { article, url, language } of items) {
    const identity = identityOf(article, url);
    if (await tx.articleByKey(identity.key)) continue;
    await tx.addArticle({
      key: identity.key,
      contentHash: identity.contentHash,
      article,
      ingestedAt: now().toISOString(),
      ...(identity.url ? { url: identity.url } : {}),
      ...(language ? { language } : {}),
    });
    added++;
  }
  return added;
}

/** What a cluster job did. */
export interface ClusterJobResult {
  placed: number;
  storiesNew: number;
  /** Unplaced articles remain: a new cluster job has been asked for. */
  more: boolean;
}

/**
 * The cluster job: places unplaced articles, oldest first, a batch per transaction under the clustering
 * lock (so that two workers never split one story in two), and in the same transaction asks for the
 * analysis of each story that changed.
 */
export async function clusterJob(
  store: Store,
  assigner: (index: StoryIndex) => Assigner,
  queue: JobQueue,
  options: { batches?: number; batchSize?: number; now?: () => Date } = {},
): Promise<ClusterJobResult> {
  const now = options.now ?? (() => new Date());
  const result: ClusterJobResult = { placed: 0, storiesNew: 0, more: false };
  for (let b = 0; b < (options.batches ?? CLUSTER_BATCHES_PER_JOB); b++) {
    const placed = await store.transaction(async (tx) => {
      await tx.lockClustering();
      const unplaced = await tx.unplacedArticles(options.batchSize ?? JOB_BATCH);
      const assign = assigner(tx.storyIndex());
      const touched = new Set<number>();
      for (const { id, article } of unplaced) {
        const { story, isNew, split, merged } = await placeArticle(tx, assign, id, article, now().toISOString());
        if (isNew) result.storiesNew++;
        // A story merged away is gone: its analysis, if one was asked for, finds it gone.
        if (merged) touched.delete(merged.from);
        touched.add(story);
        if (split) for (const s of [split.from, split.to]) touched.add(s);
      }
      await queue.analyse([...touched], tx);
      return unplaced.length;
    });
    result.placed += placed;
    if (placed === 0) break;
  }
  result.more = (await store.unplacedArticles(1)).length > 0;
  if (result.more) await queue.cluster();
  else {
    // Every story still waiting has an analysis asked for (the queue keeps one waiting per story): a job
    // lost with the database gone at the wrong moment is asked for again here.
    await queue.analyse(await store.pendingStories(PENDING_SWEEP), store, false);
  }
  return result;
}

/**
 * The analyse job: analyses a story's articles as they are now (copies left out of its voices) and stores
 * the report. The story stops waiting only if no article joined it meanwhile; one that did has asked for
 * another analysis. `gone` when there is no such story. `beforeAnalysis` is told the number of articles
 * before the analysis starts (the worker renews the job's lease for it).
 */
export async function analyseJob(
  store: Store,
  storyId: number,
  analyze: (articles: Article[]) => StoryReport,
  now: () => Date = () => new Date(),
  beforeAnalysis: (articles: number) => Promise<void> = async () => {},
): Promise<"current" | "stale" | "gone"> {
  const { version, articles } = await store.transaction(async (tx) => ({
    version: (await tx.story(storyId))?.version,
    articles: await tx.storyArticles(storyId),
  }));
  if (version === undefined) return "gone";
  const voices = voicesOf(articles.filter((a) => a.copyOf === undefined).map((a) => a.article));
  await beforeAnalysis(voices.length);
  const report = withStoreLinks(analyze(voices), articles);
  const current = await saveAnalysis(store, storyId, version, report, now().toISOString());
  return current ? "current" : "stale";
}

function messageOf(err: unknown): string {
  return `could not be stored: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}`;
}
