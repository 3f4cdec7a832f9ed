import type { ClusterDocument, StoryIndex } from "../cluster/types.js";
import type { IngestItem, ReadProblem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { voicesOf, withStoreLinks } from "../store/copies.js";
import type { Store, StoredArticle, StoredPage } from "../store/types.js";
import { storyPageToStore } from "../web/pages/stored-page.js";
import { identityOf } from "./identity.js";

/**
 * Articles written per transaction. A batch costs one commit and one write of the clusterer's counts and
 * postings, whose pages many of its articles share; a kill loses at most the batch in flight, which the
 * next run reads again. On the ingest benchmark 256 spent a third of the commit and term-count time of 64.
 * The term counts are the part that grows with the store: every batch rewrites nearly every page of the
 * terms table once it holds more rows than a batch has distinct terms, so the pages written per article
 * fall with the batch's size (at 20,000 articles the WAL grew to 27 MB per batch of 1,024 against 16 MB per
 * batch of 256: 2.4 times fewer pages per article), for the same assignments. Readers never wait on a
 * batch (WAL); another writer waits for it, some seconds of work.
 */
export const INGEST_BATCH = 1024;
/**
 * Articles read ahead and placed in time order: enough for a day of many feeds or a folder of a few thousand
 * files, while the memory it holds (a few thousand articles' text) stays small.
 */
export const READ_AHEAD = 4096;

/** Pending stories read per page while analysing: bounded memory however many stories changed. */
const PENDING_PAGE = 256;

/** What places articles into stories: the online clusterer, over the store's index. */
export interface Assigner {
  assign(doc: ClusterDocument): Promise<{
    story: string;
    isNew: boolean;
    copyOf?: string;
    /** Earlier documents that left story `from` for a new story of their own (see `Assignment.moved`). */
    moved?: { from: string; story: string; docs: string[] };
    /** Earlier documents of story `from`, merged into story `story` (see `Assignment.merged`). */
    merged?: { from: string; story: string; docs: string[] };
  }>;
}

/** Options of {@link ingestItems}, every default documented. */
export interface IngestOptions {
  /** Makes the assigner for one transaction's view of the index (the clusterer is stateless besides it). */
  assigner: (index: StoryIndex) => Assigner;
  /** Analyse the stories that changed once the stream ends; default true. */
  analyze?: boolean;
  /** Analyses one story's articles; the pipeline's `analyzeStory` by default (loaded on first use). */
  analyzeStory?: (articles: Article[]) => StoryReport;
  /** Articles per transaction; default {@link INGEST_BATCH}. */
  batchSize?: number;
  /** Articles read ahead and placed oldest first; default {@link READ_AHEAD}. */
  readAhead?: number;
  /** The clock stamped on rows; default the system's. */
  now?: () => Date;
  /** Told of each item that is skipped, as it is skipped. */
  onProblem?: (problem: ReadProblem) => void;
  /** Told of the running counts after each batch and each analysed story. */
  onProgress?: (progress: IngestSummary, phase: "read" | "analyze") => void;
}

/** What one ingest run did. */
export interface IngestSummary {
  /** Items read: articles and problems. */
  read: number;
  /** Articles stored now (copies included). */
  added: number;
  /** Of those, near-duplicates linked to the article they copy. */
  copies: number;
  /** Articles found already stored under their identity. */
  alreadyStored: number;
  /** Items skipped, by reason code. */
  skipped: Record<string, number>;
  /** Stories that gained an article in this run, and how many of them it started. */
  storiesTouched: number;
  storiesNew: number;
  /** Stories analysed (those that changed in this run, and any left waiting by an earlier one), failed ones apart. */
  analysed: number;
  analysisFailed: number;
  /** Stories still waiting for their analysis after the run (when analysis was off or failed). */
  pendingTotal: number;
  seconds: number;
}

/**
 * Stores a stream of articles: each new one (by identity) is added, placed in a story by the clusterer,
 * and its story marked for analysis, a batch per transaction; then every story waiting for analysis is
 * analysed once and its report stored. A run killed at any moment loses nothing: the next run finds the
 * stored articles under their identities, adds the rest and analyses what still waits.
 *
 * @example await ingestItems(store, readArticles(["feed.xml"]), { assigner: (i) => new OnlineClusterer(i) })
 */
export async function ingestItems(
  store: Store,
  items: AsyncIterable<IngestItem>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? INGEST_BATCH;
  const summary: IngestSummary = {
    read: 0,
    added: 0,
    copies: 0,
    alreadyStored: 0,
    skipped: {},
    storiesTouched: 0,
    storiesNew: 0,
    analysed: 0,
    analysisFailed: 0,
    pendingTotal: 0,
    seconds: 0,
  };
  const touched = new Set<number>();
  const skip = (problem: ReadProblem) => {
    summary.skipped[problem.code] = (summary.skipped[problem.code] ?? 0) + 1;
    options.onProblem?.(problem);
  };
  const progress = (phase: "read" | "analyze") => {
    summary.seconds = (performance.now() - started) / 1000;
    options.onProgress?.(summary, phase);
  };

  let batch: Extract<IngestItem, { kind: "article" }>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      const outcomes = await store.transaction((tx) => storeBatch(tx, items, options, now));
      count(outcomes);
    } catch {
      // One article the store refuses must not cost the others of its batch: each alone, the bad one named.
      for (const item of items) {
        try {
          count(await store.transaction((tx) => storeBatch(tx, [item], options, now)));
        } catch (err) {
          skip({
            source: item.article.source,
            code: "STORE_FAILED",
            message: `could not be stored: ${messageOf(err)}`,
          });
        }
      }
    }
    progress("read");
  };
  const count = (outcomes: Outcome[]) => {
    for (const o of outcomes) {
      if (o.kind === "stored") {
        summary.alreadyStored++;
        continue;
      }
      summary.added++;
      if (o.copy) summary.copies++;
      const stories = o.split ? [o.story, o.split.from, o.split.to] : [o.story];
      for (const story of stories) {
        if (touched.has(story)) continue;
        touched.add(story);
        summary.storiesTouched++;
      }
      if (o.isNew) summary.storiesNew++;
    }
  };

  // The clusterer follows time forward (stories older than its window are let go), so the articles read
  // ahead are placed oldest first: folders and feeds are read in name order, not in the order of events.
  let ahead: Extract<IngestItem, { kind: "article" }>[] = [];
  const place = async () => {
    for (const item of inTimeOrder(ahead)) {
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    }
    ahead = [];
    await flush();
  };
  for await (const item of items) {
    summary.read++;
    if (item.kind === "problem") {
      skip(item.problem);
      continue;
    }
    ahead.push(item);
    if (ahead.length >= (options.readAhead ?? READ_AHEAD)) await place();
  }
  await place();
  if (options.analyze !== false) {
    const analyzed = await analyzePending(store, {
      ...(options.analyzeStory ? { analyzeStory: options.analyzeStory } : {}),
      now,
      onStory: (ok) => {
        if (ok) summary.analysed++;
        else summary.analysisFailed++;
        progress("analyze");
      },
      onProblem: (problem) => options.onProblem?.(problem),
    });
    summary.pendingTotal = analyzed.left;
  } else {
    summary.pendingTotal = await store.pendingCount();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

type Outcome = { kind: "stored" } | ({ kind: "added" } & Placed);

/**
 * Where an article went, the story split by its joining, if any (the one split and the one split off), and the
 * story merged into the one it joined or into which its own was merged, if any (the one gone and the one kept).
 */
interface Placed {
  story: number;
  isNew: boolean;
  copy: boolean;
  split?: { from: number; to: number };
  merged?: { from: number; into: number };
}

/** One transaction's work: each article not yet stored is added, placed and its story marked. */
async function storeBatch(
  tx: Store,
  items: Extract<IngestItem, { kind: "article" }>[],
  options: IngestOptions,
  now: () => Date,
): Promise<Outcome[]> {
  // Workers may place articles in the same store (PostgreSQL): one placing transaction at a time.
  await tx.lockClustering();
  const assigner = options.assigner(tx.storyIndex());
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const { article } = item;
    const identity = identityOf(article, item.url);
    if (await tx.articleByKey(identity.key)) {
      outcomes.push({ kind: "stored" });
      continue;
    }
    const at = now().toISOString();
    const id = await tx.addArticle({
      key: identity.key,
      contentHash: identity.contentHash,
      article,
      ingestedAt: at,
      ...(identity.url ? { url: identity.url } : {}),
      ...(item.language ? { language: item.language } : {}),
    });
    const placed = await placeArticle(tx, assigner, id, article, at);
    outcomes.push({ kind: "added", ...placed });
  }
  return outcomes;
}

