import { type Kysely, sql } from "kysely";
import {
  type AssignmentWrite,
  FIELDS,
  type Field,
  type SignatureRecord,
  type SparseVector,
  type StoryIndex,
  type StoryState,
  type TimeWindow,
} from "../cluster/types.js";
import { among, type SqlFlavor } from "./flavor.js";
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
 * What the index holds in memory: the meta row, recently used story states and document frequencies,
 * always equal to the rows plus the increments not yet flushed; dropped whole when a transaction rolls back.
 */
export class ClusterCache {
  meta: { documents: number; latest: number | undefined } | undefined;
  private readonly states = new Map<number, StoryState>();
  /** Known document frequencies (unflushed increments included). */
  readonly df = new Map<string, number>();
  /** Increments of document frequencies not yet written, flushed before a transaction commits. */
  readonly dfPending = new Map<string, number>();

  constructor(
    private readonly capacity = CACHED_STORY_STATES,
    private readonly termCapacity = CACHED_TERMS,
  ) {}

  /** Sets a term's frequency, dropping the earliest-cached half when the cache is full. */
  setDf(term: string, df: number): void {
    if (this.df.size >= this.termCapacity && !this.df.has(term)) {
      let drop = this.termCapacity / 2;
      for (const key of this.df.keys()) {
        if (drop-- <= 0) break;
        this.df.delete(key);
      }
    }
    this.df.set(term, df);
  }

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

  clear(): void {
    this.meta = undefined;
    this.states.clear();
    this.df.clear();
    this.dfPending.clear();
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
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flavor: SqlFlavor,
    private readonly cache: ClusterCache,
    private readonly deferred = false,
  ) {}

