import { type Kysely, sql } from "kysely";
import {
  type AssignmentWrite,
  FIELDS,
  type Field,
  getOrSet,
  type MemberRecord,
  type MergeWrite,
  type PackedVector,
  type SignatureRecord,
  SPLIT_MAX_MEMBERS,
  type SparseVector,
  type SplitWrite,
  STORY_WINDOW_MS,
  type StoryIndex,
  type StoryState,
  type TimeWindow,
  termHorizon,
} from "../cluster/types.js";
import { among, type SqlFlavor } from "./flavor.js";
import { Prepared } from "./prepared.js";
import type { Database } from "./schema.js";

/**
 * Stories filed under one index key: the most recently filed stay. A key held by more stories is a common
 * word or name, and the newest stories are the ones a new article can join within the time window.
 */
export const MAX_POSTINGS_PER_KEY = 64;

/**
 * Story states held in memory between keyed reads. A state read back from its table costs a JSON parse of
 * up to three centroids; the stories an article is compared with are mostly the ones recently written. A
 * state of three full centroids takes some 60 KB as maps, so 1,024 of them stay near 60 MB: the peak RSS
 * of a long ingest is bounded by this, not by the number of stories.
 */
export const CACHED_STORY_STATES = 1024;

/**
 * Document frequencies held in memory. An article's terms are looked up on every assignment, and the
 * frequent ones recur in nearly every article; terms never seen are held too (as 0), so that a new term is
 * asked of the table once. At some bytes per term this stays within tens of megabytes.
 */
export const CACHED_TERMS = 200_000;

/**
 * Posting lists held in memory, by key. A key's list is read once and then kept as the index writes it, so
 * that finding an article's candidate stories is a walk over a few short lists instead of a join over the
 * postings table; the lists of the keys a batch filed under are written when its transaction commits. Most
 * keys hold one or two stories (a key is a rare term), so 100,000 keys take some tens of megabytes.
 */
export const CACHED_POSTING_KEYS = 100_000;

/**
 * Postings held in memory over all cached keys. The lists of common keys fill up to `MAX_POSTINGS_PER_KEY`
 * as the store grows, so a bound on keys alone lets the lists' memory grow with the store; at some 50 bytes
 * a posting, 500,000 stay near 25 MB.
 */
export const CACHED_POSTINGS = 500_000;

/**
 * Stories' time spans held in memory, to filter candidates by the time window without reading their rows.
 * Some tens of bytes each.
 */
export const CACHED_STORY_TIMES = 200_000;

/**
 * LSH band buckets held in memory with the document that holds each (or none). Nearly every band of a new
 * document is new, so a document's bands are read from the table whatever the cache holds (on the ingest
 * benchmark 7,966 reads for 8,000 articles with 200,000 cached); the cache serves the second look at a
 * document's bands when its write follows its match, and copies that follow their original closely. 16,384
 * hold the bands of the last thousand documents: the 200,000 held before took 28 MB of a 149 MB live heap at
 * 20,500 articles (map table 14 MB and its keys) for reads that were made anyway.
 */
export const CACHED_BANDS = 16_384;

/**
 * Stories whose rows are deleted per flush once they have left the time window (see `SqlStoryIndex.prune`).
 * An ingest lets go of about as many stories as it starts, a few hundred per batch; the bound spreads the
 * first flush after an upgrade (every story of an older store outside the window) over several batches.
 */
export const PRUNED_PER_FLUSH = 1024;

/**
 * Stories the index keeps at most, as `MemoryStoryIndex` does: beyond it the least recently updated go (see
 * `SqlStoryIndex.prune`). Articles without a date do not move the time window on (see
 * `OnlineClusterer.assign`), so a stream of them alone would otherwise never let a story go; at some
 * kilobytes of rows a story, 100,000 keep the index's tables within a few hundred megabytes.
 */
export const MAX_INDEXED_STORIES = 100_000;

/**
 * Members of small stories held in memory (see `SPLIT_MAX_MEMBERS`), over all cached stories. A story is
 * checked for a split each time it grows, and reading its members back costs a JSON parse of up to 32 members'
 * vectors; the stories that grow are mostly the ones recently written. A member's packed vectors take some
 * kilobytes, so 4,096 stay within some ten megabytes: a store of 100,000 articles peaked at 505 MB with 8,192.
 */
export const CACHED_MEMBERS = 4096;

/** Member rows written per statement: six bound values each, within every dialect's bound on parameters. */
const MEMBER_ROWS_PER_INSERT = 1000;

/** The upserts run per story and per document at each flush: built and compiled once (see `Prepared`). */
const SAVE_STATE = new Prepared(
  (db, id: number, size: number, first: number, last: number, centroid: string, seq: number) =>
    db
      .insertInto("cluster_stories")
      .values({ story_id: id, size, first_time: first, last_time: last, centroid, seq })
      .onConflict((oc) =>
        oc.column("story_id").doUpdateSet({
          seq: (eb) => eb.ref("excluded.seq"),
          size: (eb) => eb.ref("excluded.size"),
          first_time: (eb) => eb.ref("excluded.first_time"),
          last_time: (eb) => eb.ref("excluded.last_time"),
          centroid: (eb) => eb.ref("excluded.centroid"),
        }),
      ),
);
const SAVE_SIGNATURE = new Prepared((db, doc: number, story: number, signature: Uint8Array) =>
  db
    .insertInto("cluster_signatures")
    .values({ article_id: doc, story_id: story, signature })
    .onConflict((oc) => oc.column("article_id").doUpdateSet({ story_id: (eb) => eb.ref("excluded.story_id") })),
);

/**
 * A term's document frequency as known (stored plus counted since the last flush) and the part not yet
 * written: one entry per term, so that an article's terms are each looked up once when read and once when
 * counted (in a map of some hundred thousand terms a lookup is a few cache misses).
 */