/** Options of {@link analyzePending}. */
/**
 * Places one stored article: the clusterer assigns it to a story (or a new one, or as a copy of an earlier
 * article), and the store records where it went. When the article's joining split its story, the articles
 * that left move to their new story first (the article itself may be among them). The ingest path and the
 * workers' cluster job both place articles this way.
 */
export async function placeArticle(
  tx: Store,
  assigner: Assigner,
  id: number,
  article: Article,
  at: string,
): Promise<Placed> {
  const published = article.published ? Date.parse(article.published) : Number.NaN;
  const assignment = await assigner.assign({
    id: String(id),
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(Number.isFinite(published) ? { published } : {}),
  });
  const story = Number(assignment.story);
  const { moved, merged } = assignment;
  let copyOf = assignment.copyOf;
  if (merged) await tx.mergeStories({ from: Number(merged.from), into: Number(merged.story), at });
  if (moved) {
    const self = String(id);
    const articles = moved.docs.filter((doc) => doc !== self).map(Number);
    await tx.splitStory({ from: Number(moved.from), to: Number(moved.story), articles, at });
    // A copy split from its original is a voice of its own story, as the store makes the earlier ones.
    if (copyOf !== undefined && moved.docs.includes(self) !== moved.docs.includes(copyOf)) copyOf = undefined;
  }
  await tx.placeArticle(id, {
    storyId: story,
    isNew: assignment.isNew,
    ...(copyOf === undefined ? {} : { copyOf: Number(copyOf) }),
    at,
  });
  return {
    story,
    isNew: assignment.isNew,
    copy: copyOf !== undefined,
    ...(moved ? { split: { from: Number(moved.from), to: Number(moved.story) } } : {}),
    ...(merged ? { merged: { from: Number(merged.from), into: Number(merged.story) } } : {}),
  };
}

