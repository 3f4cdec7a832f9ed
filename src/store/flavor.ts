import { type Kysely, type RawBuilder, sql } from "kysely";

/** A list parameter as an operand of `in`: each element compares as a value of the column. */
export function among<T extends string | number>(list: RawBuilder<{ value: T }>): RawBuilder<T> {
  return list as unknown as RawBuilder<T>;
}

/**
 * What differs between the SQL dialects the store speaks, in one place: the type of a generated key, how
 * a list travels as one parameter, and full-text search (FTS5 in SQLite, `tsvector` in PostgreSQL). The
 * migrations and the store's queries are written once against this.
 */
export interface SqlFlavor {
  readonly name: "sqlite" | "postgres";
  /** Column type of a generated integer primary key. */
  readonly serialType: "integer" | "bigserial";
  /** Column type of a reference to such a key (and of other row ids). */
  readonly keyType: "integer" | "bigint";
  /** Column type of binary data. */
  readonly blobType: "blob" | "bytea";
  /**
   * The clause after `create table (...)` that stores a table's rows in the order of its primary key, in one
   * tree, instead of in a tree of row ids beside an index of the key (SQLite: `without rowid`); empty where a
   * table is a heap beside its key's index anyway (PostgreSQL).
   */
  readonly keyOrdered: string;
  /**
   * A list of strings as one bound parameter, usable as `x IN (...)` and as a row source with one column
   * named `value`: the statement's text is the same for any list length, so it is prepared once.
   */
  list(values: readonly string[]): RawBuilder<{ value: string }>;
  /** The same for a list of row ids. */
  idList(values: readonly number[]): RawBuilder<{ value: number }>;
  /**
   * Inside a transaction, takes the one lock that serialises clustering across processes until the
   * transaction ends (SQLite: every write transaction already excludes the others, so nothing).
   */
  lockClustering(db: Kysely<unknown>): Promise<void>;
  /**
   * Rows as one bound parameter: a row source with the named columns, each of text or integer type. One
   * statement writes a transaction's rows of a table, whatever their number.
   */
  records<C extends string>(
    columns: Record<C, "text" | "integer">,
    rows: readonly Record<C, string | number>[],
  ): RawBuilder<Record<C, string | number>>;
  /**
   * Counts by key, each with a time, as one bound parameter: a row source with columns `key`, `value` and
   * `seen` (whole numbers).
   */
  termCounts(entries: readonly [string, number, number][]): RawBuilder<{ key: string; value: number; seen: number }>;
  /** Creates the full-text index over articles' titles and texts (migration step). */
  createTextIndex(db: Kysely<unknown>): Promise<void>;
  /**
   * Adds stored articles (by row id) to the full-text index, inside the transaction that inserts them, once
   * its other writes are done (see `SqlStore.transaction`).
   */
  indexText(db: Kysely<unknown>, ids: readonly number[]): Promise<void>;
  /**
   * The ids, ranks and snippets of the articles matching a query (already reduced to words and quoted
   * phrases, see `searchTerms`), best first; marks `«` and `»` around the matched words.
   */
  matchText(
    db: Kysely<unknown>,
    terms: readonly string[],
    filter: TextFilter,
  ): Promise<{ id: number; rank: number; snippet: string }[]>;
}

export interface TextFilter {
  outlet?: string;
  since?: string;
  until?: string;
  limit: number;
}

/**
 * The advisory lock key of clustering in PostgreSQL: one lock for the store's whole index, since every
 * placement changes its shared counts (documents, document frequencies). Any fixed 64-bit number not used by
 * another application on the same database does; this one spells "TRIANGUL" in ASCII.
 */
export const CLUSTER_LOCK = "6075999392111220044";

/** Words of a snippet on each side of the matched ones. */
const SNIPPET_WORDS = 16;