export interface TermCount {
  term: string;
  df: number;
  /** Counted since the last flush (0: nothing to write). */
  pending: number;
  /** The latest time of a document that held it (whole milliseconds; -Infinity: none stored). */
  seen: number;
  /** The document that last counted it: a term listed twice by one document counts once. */
  counted: number;
}

/** A member of a story as kept: its record and the document count when it joined (its order in the story). */
interface Member {
  seq: number;
  record: MemberRecord;
}

/** A story filed under a key, and the document count when it was last filed there (newest highest). */
interface Posting {
  story: number;
  seq: number;
}

/**
 * What the index holds in memory: the meta row, recently used story states and document frequencies,
 * always equal to the rows plus the increments not yet flushed; dropped whole when a transaction rolls back.
 */
export class ClusterCache {
  meta: { documents: number; latest: number | undefined; stories: number } | undefined;
  private readonly states = new Map<number, StoryState>();
  /** Known document frequencies (unflushed increments included). */
  readonly df = new Map<string, TermCount>();
  /** The terms counted since the last flush (`pending` > 0), written before a transaction commits. */
  readonly dfPending: TermCount[] = [];
  /**
   * The entries of the terms last looked up by `documentFrequencies`, in their order, until the next write or
   * flush: a clusterer writes the same terms it looked up, and finds their entries here without a lookup.
   */
  lookup: { terms: readonly string[]; counts: TermCount[] } | undefined;
  /** Whether `meta` holds counts not yet written. */
  metaDirty = false;
  /** Posting lists by key, oldest filing first (an empty list: no story is filed under the key). */
  readonly postings = new Map<string, Posting[]>();
  /** Postings filed since the last flush, by key: story to seq. */
  readonly postingsFiled = new Map<string, Map<number, number>>();
  /** Postings dropped since the last flush (a key's oldest, beyond `MAX_POSTINGS_PER_KEY`), by key. */
  readonly postingsDropped = new Map<string, Set<number>>();
  /** Stories' time spans, as in their rows. */
  readonly times = new Map<number, { first: number; last: number }>();
  /** Story states written since the last flush, and the document count at each one's write (its `seq`). */
  readonly statesPending = new Map<number, StoryState>();
  readonly seqPending = new Map<number, number>();
  /** Band buckets and the document holding each (0: none). */
  readonly bands = new Map<string, number>();
  /** Band buckets filled or taken over since the last flush. */
  readonly bandsPending = new Map<string, number>();
  /** Signatures written since the last flush, by document. */
  readonly signaturesPending = new Map<number, { story: number; signature: Uint32Array }>();
  /** Documents whose stored signature moved to another story by a split since the last flush: doc to story. */
  readonly signaturesMoved = new Map<number, number>();
  /**
   * Members of small stories in the order they joined, as in their rows plus what was written since the last
   * flush (an empty list: the story keeps none).
   */
  readonly members = new Map<number, Member[]>();
  /** Member rows written or moved to another story since the last flush, by document. */
  readonly membersPending = new Map<number, Member & { story: number }>();
  /** Stories whose members are let go (grown past `SPLIT_MAX_MEMBERS`) since the last flush. */
  readonly membersDropped = new Set<number>();
  /** The horizon up to which every expired story's rows are deleted (see `SqlStoryIndex.prune`). */
  prunedTo: number | undefined;
  /**
   * The horizon of the last sweep since the last flush (see `SqlStoryIndex.forgetTerms`): rows of terms last
   * seen before it are deleted by the next flush, and read as absent until then.
   */
  forgetBelow: number | undefined;

  /**
   * @param maxStories stories the index keeps at most (see `MAX_INDEXED_STORIES`): a bound of the store, held
   * here because every index of the store shares this cache.
   */
  constructor(
    private readonly capacity = CACHED_STORY_STATES,
    private readonly termCapacity = CACHED_TERMS,
    readonly maxStories = MAX_INDEXED_STORIES,
  ) {}

  get(id: number): StoryState | undefined {
    const state = this.states.get(id);
    if (state) {
      this.states.delete(id);
      this.states.set(id, state);
    }
    return state;
  }

  set(id: number, state: StoryState): void {
    this.states.delete(id);
    this.states.set(id, state);
    if (this.states.size > this.capacity) {
      const stalest = this.states.keys().next().value as number;
      this.states.delete(stalest);
    }
  }

  /** Lets go of a story's state and time span (its rows were deleted). */
  forget(id: number): void {
    this.states.delete(id);
    this.times.delete(id);
    this.members.delete(id);
  }

  /**
   * Lets go of the earliest-cached half of the term counts, posting lists (by keys or by postings), time spans
   * or band buckets once over their bound (between flushes).
   */
  trim(): void {
    this.lookup = undefined;
    // The cache is cut back only between transactions: a frequency read for an article must still be
    // there when the article's terms are counted.
    if (this.dfPending.length === 0) dropHalf(this.df, this.termCapacity);
    dropHalf(this.postings, CACHED_POSTING_KEYS);
    let postings = 0;
    for (const list of this.postings.values()) postings += list.length;
    if (postings > CACHED_POSTINGS) {
      for (const [key, list] of this.postings) {
        if (postings <= CACHED_POSTINGS / 2) break;
        postings -= list.length;
        this.postings.delete(key);
      }
    }
    dropHalf(this.times, CACHED_STORY_TIMES);
    dropHalf(this.bands, CACHED_BANDS);
    let members = 0;
    for (const list of this.members.values()) members += list.length;
    if (members > CACHED_MEMBERS) {
      for (const [story, list] of this.members) {
        if (members <= CACHED_MEMBERS / 2) break;
        members -= list.length;
        this.members.delete(story);
      }
    }
  }

