import type { Generated } from "kysely";

/**
 * The tables of the store, as Kysely sees them. Both dialects hold the same columns; times are ISO 8601
 * strings (UTC), JSON is text, so that a row reads back the same from SQLite and PostgreSQL.
 */
export interface Database {
  articles: ArticlesTable;
  stories: StoriesTable;
  story_outlets: StoryOutletsTable;
  story_reports: StoryReportsTable;
  story_pages: StoryPagesTable;
  pending_stories: PendingStoriesTable;
  cluster_meta: ClusterMetaTable;
  cluster_terms: ClusterTermsTable;
  cluster_stories: ClusterStoriesTable;
  cluster_postings: ClusterPostingsTable;
  cluster_bands: ClusterBandsTable;
  cluster_signatures: ClusterSignaturesTable;
  cluster_members: ClusterMembersTable;
  story_postings: StoryPostingsTable;
  entity_stories: EntityStoriesTable;
  entity_profiles: EntityProfilesTable;
  entity_names: EntityNamesTable;
  outlet_stories: OutletStoriesTable;
  outlet_profiles: OutletProfilesTable;
}

export interface ArticlesTable {
  id: Generated<number>;
  /** Identity: `url:` and the canonical URL, else `hash:` and the content hash. Unique. */
  key: string;
  content_hash: string;
  /** The reader's name for the article (a file name without extension, a feed item's id). */
  name: string;
  source: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  language: string | null;
  text: string;
  word_count: number;
  /** JSON array of strings. */
  removed_boilerplate: string;
  /** JSON array of `{ code, message }`. */
  diagnostics: string;
  /** Null only inside the transaction that inserts it, before the clusterer has placed it. */
  story_id: number | null;
  /** The article this one copies (a near-duplicate), if any. */
  copy_of: number | null;
  ingested_at: string;
}

export interface StoriesTable {
  /** The id of the article that started the story. */
  id: number;
  title: string;
  /** Articles in the story, copies included. */
  article_count: number;
  copy_count: number;
  outlet_count: number;
  /** Articles (copies included) that name no outlet: not in `outlet_count`, which counts distinct names. */
  unnamed_outlet_count: Generated<number>;
  first_published: string | null;
  last_published: string | null;
  /** Goes up by one with every article added: a report is current when its version equals this. */
  version: number;
  created_at: string;
  updated_at: string;
  /** From the current report (0 before the first one). */
  disputed_count: number;
  discrepancy_count: number;
}

export interface StoryOutletsTable {
  story_id: number;
  outlet: string;
}

export interface StoryReportsTable {
  story_id: number;
  /** The story's version the report was made from. */
  version: number;
  updated_at: string;
  /** The triangulate.story/1 report as JSON. */
  report: string;
}

/**
 * A story's page rendered when its report was stored, compressed, so that it is served without reading,
 * parsing and rendering the report: current while `report_version` is the stored report's and `renderer`
 * the server's.
 */
export interface StoryPagesTable {
  story_id: number;
  report_version: number;
  renderer: string;
  etag: string;
  br: Uint8Array;
  gzip: Uint8Array;
}

/** Stories whose articles changed since their report was made. */
export interface PendingStoriesTable {
  story_id: number;
}

/** One row (id 1): documents seen and the newest document time. */
export interface ClusterMetaTable {
  id: number;
  documents: number;
  latest: number | null;
}

/** Document frequency per field-prefixed term. */
export interface ClusterTermsTable {
  term: string;
  df: number;
  /** The latest time of a document that held the term (ms since the epoch): silent terms are deleted. */
  last_seen: Generated<number>;
}

/** What the clusterer keeps of a story: size, time span and centroids (JSON `{ field: [[term, weight]] }`). */
export interface ClusterStoriesTable {
  story_id: number;
  size: number;
  first_time: number;
  last_time: number;
  centroid: string;
  /** The document count when the story last took a document: the least recent go first beyond the bound. */
  seq: Generated<number>;
}

/** Stories filed under an index key; `seq` orders them by last filing so that each key keeps the newest. */
export interface ClusterPostingsTable {
  key: string;
  story_id: number;
  seq: number;
}

/** An LSH band bucket and the first document filed in it. */
export interface ClusterBandsTable {
  band: string;
  article_id: number;
}

/** A document's MinHash signature (little-endian uint32s) and its story. */
export interface ClusterSignaturesTable {
  article_id: number;
  story_id: number;
  signature: Uint8Array;
}

/**
 * A member of a story of at most `SPLIT_MAX_MEMBERS` documents, as a split check reads it: its packed vectors
 * (JSON `{ field: [[terms], weights] }`, the weights base64 of little-endian doubles), time and the keys it filed the story under (JSON array); `seq` is
 * the document count when it joined, the order of a story's members.
 */
export interface ClusterMembersTable {
  article_id: number;
  story_id: number;
  seq: number;
  time: number;
  vectors: string;
  keys: string;
}

/**
 * What a story's current report files it under (`reportPostings`: `e:` an entity id, `n:` an entity's name,
 * `o:` an outlet), with the story's place in the list's two orders when the report was stored, so that a
 * filter's page is a range of one index.
 */
export interface StoryPostingsTable {
  story_id: number;
  key: string;
  updated_at: string;
  article_count: number;
}

/** Each entity of a story's current report, with its names (JSON array): what `entity_names` counts. */
export interface EntityStoriesTable {
  story_id: number;
  entity_id: string;
  name: string;
  type: string;
  names: string;
}

/** An entity over all stories: how many current reports name it, and its name and type in the last one stored. */
export interface EntityProfilesTable {
  entity_id: string;
  name: string;
  type: string;
  stories: number;
}

/** An entity's names (name and aliases) and how many stories give each. */
export interface EntityNamesTable {
  entity_id: string;
  name: string;
  stories: number;
}

/** The counts of an outlet's profile (see `OutletCounts`) as one story's current report gives them. */
export interface OutletCountsColumns {
  articles: number;
  origin: number;
  unique_claims: number;
  contradicted: number;
  overstated_headlines: number;
  altered_quotes: number;
  quotes: number;
  copied_by: number;
  copies_run: number;
}

/** An outlet (by `outletKey`) in one story: its counts there. */
export interface OutletStoriesTable extends OutletCountsColumns {
  story_id: number;
  outlet: string;
  name: string;
}

/** An outlet's profile over all stories: the sums of its `outlet_stories` rows, and how many those are. */
export interface OutletProfilesTable extends OutletCountsColumns {
  outlet: string;
  name: string;
  stories: number;
}
