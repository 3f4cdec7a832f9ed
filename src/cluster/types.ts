/**
 * The online clusterer's state, behind an index every operation of which is a keyed read or a keyed write,
 * so that a database adapter can implement it with tables (one row per story, per posting, per term, per
 * band bucket, per signature) and the clusterer never scans all stories.
 */

/** The fields a document is compared on; each has its own sparse vector. */
export type Field = "title" | "body" | "entities";

export const FIELDS: readonly Field[] = ["title", "body", "entities"];

/** A sparse vector: term to weight (raw term counts in stored centroids). */
export type SparseVector = Map<string, number>;

/** What the clusterer needs of an article. */
export interface ClusterDocument {
  /** Unique and stable: the story that a document starts takes its id. */
  id: string;
  title?: string;
  text: string;
  /** Milliseconds since the epoch; without it the document takes the newest time seen so far. */
  published?: number;
}

/** A time window in milliseconds since the epoch, both ends included. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** What the index keeps of a story: enough to score a document against it without reading its documents. */
export interface StoryState {
  /** The id of the document that started it. */
  id: string;
  /** Documents in it, copies included. */
  size: number;
  /** Earliest and latest document time. */
  first: number;
  last: number;
  /** Summed term counts of its documents per field, pruned to the strongest terms (see `CENTROID_TERMS`). */
  centroid: Record<Field, SparseVector>;
}

/** A document earlier seen, as the near-duplicate check needs it. */
export interface SignatureRecord {
  doc: string;
  story: string;
  signature: Uint32Array;
}

/** Everything one assignment writes, in one call so that an adapter can make it one transaction. */
export interface AssignmentWrite {
  doc: string;
  /** The document's time (its published time, or the newest seen). */
  time: number;
  /**
   * The stream's clock after this document, when later than `time`: an undated document that joins a story is
   * written at the story's latest time, which it does not stretch, yet it moves the clock on by its tick (see
   * `UNDATED_TICK_MS`), so that a stream of undated documents lets its stories go as documents go by. Default
   * `time`.
   */
  clock?: number;
  /** The story after the document joined it (or the story it started). */
  story: StoryState;
  isNew: boolean;
  /** The earlier document this one copies. */
  copyOf?: string;
  /** Distinct terms of the document (field-prefixed, as in `documentFrequencies`): each one's count goes up by one. */
  terms: string[];
  /** Keys under which the story is now found by `candidates` (rare terms, entities), field-prefixed. */
  keys: string[];
  /** The document's MinHash signature and its LSH band keys. */
  signature: Uint32Array;
  bands: string[];
  /**
   * The document's weighted vectors, pruned and packed, which an index that can split stories keeps while the
   * story is small (see `StoryIndex.members`).
   */
  vectors?: Record<Field, PackedVector>;
}

/** A sparse vector packed for keeping: its terms in ascending order, and their weights. */
export interface PackedVector {
  terms: string[];
  weights: number[];
}

/** A member of a story as a split needs it: its vectors, time and the keys it filed the story under. */
export interface MemberRecord {
  doc: string;
  time: number;
  vectors: Record<Field, PackedVector>;
  keys: string[];
}

/** A story split in two: the part that keeps the story's id, and the part that leaves under a new id. */
export interface SplitWrite {
  /** The story's state after the split (its id unchanged). */
  kept: StoryState;
  /** The new story of the documents that leave (its id is the earliest of them that names no story). */
  moved: StoryState;
  /** The documents that leave, and the keys under which the new story is found. */
  docs: string[];
  keys: string[];
}

/** Two stories merged into one: the state of the one that stays, and the one whose documents join it. */
export interface MergeWrite {
  kept: StoryState;
  gone: string;
  docs: string[];
  keys: string[];
}

/**
 * The clusterer's state. Every method reads or writes the rows named by its arguments; none walks all stories.
 * Implementations: `MemoryStoryIndex` here, the SQL store in src/store/.
 */
