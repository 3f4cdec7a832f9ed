import type { StoryIndex } from "../cluster/types.js";
import type { Article, OutletTallies, StoryReport } from "../model/index.js";

/**
 * The store: articles, the stories they form, the stories' reports, full-text search and the clusterer's
 * state. Every method is async so that a networked database implements the same interface; every read is by
 * key or bounded by a limit, never a walk over all rows.
 *
 * @example const store = await openStore("triangulate.db"); await store.stories({ order: "newest", limit: 20 })
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `work` in one transaction with a store bound to it: all of it is kept, or none. Not nestable. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;

  /** The stored article with this identity key, if any. */
  articleByKey(key: string): Promise<{ id: number; storyId: number | null } | undefined>;
  /** Inserts an article (not yet in a story) and indexes its text; its id. */
  addArticle(article: NewArticle): Promise<number>;
  /**
   * Files an added article under its story: starts the story when `isNew` (its id is the article's), else
   * counts the article in; either way the story's version goes up and it waits for a new report.
   */
  placeArticle(articleId: number, placement: Placement): Promise<void>;
  /**
   * Moves placed articles of a story the clusterer split to the new story they start (see `StorySplit`): the
   * story's counts, outlets and dates are those of its articles again, the new story's title is its earliest
   * article's (as a story started by it), and both stories' versions go up and they wait for a new report.
   */
  splitStory(split: StorySplit): Promise<void>;
  /**
   * Moves every placed article of a story the clusterer merged into another (see `StoryMerge`) and deletes the
   * story merged away, with its report and what the report filed; the story that stays counts its articles
   * again, its version goes up and it waits for a new report.
   */
  mergeStories(merge: StoryMerge): Promise<void>;
  /** The clusterer's state, kept in this store's tables. */
  storyIndex(): StoryIndex;
  /**
   * Inside a transaction: waits until no other transaction (of any process) is placing articles, and holds
   * that right until this one ends, so that the clusterer's state changes one placement at a time. What the
   * index had kept in memory is dropped when another process has placed articles since.
   */
  lockClustering(): Promise<void>;
  /**
   * Runs a statement written elsewhere (the job queue's) on this store's connection, inside its transaction
   * when it is in one, so that a job is queued if and only if the rows it is about are committed.
   */
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  /** Added articles not yet in a story, oldest first (by id), at most `limit`. */
  unplacedArticles(limit: number): Promise<{ id: number; article: Article }[]>;

  /** The stored article with this id, if any. */
  article(id: number): Promise<StoredArticle | undefined>;
  /** The articles of a story, copies included, in the order they were stored. */
  storyArticles(storyId: number): Promise<StoredArticle[]>;
  /** Stories waiting for a report, lowest id first, at most `limit`, after `after` when given. */
  pendingStories(limit: number, after?: number): Promise<number[]>;
  /**
   * How many stories wait for a report: one count of a small table, where `counts` also reads every article
   * (its copies), which an ingest that ends with analysis put off would pay once per run.
   */
  pendingCount(): Promise<number>;
  /**
   * Stores a story's report made from its articles at `version`. The story stops waiting only when no
   * article has joined it since; returns whether the report is current.
   */
  saveReport(storyId: number, version: number, report: StoryReport, at: string): Promise<boolean>;

  story(id: number): Promise<StorySummary | undefined>;
  /**
   * A page of stories in the list's order. With an outlet or an entity, the stories whose current report
   * names it, read through the postings filed with each report: a range of one index, whatever the number
   * of stories (a story waiting for its first report is in none).
   */
  stories(options: StoryListOptions): Promise<StorySummary[]>;
  /**
   * An entity over every story whose current report names it (by its id): its names and a page of those
   * stories, most recently updated first; undefined when no report names it.
   */
  entity(id: string, page: PageOptions): Promise<StoredEntity | undefined>;
  /**
   * An outlet's profile summed over every story with an article (or a copy) of it, matched ignoring case,
   * and a page of those stories, most recently updated first; undefined when none has.
   */
  outlet(name: string, page: PageOptions): Promise<StoredOutlet | undefined>;
  report(storyId: number): Promise<StoredReport | undefined>;
  /**
   * A story's report as the JSON text it was stored as (`JSON.stringify` of it), not parsed: what the server
   * sends as it is. Undefined when the story has none.
   */
  reportText(storyId: number): Promise<StoredReportText | undefined>;
  /**
   * Keeps a story's rendered page (one per story, replacing the one before). Kept whatever the report's
   * version: {@link page} serves it only while it is the stored report's. Storing a report drops the page
   * kept before: save the page after the report.
   */
  savePage(page: StoredPage): Promise<void>;
  /**
   * A story's kept page when it was rendered by `renderer` from the report stored now; undefined when there
   * is none, or it is of another renderer or of an earlier report. Without `renderer`, the page of the report
   * stored now whatever renderer kept it (its `renderer` says which). One row by key.
   */
  page(storyId: number, renderer?: string): Promise<StoredPage | undefined>;
  /**
   * The version of a story's stored report, undefined when it has none (or there is no such story): one
   * row by key, what the server checks a cached rendering against on every request.
   */
  reportVersion(storyId: number): Promise<number | undefined>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