  clear(): void {
    this.meta = undefined;
    this.lookup = undefined;
    this.metaDirty = false;
    this.states.clear();
    this.df.clear();
    this.dfPending.length = 0;
    this.postings.clear();
    this.postingsFiled.clear();
    this.postingsDropped.clear();
    this.times.clear();
    this.statesPending.clear();
    this.seqPending.clear();
    this.bands.clear();
    this.bandsPending.clear();
    this.signaturesPending.clear();
    this.signaturesMoved.clear();
    this.members.clear();
    this.membersPending.clear();
    this.membersDropped.clear();
    this.prunedTo = undefined;
    this.forgetBelow = undefined;
  }
}

function dropHalf<K, V>(map: Map<K, V>, bound: number): void {
  if (map.size <= bound) return;
  let drop = map.size - bound / 2;
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}

/**
 * The clusterer's `StoryIndex` on the store's tables: one row per story state, posting, term, band bucket and
 * signature. Every call reads or writes the rows its arguments name, so its cost does not grow with the store.
 */
export class SqlStoryIndex implements StoryIndex {
  /**
   * @param deferred whether document frequencies are written by `flush` (inside a transaction, before it
   * commits) rather than at once by each `write`.
   * @param windowMs stories whose latest document is older than this before the newest time seen are no
   * longer handed out (by `stories` or as the story of a band match), and their rows are deleted (see
   * `prune`), as the in-memory index evicts them.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flavor: SqlFlavor,
    private readonly cache: ClusterCache,
    private readonly deferred = false,
    private readonly windowMs = STORY_WINDOW_MS,
  ) {}

  /** The earliest latest-time a story may have and still be handed out. */
  private async horizon(): Promise<number> {
    const latest = (await this.meta()).latest;
    return latest === undefined ? -Number.MAX_VALUE : latest - this.windowMs;
  }