export interface StoryIndex {
  /** Documents seen so far (the N of inverse document frequency). */
  documentCount(): Promise<number>;
  /** The newest document time seen, if any. */
  latestTime(): Promise<number | undefined>;
  /**
   * How many documents each term occurred in; terms never seen are absent, and so are terms forgotten after a
   * window without a document (see `TERM_SWEEP_MS`).
   */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /**
   * Stories filed under any of `keys` whose time span meets `window`, each with the number of those keys it is
   * filed under, most shared keys first (ties: the newer story first), at most `limit`.
   */
  candidates(keys: readonly string[], window: TimeWindow, limit: number): Promise<{ story: string; shared: number }[]>;
  /**
   * The states of these stories; unknown or evicted ids are absent. The receiver may change a state and
   * replace its centroid maps, but must not write into them: an index may share them with its cache.
   */
  stories(ids: readonly string[]): Promise<Map<string, StoryState>>;
  /** Earlier documents in any of these LSH band buckets (each at most once), oldest first. */
  bandMatches(bands: readonly string[]): Promise<SignatureRecord[]>;
  /** Records the outcome of one assignment; the index may keep `write.story` as it is (the caller lets go of it). */
  write(write: AssignmentWrite): Promise<void>;
  /**
   * The members of a story of at most `SPLIT_MAX_MEMBERS` documents, in the order they joined it; empty for a
   * larger story. An index without it never has a story split (the SQL store, for now).
   */
  members?(story: string): Promise<MemberRecord[]>;
  /** Moves the documents of a split to their new story: states, postings, signatures and members. */
  split?(write: SplitWrite): Promise<void>;
  /** Moves every document of story `gone` into story `kept.id`, and lets `gone` go. */
  merge?(write: MergeWrite): Promise<void>;
  /**
   * Of these ids, those of stories let go that still name a story elsewhere (the store's stories outlive the
   * index's window), so that a split does not start a story under one; without it an id let go is free again.
   */
  retired?(ids: readonly string[]): Promise<Set<string>>;
}

/**
 * Members are kept, and a story may be split, while it holds at most this many documents: by then its evidence
 * has long been clear, and a split check reads and compares every pair of its members. On the odd topics of the
 * ECB+ development file (see `SPLIT_MIN_SIZE`) 32 and unbounded gave the same B-cubed F1 (0.917 over 16
 * orders, members' vectors whole), 16 gave 0.912.
 */
export const SPLIT_MAX_MEMBERS = 32;

/** Options of `MemoryStoryIndex`. */
export interface MemoryStoryIndexOptions {
  /**
   * Stories whose latest document is older than this before the newest time seen are dropped with their
   * postings, band buckets and signatures. Default `STORY_WINDOW_MS`.
   */
  windowMs?: number;
  /**
   * At most this many stories are kept (the least recently updated go first), so that memory stays bounded
   * when documents carry no time. Default 100,000.
   */
  maxStories?: number;
  /** At most this many stories per posting key (the most recently updated stay). Default 64. */
  maxPostings?: number;
}

/** Stories are compared with documents at most this far apart in time: a week holds a news story's main run. */
export const STORY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * How often, in stream time, the index forgets the document frequencies of terms no document has held within
 * the time window (see `termHorizon`): once a day of the stream's newest time. A term silent for a week belongs
 * to past news (names and figures of events that ended): its count only grows the index with the store, and
 * its weight falls back to the background prior (see `PRIOR_DOCUMENTS`); common words recur every day and are
 * never forgotten. The table of counts then holds the vocabulary of a window, whatever the store's size.
 */
export const TERM_SWEEP_MS = 24 * 3600 * 1000;

/**
 * The horizon below which terms last seen are forgotten when a document moves the newest time from `before` to
 * `after` across a sweep boundary (see `TERM_SWEEP_MS`), else undefined. A function of the stream's times alone,
 * so that every index forgets the same terms at the same document, however it batches its writes.
 */
export function termHorizon(before: number | undefined, after: number, windowMs: number): number | undefined {
  if (before === undefined) return undefined;
  const day = Math.floor(after / TERM_SWEEP_MS);
  if (day <= Math.floor(before / TERM_SWEEP_MS)) return undefined;
  return day * TERM_SWEEP_MS - windowMs;
}