/**
 * Articles in publication order, stable. An undated article is taken to be of the time of the dated one read
 * before it (else after it): articles read side by side come from one folder or one feed.
 */
export function inTimeOrder<T extends { article: Article }>(items: readonly T[]): T[] {
  const times = items.map((item) => {
    const t = item.article.published ? Date.parse(item.article.published) : Number.NaN;
    return Number.isFinite(t) ? t : undefined;
  });
  let previous: number | undefined;
  const before = times.map((t) => (previous = t ?? previous));
  let next: number | undefined;
  const after = [...times]
    .reverse()
    .map((t) => (next = t ?? next))
    .reverse();
  const keyed = items.map((item, i) => ({ item, i, t: before[i] ?? after[i] ?? 0 }));
  keyed.sort((a, b) => a.t - b.t || a.i - b.i);
  return keyed.map((k) => k.item);
}

export interface AnalyzeOptions {
  analyzeStory?: (articles: Article[]) => StoryReport;
  now?: () => Date;
  /** Told after each story: whether its report was stored. */
  onStory?: (ok: boolean, storyId: number) => void;
  onProblem?: (problem: ReadProblem) => void;
}

/**
 * Stores a story's report made from its articles at `version` and, in the same transaction, its page
 * rendered from it (render on write: the server sends a stored story's page without rendering it). The
 * page is rendered and compressed before the transaction, which holds the store's write lock. A page that
 * cannot be rendered is left out: the server renders it when asked, and says what went wrong. Returns
 * whether the report is current (see `Store.saveReport`).
 */
export async function saveAnalysis(
  store: Store,
  storyId: number,
  version: number,
  report: StoryReport,
  at: string,
): Promise<boolean> {
  let page: StoredPage | undefined;
  try {
    page = await storyPageToStore(storyId, version, report);
  } catch {
    page = undefined;
  }
  return store.transaction(async (tx) => {
    const current = await tx.saveReport(storyId, version, report, at);
    if (page) await tx.savePage(page);
    return current;
  });
}

/**
 * Analyses every story waiting for a report, once each, and stores the reports. A story's copies stay out
 * of its analysis: a syndicated copy is one voice with the report it copies. Returns how many still wait
 * (stories whose analysis failed).
 */
export async function analyzePending(store: Store, options: AnalyzeOptions = {}): Promise<{ left: number }> {
  const analyze = options.analyzeStory ?? (await import("../pipeline.js")).analyzeStory;
  const now = options.now ?? (() => new Date());
  let after: number | undefined;
  let left = 0;
  for (;;) {
    const page = await store.pendingStories(PENDING_PAGE, after);
    if (page.length === 0) break;
    for (const storyId of page) {
      after = storyId;
      const { version, articles } = await store.transaction(async (tx) => ({
        version: (await tx.story(storyId))?.version,
        articles: await tx.storyArticles(storyId),
      }));
      if (version === undefined) continue;
      try {
        const voices = voicesOf(articles.filter((a) => a.copyOf === undefined).map((a) => a.article));
        const report = withStoreLinks(analyze(voices), articles);
        const current = await saveAnalysis(store, storyId, version, report, now().toISOString());
        if (!current) left++;
        options.onStory?.(true, storyId);
      } catch (err) {
        left++;
        options.onProblem?.({
          source: `story ${storyId}`,
          code: "ANALYSIS_FAILED",
          message: `could not be analysed: ${messageOf(err)}`,
        });
        options.onStory?.(false, storyId);
      }
    }
  }
  return { left };
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "error";
}