/** An article as the store takes it. */
export interface NewArticle {
  /** Identity: see `identityOf`. */
  key: string;
  contentHash: string;
  article: Article;
  url?: string;
  language?: string;
  ingestedAt: string;
}

/** Where the clusterer put an article. */
export interface Placement {
  storyId: number;
  isNew: boolean;
  /** The earlier article this one copies. */
  copyOf?: number;
  at: string;
}

/** A story split in two by the clusterer: the part that keeps its id, and the articles that leave. */
export interface StorySplit {
  /** The story split; it keeps its id and the articles that stay. */
  from: number;
  /** The new story's id (one of the leaving articles', naming no stored story). */
  to: number;
  /** The placed articles that leave `from` for `to`. */
  articles: number[];
  at: string;
}

/** Two stories merged by the clusterer: every article of `from` joins `into`, and `from` goes. */
export interface StoryMerge {
  from: number;
  into: number;
  at: string;
}

export interface StoredArticle {
  /** The store's id. */
  id: number;
  key: string;
  storyId: number;
  copyOf?: number;
  url?: string;
  language?: string;
  ingestedAt: string;
  /** As read, with the reader's id (a file name, a feed item's id). */
  article: Article;
}

export interface StorySummary {
  id: number;
  title: string;
  /** Articles in the story, copies included. */
  articleCount: number;
  copyCount: number;
  /** Distinct outlets its articles name. */
  outletCount: number;
  /** Its articles (copies included) that name no outlet, which `outletCount` cannot count. */
  articlesWithoutOutlet: number;
  /** Its outlets, by name, at most `MAX_LISTED_OUTLETS`. */
  outlets: string[];
  firstPublished?: string;
  lastPublished?: string;
  version: number;
  /** The version of its stored report, if it has one. */
  reportVersion?: number;
  createdAt: string;
  updatedAt: string;
  disputedFacts: number;
  discrepancies: number;
}

export interface StoredReport {
  storyId: number;
  version: number;
  updatedAt: string;
  report: StoryReport;
}

/** A {@link StoredReport} with its report as the stored JSON text. */
export interface StoredReportText {
  storyId: number;
  version: number;
  updatedAt: string;
  json: string;
}

/** A story's page as rendered from its report at `reportVersion` by `renderer`, in two encodings. */
export interface StoredPage {
  storyId: number;
  reportVersion: number;
  /** Names the renderer and its version: a page of another renderer is not served. */
  renderer: string;
  /** The entity tag of the page's uncompressed bytes. */
  etag: string;
  br: Uint8Array;
  gzip: Uint8Array;
}

export interface StoryListOptions extends PageOptions {
  /** `newest`: last updated first; `biggest`: most articles first. */
  order: "newest" | "biggest";
  /** Only stories with an article or a copy of this outlet (ignoring case). */
  outlet?: string;
  /**
   * Only stories naming this entity: its id, else (when no report names an entity of that id) a name or an
   * alias of one, read by `nameKey` (case, accents and punctuation aside).
   */
  entity?: string;
  /** Only stories with an article published on or after this ISO date or date-time. */
  from?: string;
  /** Only stories with an article published on or before this ISO date (the whole day) or date-time. */
  to?: string;
}

export interface PageOptions {
  limit: number;
  offset?: number;
}

/** An entity as the stored reports name it (see `Store.entity`). */
export interface StoredEntity {
  id: string;
  /** The name most of its stories give it, and its type in the last report stored. */
  name: string;
  type: string;
  /** Its other names across its stories. */
  aliases: string[];
  /** Stories whose report names it. */
  storyCount: number;
  /** The page's stories' ids, most recently updated first. */
  stories: number[];
}

/** An outlet's profile over every stored story (see `Store.outlet` and `OutletCounts`). */
export interface StoredOutlet extends OutletTallies {
  /** Its name as the last report stored with it writes it. */
  name: string;
  storyCount: number;
  /** The page's stories, most recently updated first, with its articles and copies in each. */
  stories: { id: number; title: string; articles: number }[];
}

export interface SearchOptions {
  /** Only articles of this outlet (case-insensitive). */
  outlet?: string;
  /** Only articles published on or after this ISO date or date-time. */
  since?: string;
  /** Only articles published on or before this ISO date (the whole day) or date-time. */
  until?: string;
  /** Most hits; default `DEFAULT_SEARCH_LIMIT`. */
  limit?: number;
}

export interface SearchHit {
  articleId: number;
  /** The reader's id of the article. */
  name: string;
  url?: string;
  title?: string;
  outlet?: string;
  published?: string;
  /** The first words of its text (`openingWords`), to name it by when it has no headline. */
  opening?: string;
  storyId: number;
  storyTitle: string;
  /** The words around the match, the matched words marked `«` `»`. */
  snippet: string;
}

export interface StoreCounts {
  articles: number;
  copies: number;
  stories: number;
  pending: number;
}

/** Outlets named per story in a listing. */
export const MAX_LISTED_OUTLETS = 8;

/** Hits a search returns unless told otherwise. */
export const DEFAULT_SEARCH_LIMIT = 20;