/** An in-memory `StoryIndex` with bounded memory: stories outside the time window are evicted. */
export class MemoryStoryIndex implements StoryIndex {
  private readonly windowMs: number;
  private readonly maxStories: number;
  private readonly maxPostings: number;
  private count = 0;
  private newest: number | undefined;
  /** Document frequency and latest time seen, per term. */
  private readonly df = new Map<string, { df: number; seen: number }>();
  /** Story states in order of last update (Map iteration order): the first is the stalest. */
  private readonly states = new Map<string, StoryState>();
  private readonly postings = new Map<string, string[]>();
  private readonly storyKeys = new Map<string, Set<string>>();
  private readonly buckets = new Map<string, string>();
  private readonly signatures = new Map<string, SignatureRecord>();
  private readonly storyDocs = new Map<string, { doc: string; bands: string[] }[]>();
  /** Members of the stories of at most `SPLIT_MAX_MEMBERS` documents. */
  private readonly storyMembers = new Map<string, { seq: number; record: MemberRecord }[]>();

  constructor(options: MemoryStoryIndexOptions = {}) {
    this.windowMs = options.windowMs ?? STORY_WINDOW_MS;
    this.maxStories = options.maxStories ?? 100_000;
    this.maxPostings = options.maxPostings ?? 64;
  }

  async documentCount(): Promise<number> {
    return this.count;
  }