  private async meta(): Promise<{ documents: number; latest: number | undefined }> {
    if (!this.cache.meta) {
      const row = await this.db
        .selectFrom("cluster_meta")
        .select(["documents", "latest"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      this.cache.meta = { documents: row.documents, latest: row.latest ?? undefined };
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
    const missing: string[] = [];
    for (const term of terms) {
      const df = this.cache.df.get(term);
      if (df === undefined) missing.push(term);
      else if (df > 0) out.set(term, df);
    }
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom("cluster_terms")
      .select(["term", "df"])
      .where("term", "in", among(this.flavor.list(missing)))
      .execute();
    const stored = new Map(rows.map((r) => [r.term, r.df]));
    for (const term of missing) {
      const df = (stored.get(term) ?? 0) + (this.cache.dfPending.get(term) ?? 0);
      this.cache.setDf(term, df);
      if (df > 0) out.set(term, df);
    }
    return out;
  }

  /** Writes the document frequencies counted since the last flush, in one statement. */
  async flush(): Promise<void> {
    if (this.cache.dfPending.size === 0) return;
    const pending = this.cache.dfPending;
    await this.db
      .insertInto("cluster_terms")
      .columns(["term", "df"])
      .expression((eb) =>
        eb.selectFrom(this.flavor.counts(pending).as("c")).select(["c.key", "c.value"]).where(sql.lit(true)),
      )
      .onConflict((oc) =>
        oc.column("term").doUpdateSet({ df: (eb) => eb("cluster_terms.df", "+", eb.ref("excluded.df")) }),
      )
      .execute();
    pending.clear();
  }

  async candidates(
    keys: readonly string[],
    window: TimeWindow,
    limit: number,
  ): Promise<{ story: string; shared: number }[]> {
    if (keys.length === 0 || limit <= 0) return [];
    const rows = await this.db
      .selectFrom("cluster_postings as p")
      .innerJoin("cluster_stories as s", "s.story_id", "p.story_id")
      .select([
        "p.story_id",
        (eb) => eb.fn.countAll<number>().as("shared"),
        (eb) => eb.fn.max("s.last_time").as("last"),
      ])
      .where("p.key", "in", among(this.flavor.list(keys)))
      .where("s.last_time", ">=", window.from)
      .where("s.first_time", "<=", window.to)
      .groupBy("p.story_id")
      .orderBy("shared", "desc")
      .orderBy("last", "desc")
      .orderBy("p.story_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ story: String(r.story_id), shared: Number(r.shared) }));
  }

  async stories(ids: readonly string[]): Promise<Map<string, StoryState>> {
    const out = new Map<string, StoryState>();
    const missing: number[] = [];
    for (const id of ids) {
      const n = Number(id);
      if (!Number.isSafeInteger(n)) continue;
      const state = this.cache.get(n);
      if (state) out.set(id, cloneState(state));
      else missing.push(n);
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
        this.cache.set(row.story_id, state);
        out.set(state.id, cloneState(state));
      }
    }
    return out;
  }

  async bandMatches(bands: readonly string[]): Promise<SignatureRecord[]> {
    if (bands.length === 0) return [];
    const rows = await this.db
      .selectFrom("cluster_bands as b")
      .innerJoin("cluster_signatures as s", "s.article_id", "b.article_id")
      .select(["s.article_id", "s.story_id", "s.signature"])
      .where("b.band", "in", among(this.flavor.list(bands)))
      .orderBy("s.article_id")
      .execute();
    const seen = new Set<number>();
    const out: SignatureRecord[] = [];
    for (const row of rows) {
      if (seen.has(row.article_id)) continue;
      seen.add(row.article_id);
      out.push({ doc: String(row.article_id), story: String(row.story_id), signature: decodeSignature(row.signature) });
    }
    return out;
  }

  async write(w: AssignmentWrite): Promise<void> {
    const doc = rowId(w.doc, "document");
    const story = rowId(w.story.id, "story");
    const meta = await this.meta();
    const next = {
      documents: meta.documents + 1,
      latest: meta.latest === undefined || w.time > meta.latest ? w.time : meta.latest,
    };
    await this.db
      .updateTable("cluster_meta")
      .set({ documents: next.documents, latest: next.latest })
      .where("id", "=", 1)
      .execute();
    const terms = [...new Set(w.terms)];
    const unknown = terms.filter((t) => !this.cache.df.has(t));
    if (unknown.length > 0) await this.documentFrequencies(unknown);
    for (const term of terms) {
      this.cache.setDf(term, (this.cache.df.get(term) ?? 0) + 1);
      this.cache.dfPending.set(term, (this.cache.dfPending.get(term) ?? 0) + 1);
    }
    const state = {
      story_id: story,
      size: w.story.size,
      first_time: w.story.first,
      last_time: w.story.last,
      centroid: serializeCentroid(w.story.centroid),
    };
    await this.db
      .insertInto("cluster_stories")
      .values(state)
      .onConflict((oc) =>
        oc.column("story_id").doUpdateSet({
          size: state.size,
          first_time: state.first_time,
          last_time: state.last_time,
          centroid: state.centroid,
        }),
      )
      .execute();
    const keys = [...new Set(w.keys)];
    if (keys.length > 0) {
      await this.db
        .insertInto("cluster_postings")
        .columns(["key", "story_id", "seq"])
        .expression((eb) =>
          eb
            .selectFrom(this.flavor.list(keys).as("l"))
            .select(["l.value", sql<number>`${story}`.as("story_id"), sql<number>`${next.documents}`.as("seq")])
            .where(sql.lit(true)),
        )
        .onConflict((oc) => oc.columns(["key", "story_id"]).doUpdateSet({ seq: next.documents }))
        .execute();
      // Each key keeps its newest postings: the seq of its MAX_POSTINGS-th newest is the floor.
      await this.db
        .deleteFrom("cluster_postings")
        .where("key", "in", among(this.flavor.list(keys)))
        .where((eb) =>
          eb(
            "seq",
            "<",
            eb
              .selectFrom("cluster_postings as q")
              .select("q.seq")
              .whereRef("q.key", "=", "cluster_postings.key")
              .orderBy("q.seq", "desc")
              .limit(1)
              .offset(MAX_POSTINGS_PER_KEY - 1),
          ),
        )
        .execute();
    }
    if (w.bands.length > 0) {
      // A bucket keeps the first document filed in it: copies are linked to the earliest report.
      await this.db
        .insertInto("cluster_bands")
        .columns(["band", "article_id"])
        .expression((eb) =>
          eb
            .selectFrom(this.flavor.list(w.bands).as("l"))
            .select(["l.value", sql<number>`${doc}`.as("article_id")])
            .where(sql.lit(true)),
        )
        .onConflict((oc) => oc.column("band").doNothing())
        .execute();
    }
    await this.db
      .insertInto("cluster_signatures")
      .values({ article_id: doc, story_id: story, signature: encodeSignature(w.signature) })
      .onConflict((oc) => oc.column("article_id").doUpdateSet({ story_id: story }))
      .execute();
    this.cache.meta = next;
    this.cache.set(story, cloneState(w.story));
    if (!this.deferred) await this.flush();
  }
}

function rowId(id: string, what: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n)) throw new Error(`expected a ${what} id that is a stored row id, found "${id}"`);
  return n;
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

function serializeCentroid(centroid: Record<Field, SparseVector>): string {
  const out: Record<string, [string, number][]> = {};
  for (const f of FIELDS) out[f] = [...centroid[f]];
  return JSON.stringify(out);
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