/** SQLite: FTS5 with an external-content table over `articles`. */
export const sqliteFlavor: SqlFlavor = {
  name: "sqlite",
  serialType: "integer",
  keyType: "integer",
  blobType: "blob",
  keyOrdered: "without rowid",
  list: (values) => sql<{ value: string }>`(select value from json_each(${JSON.stringify(values)}))`,
  idList: (values) => sql<{ value: number }>`(select value from json_each(${JSON.stringify(values)}))`,
  async lockClustering() {},
  records: (columns, rows) =>
    sql`(select ${sql.join(
      Object.keys(columns).map((c) => sql`value->>${`$.${c}`} as ${sql.ref(c)}`),
      sql`, `,
    )} from json_each(${JSON.stringify(rows)}))`,
  // An array of pairs: JSON.stringify of an object with thousands of keys is many times slower.
  termCounts: (entries) =>
    sql<{
      key: string;
      value: number;
      seen: number;
    }>`(select value->>0 as key, value->>1 as value, value->>2 as seen from json_each(${JSON.stringify(entries)}))`,
  async createTextIndex(db) {
    await sql`create virtual table articles_fts using fts5(
      title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
  },
  async indexText(db, ids) {
    await sql`insert into articles_fts(rowid, title, text)
      select id, coalesce(title, ''), text from articles where id in (select value from json_each(${JSON.stringify(ids)}))
      order by id`.execute(db);
  },
  async matchText(db, terms, filter) {
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ");
    const result = await sql<{ id: number; rank: number; snippet: string }>`
      select a.id as id, bm25(articles_fts, 2.0, 1.0) as rank,
             snippet(articles_fts, 1, '«', '»', '…', ${SNIPPET_WORDS}) as snippet
      from articles_fts join articles a on a.id = articles_fts.rowid
      where articles_fts match ${match}
        and (${filter.outlet ?? null} is null or a.outlet = ${filter.outlet ?? null} collate nocase)
        and (${filter.since ?? null} is null or a.published >= ${filter.since ?? null})
        and (${filter.until ?? null} is null or a.published <= ${filter.until ?? null})
      order by rank, a.id
      limit ${filter.limit}`.execute(db);
    return result.rows;
  },
};

/**
 * PostgreSQL: a generated `tsvector` column over title (weight A) and text (weight B) with a GIN index. The
 * `simple` configuration neither stems nor drops stop words, as FTS5's unicode61 tokenizer does, so that a
 * query finds the same articles in both stores.
 */
export const postgresFlavor: SqlFlavor = {
  name: "postgres",
  serialType: "bigserial",
  keyType: "bigint",
  blobType: "bytea",
  keyOrdered: "",
  list: (values) => sql<{ value: string }>`(select unnest(${[...values]}::text[]) as value)`,
  idList: (values) => sql<{ value: number }>`(select unnest(${[...values]}::bigint[]) as value)`,
  records: (columns, rows) =>
    sql`(select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.join(
      Object.entries(columns).map(([c, type]) => sql`${sql.ref(c)} ${sql.raw(type === "text" ? "text" : "bigint")}`),
      sql`, `,
    )}))`,
  termCounts: (entries) =>
    sql<{
      key: string;
      value: number;
      seen: number;
    }>`(select e->>0 as key, (e->>1)::bigint as value, (e->>2)::double precision as seen from jsonb_array_elements(${JSON.stringify(entries)}::jsonb) as e)`,
  async lockClustering(db) {
    await sql`select pg_advisory_xact_lock(${CLUSTER_LOCK}::bigint)`.execute(db);
  },
  async createTextIndex(db) {
    await sql`alter table articles add column search tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', text), 'B')
    ) stored`.execute(db);
    await sql`create index articles_search on articles using gin (search)`.execute(db);
  },
  async indexText() {
    // The search column is generated from the row itself.
  },
  async matchText(db, terms, filter) {
    const query = sql.join(
      terms.map((t) => sql`phraseto_tsquery('simple', ${t})`),
      sql` && `,
    );
    // Snippets only for the rows kept: ts_headline reads the whole text.
    const result = await sql<{ id: number; rank: number; snippet: string }>`
      select m.id as id, m.rank as rank,
             ts_headline('simple', a.text, m.q, ${`StartSel=«, StopSel=», MinWords=${SNIPPET_WORDS}, MaxWords=${2 * SNIPPET_WORDS}, ShortWord=0, MaxFragments=2, FragmentDelimiter=…`}) as snippet
      from (
        select a.id, -ts_rank_cd(a.search, q) as rank, q
        from articles a, (select ${query} as q) as query
        where a.search @@ q
          and (${filter.outlet ?? null}::text is null or lower(a.outlet) = lower(${filter.outlet ?? null}::text))
          and (${filter.since ?? null}::text is null or a.published >= ${filter.since ?? null}::text collate "C")
          and (${filter.until ?? null}::text is null or a.published <= ${filter.until ?? null}::text collate "C")
        order by rank, a.id
        limit ${filter.limit}
      ) m join articles a on a.id = m.id
      order by m.rank, m.id`.execute(db);
    return result.rows;
  },
};