  async latestTime(): Promise<number | undefined> {
    return this.newest;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const term of terms) {
      const n = this.df.get(term);
      if (n !== undefined) out.set(term, n.df);
    }
    return out;
  }

  async candidates(
    keys: readonly string[],
    window: TimeWindow,
    limit: number,
  ): Promise<{ story: string; shared: number }[]> {
    const shared = new Map<string, number>();
    for (const key of new Set(keys)) {
      for (const story of this.postings.get(key) ?? []) shared.set(story, (shared.get(story) ?? 0) + 1);
    }
    const out: { story: string; shared: number; last: number }[] = [];
    for (const [story, n] of shared) {
      const state = this.states.get(story);
      if (!state || state.last < window.from || state.first > window.to) continue;
      out.push({ story, shared: n, last: state.last });
    }
    out.sort((a, b) => b.shared - a.shared || b.last - a.last || (a.story < b.story ? -1 : 1));
    return out.slice(0, limit).map(({ story, shared }) => ({ story, shared }));
  }

  async stories(ids: readonly string[]): Promise<Map<string, StoryState>> {
    const out = new Map<string, StoryState>();
    for (const id of ids) {
      const state = this.states.get(id);
      if (state) out.set(id, cloneState(state));
    }
    return out;
  }

  async bandMatches(bands: readonly string[]): Promise<SignatureRecord[]> {
    const seen = new Set<string>();
    const out: SignatureRecord[] = [];
    for (const band of bands) {
      const doc = this.buckets.get(band);
      if (doc === undefined || seen.has(doc)) continue;
      seen.add(doc);
      const record = this.signatures.get(doc);
      if (record) out.push(record);
    }
    return out;
  }

  async write(w: AssignmentWrite): Promise<void> {
    this.count++;
    const before = this.newest;
    const now = Math.max(w.time, w.clock ?? w.time);
    if (this.newest === undefined || now > this.newest) this.newest = now;
    for (const term of new Set(w.terms)) {
      const count = getOrSet(this.df, term, () => ({ df: 0, seen: w.time }));
      count.df++;
      count.seen = Math.max(count.seen, w.time);
    }
    const forget = termHorizon(before, this.newest, this.windowMs);
    if (forget !== undefined) for (const [term, count] of this.df) if (count.seen < forget) this.df.delete(term);
    const id = w.story.id;
    this.states.delete(id);
    // The index owns the state from here on: the clusterer builds a new one for every write.
    this.states.set(id, w.story);
    for (const key of w.keys) this.post(key, id);
    // A bucket keeps the first document filed in it: copies are linked to the earliest report.
    for (const band of w.bands) if (!this.buckets.has(band)) this.buckets.set(band, w.doc);
    this.signatures.set(w.doc, { doc: w.doc, story: id, signature: w.signature });
    getOrSet(this.storyDocs, id, () => []).push({ doc: w.doc, bands: w.bands });
    if (w.vectors && w.story.size <= SPLIT_MAX_MEMBERS) {
      const record = { doc: w.doc, time: w.time, vectors: w.vectors, keys: w.keys };
      getOrSet(this.storyMembers, id, () => []).push({ seq: this.count, record });
    } else {
      this.storyMembers.delete(id);
    }
    this.evict();
  }

  async members(story: string): Promise<MemberRecord[]> {
    return (this.storyMembers.get(story) ?? []).map((m) => m.record);
  }

  async split(w: SplitWrite): Promise<void> {
    const from = w.kept.id;
    const to = w.moved.id;
    const leaving = new Set(w.docs);
    this.states.set(from, w.kept);
    this.states.set(to, w.moved);
    for (const key of w.keys) this.post(key, to);
    const docs = this.storyDocs.get(from) ?? [];
    this.storyDocs.set(
      from,
      docs.filter((d) => !leaving.has(d.doc)),
    );
    this.storyDocs.set(
      to,
      docs.filter((d) => leaving.has(d.doc)),
    );
    for (const doc of w.docs) {
      const record = this.signatures.get(doc);
      if (record) this.signatures.set(doc, { ...record, story: to });
    }
    const members = this.storyMembers.get(from) ?? [];
    this.storyMembers.set(
      from,
      members.filter((m) => !leaving.has(m.record.doc)),
    );
    this.storyMembers.set(
      to,
      members.filter((m) => leaving.has(m.record.doc)),
    );
  }

  async merge(w: MergeWrite): Promise<void> {
    const to = w.kept.id;
    const from = w.gone;
    this.states.delete(to);
    this.states.set(to, w.kept);
    for (const key of w.keys) this.post(key, to);
    getOrSet(this.storyDocs, to, () => []).push(...(this.storyDocs.get(from) ?? []));
    this.storyDocs.delete(from);
    for (const doc of w.docs) {
      const record = this.signatures.get(doc);
      if (record) this.signatures.set(doc, { ...record, story: to });
    }
    // Members stay in the order they joined, as the store reads them back.
    const members = [...(this.storyMembers.get(to) ?? []), ...(this.storyMembers.get(from) ?? [])].sort(
      (a, b) => a.seq - b.seq,
    );
    this.storyMembers.delete(from);
    if (members.length === w.kept.size) this.storyMembers.set(to, members);
    else this.storyMembers.delete(to);
    this.drop(from);
  }

  /** Files a story under a key as its most recent entry; a list past `maxPostings` lets its stalest story go. */
  private post(key: string, id: string): void {
    const list = getOrSet(this.postings, key, () => []);
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    list.push(id);
    getOrSet(this.storyKeys, id, () => new Set<string>()).add(key);
    if (list.length > this.maxPostings) {
      const dropped = list.shift() as string;
      this.storyKeys.get(dropped)?.delete(key);
    }
  }

  /** Drops the stalest stories while they are outside the window or too many. */
  private evict(): void {
    const horizon = this.newest === undefined ? -Infinity : this.newest - this.windowMs;
    for (const [id, state] of this.states) {
      if (state.last >= horizon && this.states.size <= this.maxStories) break;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    this.states.delete(id);
    for (const key of this.storyKeys.get(id) ?? []) {
      const list = this.postings.get(key);
      if (!list) continue;
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(key);
    }
    this.storyKeys.delete(id);
    for (const { doc, bands } of this.storyDocs.get(id) ?? []) {
      this.signatures.delete(doc);
      for (const band of bands) if (this.buckets.get(band) === doc) this.buckets.delete(band);
    }
    this.storyDocs.delete(id);
    this.storyMembers.delete(id);
  }

  /** Stories held now (for tests and benchmarks: memory stays bounded). */
  get size(): number {
    return this.states.size;
  }
}

function cloneState(state: StoryState): StoryState {
  return {
    ...state,
    centroid: {
      title: new Map(state.centroid.title),
      body: new Map(state.centroid.body),
      entities: new Map(state.centroid.entities),
    },
  };
}

/** The value under a key, made and stored first when there is none. */
export function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