  private async meta(): Promise<{ documents: number; latest: number | undefined; stories: number }> {
    if (!this.cache.meta) {
      const row = await this.db
        .selectFrom("cluster_meta")
        .select(["documents", "latest"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      // Counted once per cache (a store opened, a transaction rolled back), then kept as stories come and go.
      const { stories } = await this.db
        .selectFrom("cluster_stories")
        .select((eb) => eb.fn.countAll<number>().as("stories"))
        .executeTakeFirstOrThrow();
      this.cache.meta = { documents: row.documents, latest: row.latest ?? undefined, stories: Number(stories) };
    }
    return this.cache.meta;
  }

  async documentCount(): Promise<number> {
    return (await this.meta()).documents;
  }

  async latestTime(): Promise<number | undefined> {
    return (await this.meta()).latest;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const df = this.cache.df;
    const missing: string[] = [];
    const counts: (TermCount | undefined)[] = new Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      const count = df.get(term);
      counts[i] = count;
      if (count === undefined) missing.push(term);
      else if (count.df > 0) out.set(term, count.df);
    }
    // The clusterer writes the terms it looked up: `write` counts them through these entries, not a second lookup.
    this.cache.lookup = { terms, counts: counts as TermCount[] };
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_terms")
      .select(["term", "df", "last_seen"])
      .where("term", "in", among(this.flavor.list(missing)))
      .execute();
    const forgotten = this.cache.forgetBelow ?? Number.NEGATIVE_INFINITY;
    const stored = new Map(rows.filter((r) => r.last_seen >= forgotten).map((r) => [r.term, r]));
    // A term missing from the cache has nothing pending: pending terms stay cached until they are written.
    // A term never stored is cached as 0, so that it is asked of the table once.
    for (const term of missing) {
      const row = stored.get(term);
      const n = row?.df ?? 0;
      df.set(term, { term, df: n, pending: 0, counted: 0, seen: row ? row.last_seen : Number.NEGATIVE_INFINITY });
      if (n > 0) out.set(term, n);
    }
    for (let i = 0; i < terms.length; i++) counts[i] ??= df.get(terms[i] as string);
    return out;
  }

  /**
   * Writes what the index counted and filed since the last flush: document frequencies, the meta row and
   * postings, a statement each.
   */
  async flush(): Promise<void> {
    await this.flushTerms();
    if (this.cache.metaDirty && this.cache.meta) {
      await this.db
        .updateTable("cluster_meta")
        .set({ documents: this.cache.meta.documents, latest: this.cache.meta.latest ?? null })
        .where("id", "=", 1)
        .execute();
      this.cache.metaDirty = false;
    }
    await this.flushStoryRows();
    this.cache.trim();
  }

  /**
   * Writes what was written since the last flush to the rows of stories, signatures, band buckets, members and
   * postings, then lets go of the stories past the window or the bound: what a merge moves and deletes by
   * statements must be in the tables first. The document frequencies and the meta row wait for the flush
   * before the commit: a merge comes every twenty or so articles on a stream of undated articles, and writing
   * every term counted since the last one took most of the time of its merge (the common terms rewritten at
   * each), for no read in between (the cache holds them).
   */
  private async flushStoryRows(): Promise<void> {
    await this.flushStories();
    await this.flushMembers();
    await this.flushPostings();
    await this.prune();
  }

  /**
   * Deletes the rows of stories that have left the time window: their state, postings, their documents'
   * signatures and the band buckets these hold. Such a story can never take a document again (`stories` and
   * `bandMatches` hand out only stories whose latest document is within the window of the newest time seen,
   * which only moves forward), so its rows only make every keyed read and write of the index slower as the
   * store grows. Near-duplicates are therefore found among the documents of stories still in the window: a
   * copy of an article is linked to it while its story had a document within `windowMs` of the newest time
   * seen. Document frequencies go by another rule (see `forgetTerms`).
   */
  private async prune(): Promise<void> {
    await this.pruneExpired();
    await this.pruneLeastRecent();
  }

  private async pruneExpired(): Promise<void> {
    const latest = this.cache.meta?.latest;
    if (latest === undefined) return;
    const horizon = latest - this.windowMs;
    if (this.cache.prunedTo === horizon) return;
    const rows = await this.db
      .selectFrom("cluster_stories")
      .select("story_id")
      .where("last_time", "<", horizon)
      .orderBy("last_time")
      .limit(PRUNED_PER_FLUSH)
      .execute();
    // A story written after this with a latest time before the horizon (a late, old document) goes with the
    // next move of the horizon.
    if (rows.length < PRUNED_PER_FLUSH) this.cache.prunedTo = horizon;
    await this.deleteStories(rows.map((r) => Number(r.story_id)));
  }

  /**
   * Deletes the rows of the least recently updated stories beyond `maxStories`, as `MemoryStoryIndex` evicts
   * them, though once per flush (a batch of an ingest) rather than per document: which stories go depends on
   * the order of the documents and on the batches, both fixed for one input.
   */
  private async pruneLeastRecent(): Promise<void> {
    const meta = this.cache.meta;
    if (!meta || meta.stories <= this.cache.maxStories) return;
    const rows = await this.db
      .selectFrom("cluster_stories")
      .select("story_id")
      .orderBy("seq")
      .orderBy("story_id")
      .limit(meta.stories - this.cache.maxStories)
      .execute();
    await this.deleteStories(rows.map((r) => Number(r.story_id)));
  }

  /** Deletes these stories' rows: state, postings, their documents' signatures and the band buckets these hold. */
  private async deleteStories(stories: number[]): Promise<void> {
    if (stories.length === 0) return;
    const storyIds = () => among(this.flavor.idList(stories));
    // Each delete returns the rows it deleted, to let go of them in the cache: one pass over each index.
    const docs = (
      await this.db
        .deleteFrom("cluster_signatures")
        .where("story_id", "in", storyIds())
        .returning("article_id")
        .execute()
    ).map((r) => Number(r.article_id));
    if (docs.length > 0) {
      const held = await this.db
        .deleteFrom("cluster_bands")
        .where("article_id", "in", among(this.flavor.idList(docs)))
        .returning("band")
        .execute();
      for (const row of held) if (this.cache.bands.has(row.band)) this.cache.bands.set(row.band, 0);
    }
    await this.db.deleteFrom("cluster_members").where("story_id", "in", storyIds()).execute();
    const postings = await this.db
      .deleteFrom("cluster_postings")
      .where("story_id", "in", storyIds())
      .returning(["key", "story_id"])
      .execute();
    for (const p of postings) {
      const list = this.cache.postings.get(p.key);
      const at = list ? list.findIndex((x) => x.story === Number(p.story_id)) : -1;
      if (at >= 0) list?.splice(at, 1);
    }
    const deleted = await this.db
      .deleteFrom("cluster_stories")
      .where("story_id", "in", storyIds())
      .returning("story_id")
      .execute();
    if (this.cache.meta) this.cache.meta.stories -= deleted.length;
    for (const id of stories) this.cache.forget(id);
  }

  /** Writes the story states, signatures and band buckets written since the last flush. */
  private async flushStories(): Promise<void> {
    for (const [id, story] of this.cache.statesPending) {
      await SAVE_STATE.execute(
        this.db,
        this.flavor.name,
        id,
        story.size,
        story.first,
        story.last,
        serializeCentroid(story.centroid),
        this.cache.seqPending.get(id) ?? 0,
      );
    }
    this.cache.statesPending.clear();
    this.cache.seqPending.clear();
    for (const [doc, record] of this.cache.signaturesPending) {
      await SAVE_SIGNATURE.execute(this.db, this.flavor.name, doc, record.story, encodeSignature(record.signature));
    }
    this.cache.signaturesPending.clear();
    const moved = new Map<number, number[]>();
    for (const [doc, story] of this.cache.signaturesMoved) getOrSet(moved, story, () => []).push(doc);
    for (const [story, docs] of moved) {
      await this.db
        .updateTable("cluster_signatures")
        .set({ story_id: story })
        .where("article_id", "in", among(this.flavor.idList(docs)))
        .execute();
    }
    this.cache.signaturesMoved.clear();
    if (this.cache.bandsPending.size > 0) {
      const rows = [...this.cache.bandsPending].map(([band, doc]) => ({ band, article_id: doc }));
      await this.db
        .insertInto("cluster_bands")
        .columns(["band", "article_id"])
        .expression((eb) =>
          eb
            .selectFrom(
              this.flavor
                .records({ band: "text", article_id: "integer" }, rows)
                .as("f") as unknown as "cluster_bands as f",
            )
            .select(["f.band", "f.article_id"])
            .where(sql.lit(true))
            .orderBy("f.band"),
        )
        .onConflict((oc) => oc.column("band").doUpdateSet({ article_id: (eb) => eb.ref("excluded.article_id") }))
        .execute();
      this.cache.bandsPending.clear();
    }
  }

  /**
   * Writes the member rows written or moved since the last flush, then deletes those of the stories grown past
   * `SPLIT_MAX_MEMBERS` (their rows written in this flush included).
   */
  private async flushMembers(): Promise<void> {
    const rows = [...this.cache.membersPending].map(([doc, m]) => ({
      article_id: doc,
      story_id: m.story,
      seq: m.seq,
      time: m.record.time,
      vectors: serializeVectors(m.record.vectors),
      keys: JSON.stringify(m.record.keys),
    }));
    this.cache.membersPending.clear();
    for (let at = 0; at < rows.length; at += MEMBER_ROWS_PER_INSERT) {
      await this.db
        .insertInto("cluster_members")
        .values(rows.slice(at, at + MEMBER_ROWS_PER_INSERT))
        .onConflict((oc) => oc.column("article_id").doUpdateSet({ story_id: (eb) => eb.ref("excluded.story_id") }))
        .execute();
    }
    if (this.cache.membersDropped.size > 0) {
      const stories = [...this.cache.membersDropped];
      this.cache.membersDropped.clear();
      await this.db
        .deleteFrom("cluster_members")
        .where("story_id", "in", among(this.flavor.idList(stories)))
        .execute();
    }
  }

  private async flushPostings(): Promise<void> {
    const dropped: { key: string; story_id: number }[] = [];
    for (const [key, stories] of this.cache.postingsDropped)
      for (const s of stories) dropped.push({ key, story_id: s });
    if (dropped.length > 0) {
      const rows = this.flavor.records({ key: "text", story_id: "integer" }, dropped);
      await sql`delete from cluster_postings where (key, story_id) in (select key, story_id from ${rows} as d)`.execute(
        this.db,
      );
      this.cache.postingsDropped.clear();
    }
    const filed: { key: string; story_id: number; seq: number }[] = [];
    for (const [key, stories] of this.cache.postingsFiled) {
      for (const [story, seq] of stories) filed.push({ key, story_id: story, seq });
    }
    if (filed.length > 0) {
      await this.db
        .insertInto("cluster_postings")
        .columns(["key", "story_id", "seq"])
        .expression((eb) =>
          eb
            .selectFrom(
              this.flavor
                .records({ key: "text", story_id: "integer", seq: "integer" }, filed)
                .as("f") as unknown as "cluster_postings as f",
            )
            .select(["f.key", "f.story_id", "f.seq"])
            .where(sql.lit(true))
            .orderBy("f.key")
            .orderBy("f.story_id"),
        )
        .onConflict((oc) => oc.columns(["key", "story_id"]).doUpdateSet({ seq: (eb) => eb.ref("excluded.seq") }))
        .execute();
      this.cache.postingsFiled.clear();
    }
  }

  /**
   * Deletes the rows of the terms forgotten since the last flush, then writes the document frequencies counted
   * since, in one statement each. Rows go in key order,
   * as do those of postings and band buckets: neighbouring keys share index pages, which stay in the cache.
   */
  private async flushTerms(): Promise<void> {
    if (this.cache.forgetBelow !== undefined) {
      await this.db.deleteFrom("cluster_terms").where("last_seen", "<", this.cache.forgetBelow).execute();
      this.cache.forgetBelow = undefined;
    }
    const pending = this.cache.dfPending;
    if (pending.length === 0) return;
    // Whole counts, not increments: the cache holds each term's count as stored plus what was counted since
    // (clustering is one transaction at a time, and a cache another process's placements made stale is
    // dropped, see `SqlStore.lockClustering`), and a term forgotten since the last flush starts again from 0.
    const counts: [string, number, number][] = [];
    for (const count of pending) {
      if (count.df > 0) counts.push([count.term, count.df, count.seen]);
      count.pending = 0;
    }
    pending.length = 0;
    if (counts.length === 0) return;
    await this.db
      .insertInto("cluster_terms")
      .columns(["term", "df", "last_seen"])
      .expression((eb) =>
        eb
          .selectFrom(this.flavor.termCounts(counts).as("c"))
          .select(["c.key", "c.value", "c.seen"])
          .where(sql.lit(true))
          .orderBy("c.key"),
      )
      .onConflict((oc) =>
        oc.column("term").doUpdateSet({
          df: (eb) => eb.ref("excluded.df"),
          last_seen: (eb) => eb.ref("excluded.last_seen"),
        }),
      )
      .execute();
  }

  /**
   * Forgets the terms no document has held since `horizon` (see `TERM_SWEEP_MS`): their cached counts become 0,
   * as for a term never stored (a term that comes back is then not asked of the table), and their rows are
   * deleted by the next flush, before the counts pending are written.
   */
  private forgetTerms(horizon: number): void {
    this.cache.forgetBelow = Math.max(horizon, this.cache.forgetBelow ?? horizon);
    for (const count of this.cache.df.values()) {
      if (count.seen >= horizon) continue;
      count.df = 0;
      count.seen = Number.NEGATIVE_INFINITY;
    }
  }

  async candidates(
    keys: readonly string[],
    window: TimeWindow,
    limit: number,
  ): Promise<{ story: string; shared: number }[]> {
    if (keys.length === 0 || limit <= 0) return [];
    const lists = await this.postingLists([...new Set(keys)]);
    const shared = new Map<number, number>();
    for (const list of lists.values()) for (const p of list) shared.set(p.story, (shared.get(p.story) ?? 0) + 1);
    const times = await this.storyTimes([...shared.keys()]);
    const out: { story: number; shared: number; last: number }[] = [];
    for (const [story, n] of shared) {
      const t = times.get(story);
      if (!t || t.last < window.from || t.first > window.to) continue;
      out.push({ story, shared: n, last: t.last });
    }
    out.sort((a, b) => b.shared - a.shared || b.last - a.last || a.story - b.story);
    return out.slice(0, limit).map((c) => ({ story: String(c.story), shared: c.shared }));
  }

  /** The posting lists of these keys, read once and then kept as this index files stories under them. */
  private async postingLists(keys: readonly string[]): Promise<Map<string, Posting[]>> {
    const out = new Map<string, Posting[]>();
    const missing: string[] = [];
    for (const key of keys) {
      const list = this.cache.postings.get(key);
      if (list) out.set(key, list);
      else missing.push(key);
    }
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_postings")
      .select(["key", "story_id", "seq"])
      .where("key", "in", among(this.flavor.list(missing)))
      .execute();
    for (const key of missing) out.set(key, []);
    for (const row of rows) out.get(row.key)?.push({ story: Number(row.story_id), seq: Number(row.seq) });
    for (const key of missing) {
      const list = out.get(key) as Posting[];
      list.sort((a, b) => a.seq - b.seq);
      this.cache.postings.set(key, list);
    }
    return out;
  }

  /** The time spans of these stories (absent: no such story). */
  private async storyTimes(ids: readonly number[]): Promise<Map<number, { first: number; last: number }>> {
    const out = new Map<number, { first: number; last: number }>();
    const missing: number[] = [];
    for (const id of ids) {
      const t = this.cache.times.get(id);
      if (t) out.set(id, t);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_stories")
      .select(["story_id", "first_time", "last_time"])
      .where("story_id", "in", among(this.flavor.idList(missing)))
      .execute();
    for (const row of rows) {
      const t = { first: row.first_time, last: row.last_time };
      this.cache.times.set(Number(row.story_id), t);
      out.set(Number(row.story_id), t);
    }
    return out;
  }

  async stories(ids: readonly string[]): Promise<Map<string, StoryState>> {
    const out = new Map<string, StoryState>();
    const missing: number[] = [];
    const horizon = await this.horizon();
    for (const id of ids) {
      const n = Number(id);
      if (!Number.isSafeInteger(n)) continue;
      const state = this.cache.statesPending.get(n) ?? this.cache.get(n);
      if (state) {
        if (state.last >= horizon) out.set(id, cloneState(state));
      } else missing.push(n);
    }
    if (missing.length > 0) {
      const rows = await this.db
        .selectFrom("cluster_stories")
        .selectAll()
        .where("story_id", "in", among(this.flavor.idList(missing)))
        .execute();
      for (const row of rows) {
        const state: StoryState = {
          id: String(row.story_id),
          size: row.size,
          first: row.first_time,
          last: row.last_time,
          centroid: parseCentroid(row.centroid),
        };
        this.cache.set(row.story_id, readOnly(state));
        if (state.last >= horizon) out.set(state.id, cloneState(state));
      }
    }
    return out;
  }

  async bandMatches(bands: readonly string[]): Promise<SignatureRecord[]> {
    if (bands.length === 0) return [];
    const horizon = await this.horizon();
    const owners = await this.bandOwners(bands);
    const docs = [...new Set(owners.values())].filter((d) => d > 0).sort((a, b) => a - b);
    if (docs.length === 0) return [];
    const records = await this.signatures(docs);
    const times = await this.storyTimes([...new Set([...records.values()].map((r) => r.story))]);
    const out: SignatureRecord[] = [];
    for (const doc of docs) {
      const record = records.get(doc);
      const t = record && times.get(record.story);
      if (!record || !t || t.last < horizon) continue;
      out.push({ doc: String(doc), story: String(record.story), signature: record.signature });
    }
    return out;
  }

  /** The document holding each of these band buckets (0: none). */
  private async bandOwners(bands: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const band of bands) {
      const doc = this.cache.bands.get(band);
      if (doc === undefined) missing.push(band);
      else out.set(band, doc);
    }
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_bands")
      .select(["band", "article_id"])
      .where("band", "in", among(this.flavor.list(missing)))
      .execute();
    for (const band of missing) out.set(band, 0);
    for (const row of rows) out.set(row.band, Number(row.article_id));
    for (const band of missing) this.cache.bands.set(band, out.get(band) as number);
    return out;
  }

  /** The signatures and stories of these documents (absent: none stored). */
  private async signatures(docs: readonly number[]): Promise<Map<number, { story: number; signature: Uint32Array }>> {
    const out = new Map<number, { story: number; signature: Uint32Array }>();
    const missing: number[] = [];
    for (const doc of docs) {
      const record = this.cache.signaturesPending.get(doc);
      if (record) out.set(doc, record);
      else missing.push(doc);
    }
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_signatures")
      .select(["article_id", "story_id", "signature"])
      .where("article_id", "in", among(this.flavor.idList(missing)))
      .execute();
    for (const row of rows) {
      out.set(Number(row.article_id), { story: Number(row.story_id), signature: decodeSignature(row.signature) });
    }
    return out;
  }

  async write(w: AssignmentWrite): Promise<void> {
    const doc = rowId(w.doc, "document");
    const story = rowId(w.story.id, "story");
    const meta = await this.meta();
    const now = Math.max(w.time, w.clock ?? w.time);
    const next = {
      documents: meta.documents + 1,
      latest: meta.latest === undefined || now > meta.latest ? now : meta.latest,
      stories: meta.stories + (w.isNew ? 1 : 0),
    };
    const df = this.cache.df;
    const pending = this.cache.dfPending;
    const unknown: string[] = [];
    const lookup = this.cache.lookup;
    const seen = Math.floor(w.time);
    if (lookup?.terms === w.terms) {
      for (const count of lookup.counts) countTerm(count, pending, next.documents, seen);
    } else {
      for (const term of w.terms) {
        const count = df.get(term);
        if (count) countTerm(count, pending, next.documents, seen);
        else unknown.push(term);
      }
    }
    this.cache.lookup = undefined;
    if (unknown.length > 0) {
      // Terms the clusterer did not look up first: read, then counted as the others.
      await this.documentFrequencies(unknown);
      for (const term of unknown) countTerm(df.get(term) as TermCount, pending, next.documents, seen);
    }
    const forget = termHorizon(meta.latest, next.latest, this.windowMs);
    if (forget !== undefined) this.forgetTerms(forget);
    // The caller lets go of the state it writes (see `StoryIndex.write`): kept as it is, handed out as copies.
    const written = readOnly(w.story);
    this.cache.statesPending.set(story, written);
    this.cache.seqPending.set(story, next.documents);
    this.cache.times.set(story, { first: w.story.first, last: w.story.last });
    await this.fileUnder(w.keys, story, next.documents);
    this.keepMember(w, doc, story, next.documents);
    if (w.bands.length > 0) {
      // A bucket keeps the first document filed in it, so that copies are linked to the earliest report,
      // until that document's story leaves the time window (the in-memory index then drops the bucket).
      const horizon = next.latest - this.windowMs;
      const owners = await this.bandOwners(w.bands);
      const held = [...new Set(owners.values())].filter((d) => d > 0 && d !== doc);
      const records = held.length > 0 ? await this.signatures(held) : new Map<number, { story: number }>();
      const times = await this.storyTimes([...new Set([...records.values()].map((r) => r.story))]);
      for (const band of w.bands) {
        const owner = owners.get(band) ?? 0;
        if (owner === doc) continue;
        if (owner !== 0) {
          // An owner whose story's rows were deleted (see `prune`) holds the bucket no more.
          const record = records.get(owner);
          const t = record && times.get(record.story);
          if (t && t.last >= horizon) continue;
        }
        this.cache.bands.set(band, doc);
        this.cache.bandsPending.set(band, doc);
      }
    }
    const signed = this.cache.signaturesPending.get(doc);
    if (signed) signed.story = story;
    else this.cache.signaturesPending.set(doc, { story, signature: w.signature });
    this.cache.meta = next;
    this.cache.metaDirty = true;
    this.cache.set(story, written);
    if (!this.deferred) await this.flush();
  }

  /**
   * Files a story under these keys: each key keeps its newest postings, so the story moves to the end of each
   * list and the oldest beyond MAX_POSTINGS_PER_KEY go.
   */
  private async fileUnder(keys: readonly string[], story: number, seq: number): Promise<void> {
    if (keys.length === 0) return;
    const lists = await this.postingLists([...new Set(keys)]);
    for (const [key, list] of lists) {
      const at = list.findIndex((p) => p.story === story);
      if (at >= 0) list.splice(at, 1);
      list.push({ story, seq });
      getOrSet(this.cache.postingsFiled, key, () => new Map()).set(story, seq);
      this.cache.postingsDropped.get(key)?.delete(story);
      while (list.length > MAX_POSTINGS_PER_KEY) {
        const gone = (list.shift() as Posting).story;
        this.cache.postingsFiled.get(key)?.delete(gone);
        getOrSet(this.cache.postingsDropped, key, () => new Set()).add(gone);
      }
    }
  }

  /**
   * Keeps a written document as a member of its story while the story is small and the document came with its
   * vectors, as `MemoryStoryIndex` does; otherwise the story's members are let go (a story that has lost one
   * can never split, as its members no longer match its size). A story's list is read only when asked for.
   */
  private keepMember(w: AssignmentWrite, doc: number, story: number, seq: number): void {
    const list = this.cache.members.get(story);
    if (!w.vectors || w.story.size > SPLIT_MAX_MEMBERS) {
      // Past the bound a story has none left to let go: they went when it first grew past it.
      if (w.isNew || list?.length === 0 || (w.vectors && w.story.size > SPLIT_MAX_MEMBERS + 1)) return;
      this.cache.members.set(story, []);
      this.cache.membersDropped.add(story);
      return;
    }
    const member: Member = { seq, record: { doc: w.doc, time: w.time, vectors: w.vectors, keys: w.keys } };
    this.cache.membersPending.set(doc, { ...member, story });
    if (list) list.push(member);
    else if (w.isNew) this.cache.members.set(story, [member]);
  }

  async members(id: string): Promise<MemberRecord[]> {
    const story = Number(id);
    if (!Number.isSafeInteger(story)) return [];
    const state = this.cache.statesPending.get(story) ?? this.cache.get(story);
    // A larger story keeps none: known from its state without a read.
    if (state && state.size > SPLIT_MAX_MEMBERS) return [];
    return (await this.memberList(story)).map((m) => m.record);
  }

  /** A story's members in the order they joined: its rows, with what was written or moved since the last flush. */
  private async memberList(story: number): Promise<Member[]> {
    const cached = this.cache.members.get(story);
    if (cached) return cached;
    const rows = await this.db
      .selectFrom("cluster_members")
      .select(["article_id", "seq", "time", "vectors", "keys"])
      .where("story_id", "=", story)
      .orderBy("seq")
      .execute();
    const pending = this.cache.membersPending;
    const list: Member[] = [];
    for (const row of rows) {
      if (pending.has(Number(row.article_id))) continue;
      const record = {
        doc: String(row.article_id),
        time: row.time,
        vectors: parseVectors(row.vectors),
        keys: JSON.parse(row.keys) as string[],
      };
      list.push({ seq: Number(row.seq), record });
    }
    for (const m of pending.values()) if (m.story === story) list.push({ seq: m.seq, record: m.record });
    list.sort((a, b) => a.seq - b.seq);
    this.cache.members.set(story, list);
    return list;
  }

  /** Of these ids, those of stored stories (`stories` hands out only the ones within the time window). */
  async retired(ids: readonly string[]): Promise<Set<string>> {
    const numbers = ids.map(Number).filter((n) => Number.isSafeInteger(n));
    if (numbers.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("stories")
      .select("id")
      .where("id", "in", among(this.flavor.idList(numbers)))
      .execute();
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * Moves the documents of a split to their new story: both states, the new story's postings, the documents'
   * signatures and members, as `MemoryStoryIndex.split` does.
   */
  async split(w: SplitWrite): Promise<void> {
    const from = rowId(w.kept.id, "story");
    const to = rowId(w.moved.id, "story");
    const meta = await this.meta();
    const leaving = new Set(w.docs);
    const members = await this.memberList(from);
    this.cache.members.set(
      from,
      members.filter((m) => !leaving.has(m.record.doc)),
    );
    const moved = members.filter((m) => leaving.has(m.record.doc));
    this.cache.members.set(to, moved);
    for (const m of moved) this.cache.membersPending.set(rowId(m.record.doc, "document"), { ...m, story: to });
    for (const [id, state] of [
      [from, w.kept],
      [to, w.moved],
    ] as const) {
      const written = readOnly(state);
      this.cache.statesPending.set(id, written);
      this.cache.seqPending.set(id, meta.documents);
      this.cache.times.set(id, { first: state.first, last: state.last });
      this.cache.set(id, written);
    }
    this.cache.meta = { ...meta, stories: meta.stories + 1 };
    await this.fileUnder(w.keys, to, meta.documents);
    for (const d of w.docs) {
      const doc = rowId(d, "document");
      const signed = this.cache.signaturesPending.get(doc);
      if (signed) signed.story = to;
      else this.cache.signaturesMoved.set(doc, to);
    }
    if (!this.deferred) await this.flush();
  }
  /**
   * Moves every document of story `gone` into `kept.id` and deletes the rows of `gone`, as
   * `MemoryStoryIndex.merge` does: the documents' signatures and members move (members keep their order of
   * joining), the kept story takes the new state and the keys of the documents that came. Writes the stories' rows
   * pending first (see `flushStoryRows`), so that the rows moved are all in the tables.
   */
  async merge(w: MergeWrite): Promise<void> {
    const to = rowId(w.kept.id, "story");
    const from = rowId(w.gone, "story");
    await this.flushStoryRows();
    const ids = among(this.flavor.idList([from]));
    await this.db.updateTable("cluster_signatures").set({ story_id: to }).where("story_id", "in", ids).execute();
    await this.db.updateTable("cluster_members").set({ story_id: to }).where("story_id", "in", ids).execute();
    await this.deleteStories([from]);
    const meta = await this.meta();
    const written = readOnly(w.kept);
    this.cache.statesPending.set(to, written);
    this.cache.seqPending.set(to, meta.documents);
    this.cache.times.set(to, { first: w.kept.first, last: w.kept.last });
    this.cache.set(to, written);
    // Read again from the rows, in the order of joining.
    this.cache.members.delete(to);
    await this.fileUnder(w.keys, to, meta.documents);
    if (!this.deferred) await this.flush();
  }
}

/** Counts a term once for document `doc` of time `seen` (a term listed twice by it counts once). */
function countTerm(count: TermCount, pending: TermCount[], doc: number, seen: number): void {
  if (count.counted === doc) return;
  count.counted = doc;
  count.df++;
  if (seen > count.seen) count.seen = seen;
  if (count.pending++ === 0) pending.push(count);
}

function rowId(id: string, what: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n)) throw new Error(`expected a ${what} id that is a stored row id, found "${id}"`);
  return n;
}

/**
 * A state to hand out: its own object and centroid record over the cached centroid maps, which are read-only
 * (see `readOnly`). The clusterer changes a state it is handed (size, times) and replaces its centroids with
 * new maps; copying the three maps of some hundred terms of every candidate cost more than scoring them.
 */
function cloneState(state: StoryState): StoryState {
  return { ...state, centroid: { ...state.centroid } };
}

/** Makes a cached state's centroid maps refuse writes, so that a receiver writing into one fails loudly. */
function readOnly(state: StoryState): StoryState {
  for (const f of FIELDS) {
    const map = state.centroid[f];
    if (Object.hasOwn(map, "set")) continue;
    Object.defineProperties(map, { set: REFUSE, delete: REFUSE, clear: REFUSE });
  }
  return state;
}

const REFUSE: PropertyDescriptor = {
  value: () => {
    throw new Error("expected a story state's centroid to be replaced, not written into: the index shares it");
  },
};

function serializeCentroid(centroid: Record<Field, SparseVector>): string {
  const out: Record<string, [string, number][]> = {};
  for (const f of FIELDS) out[f] = [...centroid[f]];
  return JSON.stringify(out);
}

/**
 * A member's vectors as JSON `{ field: [[terms], weights] }`, the weights as base64 of little-endian doubles:
 * read back exactly, as the in-memory index keeps them, where writing each weight's shortest decimal took most
 * of the time of writing a member's row (and twice the bytes).
 */
function serializeVectors(vectors: Record<Field, PackedVector>): string {
  const out: Record<string, [string[], string]> = {};
  for (const f of FIELDS) out[f] = [vectors[f].terms, encodeWeights(vectors[f].weights)];
  return JSON.stringify(out);
}

function parseVectors(json: string): Record<Field, PackedVector> {
  const raw = JSON.parse(json) as Partial<Record<Field, [string[], string]>>;
  const out = {} as Record<Field, PackedVector>;
  for (const f of FIELDS) out[f] = { terms: raw[f]?.[0] ?? [], weights: decodeWeights(raw[f]?.[1] ?? "") };
  return out;
}

function encodeWeights(weights: readonly number[]): string {
  const bytes = Buffer.alloc(weights.length * 8);
  for (let i = 0; i < weights.length; i++) bytes.writeDoubleLE(weights[i] as number, i * 8);
  return bytes.toString("base64");
}

function decodeWeights(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  const out = new Array<number>(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readDoubleLE(i * 8);
  return out;
}

function parseCentroid(json: string): Record<Field, SparseVector> {
  const raw = JSON.parse(json) as Partial<Record<Field, [string, number][]>>;
  return {
    title: new Map(raw.title ?? []),
    body: new Map(raw.body ?? []),
    entities: new Map(raw.entities ?? []),
  };
}

/** A signature as little-endian bytes, the same on every machine. */
export function encodeSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i] as number, true);
  return bytes;
}

export function decodeSignature(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
