import { CompiledQuery, type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { StoryIndex } from "../cluster/types.js";
import { type Article, openingWords, type StoryReport, TriangulateError, untitledStoryTitle } from "../model/index.js";
import { among, type SqlFlavor } from "./flavor.js";
import { Prepared } from "./prepared.js";
import { entityPosting, namePosting, outletKey, outletPosting } from "./report-postings.js";
import type { ArticlesTable, Database, StoriesTable } from "./schema.js";
import { searchTerms } from "./search-terms.js";
import { ClusterCache, SqlStoryIndex } from "./story-index.js";
import { fileReport, unfileReport } from "./story-postings.js";
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_LISTED_OUTLETS,
  type NewArticle,
  type PageOptions,
  type Placement,
  type SearchHit,
  type SearchOptions,
  type Store,
  type StoreCounts,
  type StoredArticle,
  type StoredEntity,
  type StoredOutlet,
  type StoredPage,
  type StoredReport,
  type StoredReportText,
  type StoryListOptions,
  type StoryMerge,
  type StorySplit,
  type StorySummary,
} from "./types.js";

/** The statements of the ingest path, run once per article: built and compiled once. */
const ARTICLE_BY_KEY = new Prepared((db, key: string) =>
  db.selectFrom("articles").select(["id", "story_id"]).where("key", "=", key),
);
const ADD_ARTICLE = new Prepared(
  (
    db,
    key: string,
    contentHash: string,
    name: string,
    source: string,
    url: string | null,
    outlet: string | null,
    title: string | null,
    published: string | null,
    author: string | null,
    language: string | null,
    text: string,
    words: number,
    removedBoilerplate: string,
    diagnostics: string,
    ingestedAt: string,
  ) =>
    db
      .insertInto("articles")
      .values({
        key,
        content_hash: contentHash,
        name,
        source,
        url,
        outlet,
        title,
        published,
        author,
        language,
        text,
        word_count: words,
        removed_boilerplate: removedBoilerplate,
        diagnostics,
        ingested_at: ingestedAt,
      })
      .returning("id"),
);
const PLACE_ARTICLE = new Prepared((db, storyId: number, copyOf: number | null, id: number) =>
  db
    .updateTable("articles")
    .set({ story_id: storyId, copy_of: copyOf })
    .where("id", "=", id)
    .returning(["outlet", "title", "published"]),
);
const INSERT_STORY = new Prepared(
  (db, id: number, title: string, copies: number, unnamed: number, published: string | null, at: string) =>
    db.insertInto("stories").values({
      id,
      title,
      article_count: sql.lit(1),
      copy_count: copies,
      outlet_count: sql.lit(0),
      unnamed_outlet_count: unnamed,
      first_published: published,
      last_published: published,
      version: sql.lit(1),
      created_at: at,
      updated_at: at,
      disputed_count: sql.lit(0),
      discrepancy_count: sql.lit(0),
    }),
);
const INSERT_OUTLET = new Prepared((db, storyId: number, outlet: string) =>
  db
    .insertInto("story_outlets")
    .values({ story_id: storyId, outlet })
    .onConflict((oc) => oc.columns(["story_id", "outlet"]).doNothing()),
);
const STORY_DATES = new Prepared((db, id: number) =>
  db.selectFrom("stories").select(["first_published", "last_published"]).where("id", "=", id),
);
const UPDATE_STORY = new Prepared(
  (
    db,
    articles: number,
    copies: number,
    outlets: number,
    unnamed: number,
    first: string | null,
    last: string | null,
    versions: number,
    at: string,
    id: number,
  ) =>
    db
      .updateTable("stories")
      .set((eb) => ({
        article_count: eb("article_count", "+", articles),
        copy_count: eb("copy_count", "+", copies),
        outlet_count: eb("outlet_count", "+", outlets),
        unnamed_outlet_count: eb("unnamed_outlet_count", "+", unnamed),
        first_published: first,
        last_published: last,
        version: eb("version", "+", versions),
        updated_at: at,
      }))
      .where("id", "=", id),
);
const MARK_PENDING = new Prepared((db, storyId: number) =>
  db
    .insertInto("pending_stories")
    .values({ story_id: storyId })
    .onConflict((oc) => oc.column("story_id").doNothing()),
);

/**
 * The reads of a story the server makes on every request its memory cannot answer (a story's report version,
 * its kept page, its report's text): built and compiled once, as the ingest path's statements are.
 */
const REPORT_VERSION = new Prepared((db, storyId: number) =>
  db.selectFrom("story_reports").select("version").where("story_id", "=", storyId),
);
const REPORT_TEXT = new Prepared((db, storyId: number) =>
  db.selectFrom("story_reports").selectAll().where("story_id", "=", storyId),
);
const KEPT_PAGE = new Prepared((db, storyId: number, renderer: string) =>
  db
    .selectFrom("story_pages as p")
    .innerJoin("story_reports as r", (j) =>
      j.onRef("r.story_id", "=", "p.story_id").onRef("r.version", "=", "p.report_version"),
    )
    .select(["p.report_version", "p.etag", "p.br", "p.gzip"])
    .where("p.story_id", "=", storyId)
    .where("p.renderer", "=", renderer),
);

const KEPT_PAGE_OF_ANY_RENDERER = new Prepared((db, storyId: number) =>
  db
    .selectFrom("story_pages as p")
    .innerJoin("story_reports as r", (j) =>
      j.onRef("r.story_id", "=", "p.story_id").onRef("r.version", "=", "p.report_version"),
    )
    .select(["p.report_version", "p.renderer", "p.etag", "p.br", "p.gzip"])
    .where("p.story_id", "=", storyId),
);

/** Characters of an article's text read for its first words: a dateline and six words fit many times over. */
const OPENING_CHARS = 400;

/**
 * The store on any SQL database Kysely speaks, with the dialect's differences in `flavor`. The adapters
 * (`sqlite/`, later `postgres/`) open the connection, run the migrations and hand it here.
 */
export class SqlStore implements Store {
  readonly dialect: "sqlite" | "postgres";
  private readonly index: SqlStoryIndex;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly flavor: SqlFlavor,
    private readonly cache: ClusterCache = new ClusterCache(),
    private readonly inTransaction = false,
    private readonly onClose: () => Promise<void> = async () => db.destroy(),
  ) {
    this.dialect = flavor.name;
    this.index = new SqlStoryIndex(db, flavor, cache, inTransaction);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error("expected no transaction to be open, found one: transactions do not nest");
    let store: SqlStore | undefined;
    try {
      return await this.db.transaction().execute(async (trx) => {
        store = new SqlStore(trx, this.flavor, this.cache, true, async () => {});
        const result = await work(store);
        // The index's writes are flushed, and dropped on a rollback, only by the transaction that made them:
        // on PostgreSQL a worker's other transactions (storing a source, saving a report) run beside its
        // clustering one and share the cache, and would otherwise commit that one's half-done writes or drop them.
        if (store.usedIndex) await store.index.flush();
        // Last, so that no later statement of the transaction opens a savepoint: FTS5 writes out the terms it
        // holds in memory at every savepoint, and a segment per article (with the merges that follow) cost
        // more than storing the article itself. Written here, a transaction's articles make one segment.
        if (store.unindexed.length > 0) await this.flavor.indexText(trx as unknown as Kysely<unknown>, store.unindexed);
        return result;
      });
    } catch (err) {
      if ((store as SqlStore | undefined)?.usedIndex) this.cache.clear();
      throw err;
    }
  }

  /** Whether this transaction locked clustering or was handed the index (see `transaction`). */
  private usedIndex = false;

  /** Articles this transaction added, to be put in the full-text index before it commits. */
  private readonly unindexed: number[] = [];

  async articleByKey(key: string): Promise<{ id: number; storyId: number | null } | undefined> {
    const [row] = await ARTICLE_BY_KEY.run<{ id: number; story_id: number | null }>(this.db, this.dialect, key);
    return row ? { id: Number(row.id), storyId: row.story_id === null ? null : Number(row.story_id) } : undefined;
  }

  async addArticle(input: NewArticle): Promise<number> {
    const a = input.article;
    const [row] = await ADD_ARTICLE.run<{ id: number }>(
      this.db,
      this.dialect,
      input.key,
      input.contentHash,
      a.id,
      a.source,
      input.url ?? null,
      a.outlet ?? null,
      a.title ?? null,
      a.published ?? null,
      a.author ?? null,
      input.language ?? null,
      a.text,
      wordCount(a.text),
      JSON.stringify(a.removedBoilerplate),
      JSON.stringify(a.diagnostics),
      input.ingestedAt,
    );
    if (!row) throw new TriangulateError("BAD_DATA", "expected the new article's id, found none");
    const id = Number(row.id);
    if (this.inTransaction) this.unindexed.push(id);
    else await this.flavor.indexText(this.db as Kysely<unknown>, [id]);
    return id;
  }

  async placeArticle(articleId: number, p: Placement): Promise<void> {
    const [article] = await PLACE_ARTICLE.run<{
      outlet: string | null;
      title: string | null;
      published: string | null;
    }>(this.db, this.dialect, p.storyId, p.copyOf ?? null, articleId);
    if (!article) throw new TriangulateError("BAD_DATA", `expected a stored article ${articleId}, found none`);
    const copy = p.copyOf === undefined ? 0 : 1;
    const unnamed = article.outlet ? 0 : 1;
    let outletAdded = 0;
    if (p.isNew) {
      await INSERT_STORY.run(
        this.db,
        this.dialect,
        p.storyId,
        // The text is read only for an untitled story: an article's text is its largest column.
        article.title ?? storyTitleOf(await this.articleText(articleId)),
        copy,
        unnamed,
        article.published,
        p.at,
      );
    }
    if (article.outlet) {
      const added = await INSERT_OUTLET.execute(this.db, this.dialect, p.storyId, article.outlet);
      outletAdded = Number(added.numAffectedRows ?? 0) > 0 ? 1 : 0;
    }
    if (!p.isNew || outletAdded) {
      const [story] = await STORY_DATES.run<{ first_published: string | null; last_published: string | null }>(
        this.db,
        this.dialect,
        p.storyId,
      );
      if (!story) throw new TriangulateError("BAD_DATA", `expected a stored story ${p.storyId}, found none`);
      const dates = [story.first_published, story.last_published, article.published]
        .filter((d): d is string => !!d)
        .sort();
      // A new story counted its first article already; only an outlet more is new to it.
      const joined = p.isNew ? 0 : 1;
      await UPDATE_STORY.run(
        this.db,
        this.dialect,
        joined,
        joined * copy,
        outletAdded,
        joined * unnamed,
        dates[0] ?? null,
        dates.at(-1) ?? null,
        joined,
        p.at,
        p.storyId,
      );
    }
    await MARK_PENDING.run(this.db, this.dialect, p.storyId);
  }

  async splitStory(split: StorySplit): Promise<void> {
    const { from, to, at } = split;
    if (split.articles.length === 0) throw new TriangulateError("BAD_DATA", `expected articles leaving story ${from}`);
    const taken = await this.db.selectFrom("stories").select("id").where("id", "=", to).executeTakeFirst();
    if (taken) throw new TriangulateError("BAD_DATA", `expected story ${to} of a split to be new, found it stored`);
    const moved = await this.db
      .updateTable("articles")
      .set({ story_id: to })
      .where("story_id", "=", from)
      .where("id", "in", split.articles)
      .returning("id")
      .execute();
    if (moved.length !== new Set(split.articles).size) {
      throw new TriangulateError("BAD_DATA", `expected articles ${split.articles.join(", ")} in story ${from}`);
    }
    // A copy whose original is now in the other story is a voice of its own: no report would show it else.
    for (const [story, other] of [
      [from, to],
      [to, from],
    ] as const) {
      await this.db
        .updateTable("articles")
        .set({ copy_of: null })
        .where("story_id", "=", story)
        .where("copy_of", "in", (eb) => eb.selectFrom("articles").select("id").where("story_id", "=", other))
        .execute();
    }
    const first = await this.db
      .selectFrom("articles")
      .select(["id", "title"])
      .where("story_id", "=", to)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const title = first.title ?? storyTitleOf(await this.articleText(first.id));
    await INSERT_STORY.run(this.db, this.dialect, to, title, 0, 0, null, at);
    if (split.articles.includes(from)) {
      // The article that started the story left: the story is known by its earliest article left until its report.
      const kept = await this.db
        .selectFrom("articles")
        .select(["id", "title"])
        .where("story_id", "=", from)
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const keptTitle = kept.title ?? storyTitleOf(await this.articleText(kept.id));
      await this.db.updateTable("stories").set({ title: keptTitle }).where("id", "=", from).execute();
    }
    await this.db.deleteFrom("story_outlets").where("story_id", "in", [from, to]).execute();
    await this.fileOutlets([from, to]);
    await this.recount(from, at, 1);
    // A new story's version is 1, as one started by an article.
    await this.recount(to, at, 0);
    await MARK_PENDING.run(this.db, this.dialect, from);
    await MARK_PENDING.run(this.db, this.dialect, to);
  }

  async mergeStories(merge: StoryMerge): Promise<void> {
    const { from, into, at } = merge;
    if (from === into) throw new TriangulateError("BAD_DATA", `expected two stories to merge, found ${from} twice`);
    const target = await this.db.selectFrom("stories").select("id").where("id", "=", into).executeTakeFirst();
    if (!target) throw new TriangulateError("BAD_DATA", `expected story ${into} of a merge to be stored, found none`);
    const moved = await this.db
      .updateTable("articles")
      .set({ story_id: into })
      .where("story_id", "=", from)
      .returning("id")
      .execute();
    if (moved.length === 0) throw new TriangulateError("BAD_DATA", `expected articles in story ${from}, found none`);
    await unfileReport(this.db, from);
    for (const table of ["story_reports", "story_pages", "pending_stories", "story_outlets"] as const) {
      await this.db.deleteFrom(table).where("story_id", "=", from).execute();
    }
    await this.db.deleteFrom("stories").where("id", "=", from).execute();
    await this.db.deleteFrom("story_outlets").where("story_id", "=", into).execute();
    await this.fileOutlets([into]);
    await this.recount(into, at, 1);
    await MARK_PENDING.run(this.db, this.dialect, into);
  }

  /** Files the named outlets of the stories' articles in `story_outlets` (whose rows for them are gone). */
  private async fileOutlets(stories: number[]): Promise<void> {
    await this.db
      .insertInto("story_outlets")
      .columns(["story_id", "outlet"])
      .expression((eb) =>
        eb
          .selectFrom("articles")
          .select(["story_id", "outlet"])
          .distinct()
          .where("story_id", "in", stories)
          .where("outlet", "is not", null)
          .where("outlet", "<>", ""),
      )
      .execute();
  }

  /** Sets a story's counts and dates to those of its articles, its version `versions` up. */
  private async recount(id: number, at: string, versions: number): Promise<void> {
    const of = (eb: ExpressionBuilder<Database, "stories">) =>
      eb.selectFrom("articles as a").whereRef("a.story_id", "=", "stories.id");
    const named = (eb: ExpressionBuilder<Database, "stories">) =>
      of(eb).where("a.outlet", "is not", null).where("a.outlet", "<>", "");
    await this.db
      .updateTable("stories")
      .set((eb) => ({
        article_count: of(eb).select((e) => e.fn.countAll<number>().as("n")),
        copy_count: of(eb)
          .where("a.copy_of", "is not", null)
          .select((e) => e.fn.countAll<number>().as("n")),
        outlet_count: named(eb).select((e) => e.fn.count<number>("a.outlet").distinct().as("n")),
        unnamed_outlet_count: of(eb)
          .where((e) => e.or([e("a.outlet", "is", null), e("a.outlet", "=", "")]))
          .select((e) => e.fn.countAll<number>().as("n")),
        first_published: of(eb).select((e) => e.fn.min("a.published").as("d")),
        last_published: of(eb).select((e) => e.fn.max("a.published").as("d")),
        version: eb("version", "+", versions),
        updated_at: at,
      }))
      .where("id", "=", id)
      .execute();
  }

  private async articleText(id: number): Promise<string> {
    const row = await this.db.selectFrom("articles").select("text").where("id", "=", id).executeTakeFirst();
    return row?.text ?? "";
  }

  storyIndex(): StoryIndex {
    this.usedIndex = true;
    return this.index;
  }

  async article(id: number): Promise<StoredArticle | undefined> {
    const row = await this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    return row && row.story_id !== null ? storedArticle(row) : undefined;
  }

  async lockClustering(): Promise<void> {
    if (!this.inTransaction) throw new Error("expected a transaction to lock clustering in, found none");
    this.usedIndex = true;
    await this.flavor.lockClustering(this.db as Kysely<unknown>);
    // Every placement counts one more document: an unchanged count means nobody else placed any since.
    const row = await this.db
      .selectFrom("cluster_meta")
      .select("documents")
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    if (this.cache.meta && this.cache.meta.documents !== row.documents) this.cache.clear();
  }

  async executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    const result = await this.db.executeQuery(CompiledQuery.raw(text, values));
    return { rows: [...result.rows] };
  }

  async unplacedArticles(limit: number): Promise<{ id: number; article: Article }[]> {
    const rows = await this.db
      .selectFrom("articles")
      .selectAll()
      .where("story_id", "is", null)
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, article: storedArticle(row).article }));
  }

  async storyArticles(storyId: number): Promise<StoredArticle[]> {
    const rows = await this.db
      .selectFrom("articles")
      .selectAll()
      .where("story_id", "=", storyId)
      .orderBy("id")
      .execute();
    return rows.map(storedArticle);
  }

  async pendingStories(limit: number, after?: number): Promise<number[]> {
    let query = this.db.selectFrom("pending_stories").select("story_id").orderBy("story_id").limit(limit);
    if (after !== undefined) query = query.where("story_id", ">", after);
    return (await query.execute()).map((r) => r.story_id);
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom("pending_stories")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async saveReport(storyId: number, version: number, report: StoryReport, at: string): Promise<boolean> {
    // The report and what it is filed under (several statements) are stored together or not at all.
    if (!this.inTransaction) return this.transaction((tx) => tx.saveReport(storyId, version, report, at));
    const json = JSON.stringify(report);
    await this.db
      .insertInto("story_reports")
      .values({ story_id: storyId, version, updated_at: at, report: json })
      .onConflict((oc) => oc.column("story_id").doUpdateSet({ version, updated_at: at, report: json }))
      .execute();
    // A page rendered from the report before is of another report, even one stored under the same version.
    await this.db.deleteFrom("story_pages").where("story_id", "=", storyId).execute();
    await fileReport(this.db, storyId, report);
    const title = report.story.title.trim();
    await this.db
      .updateTable("stories")
      .set({
        ...(title ? { title } : {}),
        disputed_count: report.facts.filter((f) => f.kind === "disputed").length,
        discrepancy_count: report.discrepancies.length,
      })
      .where("id", "=", storyId)
      .execute();
    const story = await this.db.selectFrom("stories").select("version").where("id", "=", storyId).executeTakeFirst();
    const current = story?.version === version;
    if (current) await this.db.deleteFrom("pending_stories").where("story_id", "=", storyId).execute();
    return current;
  }

  async story(id: number): Promise<StorySummary | undefined> {
    const row = await this.storyRows().where("s.id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    return (await this.summaries([row]))[0];
  }

  async stories(options: StoryListOptions): Promise<StorySummary[]> {
    const keys = [];
    if (options.entity) keys.push(await this.entityKey(options.entity));
    if (options.outlet) keys.push(outletPosting(options.outlet));
    const [drive, ...also] = keys;
    let query = this.storyRows();
    if (drive === undefined) {
      query =
        options.order === "biggest"
          ? query.orderBy("s.article_count", "desc").orderBy("s.id", "desc")
          : query.orderBy("s.updated_at", "desc").orderBy("s.id", "desc");
    } else {
      // One posting key's range of its index, in the list's order; any other key is looked up by story.
      // (Its columns are named by reference: the join changes the query's type, which `query` keeps.)
      query = query
        .innerJoin("story_postings as p", "p.story_id", "s.id")
        .where(sql.ref("p.key"), "=", drive) as unknown as typeof query;
      for (const key of also) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom("story_postings as q")
              .select("q.story_id")
              .where("q.story_id", "=", sql.ref<number>("p.story_id"))
              .where("q.key", "=", key),
          ),
        );
      }
      query =
        options.order === "biggest"
          ? query.orderBy(sql.ref("p.article_count"), "desc").orderBy(sql.ref("p.story_id"), "desc")
          : query.orderBy(sql.ref("p.updated_at"), "desc").orderBy(sql.ref("p.story_id"), "desc");
    }
    // A story without dates is in no date range. A date alone as `to` means the whole of that day.
    if (options.from) {
      const from = options.from;
      query = query.where((eb) => eb(eb.fn.coalesce("s.last_published", "s.first_published"), ">=", from));
    }
    if (options.to) {
      const until = /^\d{4}-\d{2}-\d{2}$/.test(options.to) ? `${options.to}~` : options.to;
      query = query.where((eb) => eb(eb.fn.coalesce("s.first_published", "s.last_published"), "<=", until));
    }
    const rows = await query
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
    return this.summaries(rows);
  }

  /** The posting key of an entity filter: its id when a report names an entity so, else a name. */
  private async entityKey(text: string): Promise<string> {
    const byId = entityPosting(text.trim());
    const known = await this.db
      .selectFrom("story_postings")
      .select("story_id")
      .where("key", "=", byId)
      .limit(1)
      .executeTakeFirst();
    return known ? byId : namePosting(text);
  }

  async entity(id: string, page: PageOptions): Promise<StoredEntity | undefined> {
    const profile = await this.db
      .selectFrom("entity_profiles")
      .selectAll()
      .where("entity_id", "=", id)
      .executeTakeFirst();
    if (!profile) return undefined;
    const names = await this.db
      .selectFrom("entity_names")
      .select(["name", "stories"])
      .where("entity_id", "=", id)
      .orderBy("stories", "desc")
      .orderBy("name")
      .execute();
    const name = names[0]?.name ?? profile.name;
    const stories = await this.postedStories(entityPosting(id), page);
    return {
      id,
      name,
      type: profile.type,
      aliases: names
        .map((n) => n.name)
        .filter((n) => n !== name)
        .sort(),
      storyCount: Number(profile.stories),
      stories: stories.map((s) => s.id),
    };
  }

  async outlet(name: string, page: PageOptions): Promise<StoredOutlet | undefined> {
    const key = outletKey(name);
    const p = await this.db.selectFrom("outlet_profiles").selectAll().where("outlet", "=", key).executeTakeFirst();
    if (!p) return undefined;
    const posted = await this.postedStories(outletPosting(key), page);
    const ids = posted.map((s) => s.id);
    const rows =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom("outlet_stories as o")
            .innerJoin("stories as s", "s.id", "o.story_id")
            .select(["s.id", "s.title", "o.articles", "o.copies_run"])
            .where("o.outlet", "=", key)
            .where("o.story_id", "in", among(this.flavor.idList(ids)))
            .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return {
      name: p.name,
      storyCount: Number(p.stories),
      articles: Number(p.articles),
      origin: Number(p.origin),
      uniqueClaims: Number(p.unique_claims),
      contradicted: Number(p.contradicted),
      overstatedHeadlines: Number(p.overstated_headlines),
      alteredQuotes: Number(p.altered_quotes),
      quotes: Number(p.quotes),
      copiedBy: Number(p.copied_by),
      copiesRun: Number(p.copies_run),
      stories: ids.flatMap((id) => {
        const r = byId.get(id);
        return r ? [{ id, title: r.title, articles: Number(r.articles) + Number(r.copies_run) }] : [];
      }),
    };
  }

  /** A page of the stories filed under a posting key, most recently updated first: a range of its index. */
  private async postedStories(key: string, page: PageOptions): Promise<{ id: number }[]> {
    const rows = await this.db
      .selectFrom("story_postings")
      .select("story_id")
      .where("key", "=", key)
      .orderBy("updated_at", "desc")
      .orderBy("story_id", "desc")
      .limit(page.limit)
      .offset(page.offset ?? 0)
      .execute();
    return rows.map((r) => ({ id: Number(r.story_id) }));
  }

  private storyRows() {
    return this.db
      .selectFrom("stories as s")
      .leftJoin("story_reports as r", "r.story_id", "s.id")
      .selectAll("s")
      .select("r.version as report_version");
  }

  private async summaries(rows: (Selectable<StoriesTable> & { report_version: number | null })[]) {
    if (rows.length === 0) return [];
    const outlets = await this.db
      .selectFrom("story_outlets")
      .select(["story_id", "outlet"])
      .where("story_id", "in", among(this.flavor.idList(rows.map((r) => r.id))))
      .orderBy("story_id")
      .orderBy("outlet")
      .execute();
    const byStory = new Map<number, string[]>();
    for (const o of outlets) {
      const list = byStory.get(o.story_id) ?? [];
      if (list.length < MAX_LISTED_OUTLETS) list.push(o.outlet);
      byStory.set(o.story_id, list);
    }
    return rows.map((r): StorySummary => {
      const summary: StorySummary = {
        id: r.id,
        title: r.title,
        articleCount: r.article_count,
        copyCount: r.copy_count,
        outletCount: r.outlet_count,
        articlesWithoutOutlet: r.unnamed_outlet_count,
        outlets: byStory.get(r.id) ?? [],
        version: r.version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        disputedFacts: r.disputed_count,
        discrepancies: r.discrepancy_count,
      };
      if (r.first_published) summary.firstPublished = r.first_published;
      if (r.last_published) summary.lastPublished = r.last_published;
      if (r.report_version !== null) summary.reportVersion = r.report_version;
      return summary;
    });
  }

  async report(storyId: number): Promise<StoredReport | undefined> {
    const stored = await this.reportText(storyId);
    if (!stored) return undefined;
    const { json, ...rest } = stored;
    return { ...rest, report: JSON.parse(json) };
  }

  async reportText(storyId: number): Promise<StoredReportText | undefined> {
    const [row] = await REPORT_TEXT.run<Selectable<Database["story_reports"]>>(this.db, this.dialect, storyId);
    if (!row) return undefined;
    return { storyId: row.story_id, version: row.version, updatedAt: row.updated_at, json: row.report };
  }

  async savePage(page: StoredPage): Promise<void> {
    const row = {
      report_version: page.reportVersion,
      renderer: page.renderer,
      etag: page.etag,
      br: page.br,
      gzip: page.gzip,
    };
    await this.db
      .insertInto("story_pages")
      .values({ story_id: page.storyId, ...row })
      .onConflict((oc) => oc.column("story_id").doUpdateSet(row))
      .execute();
  }

  async page(storyId: number, renderer?: string): Promise<StoredPage | undefined> {
    type Row = { report_version: number; renderer?: string; etag: string; br: Uint8Array; gzip: Uint8Array };
    const [row] =
      renderer === undefined
        ? await KEPT_PAGE_OF_ANY_RENDERER.run<Row>(this.db, this.dialect, storyId)
        : await KEPT_PAGE.run<Row>(this.db, this.dialect, storyId, renderer);
    if (!row) return undefined;
    return {
      storyId,
      reportVersion: row.report_version,
      renderer: renderer ?? row.renderer ?? "",
      etag: row.etag,
      br: bytes(row.br),
      gzip: bytes(row.gzip),
    };
  }

  async reportVersion(storyId: number): Promise<number | undefined> {
    const [row] = await REPORT_VERSION.run<{ version: number }>(this.db, this.dialect, storyId);
    return row?.version;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const terms = searchTerms(query);
    if (terms.length === 0) {
      throw new TriangulateError("BAD_ARGUMENT", `expected words to search for, found "${query}"`);
    }
    const matches = await this.flavor.matchText(this.db as Kysely<unknown>, terms, {
      limit: options.limit ?? DEFAULT_SEARCH_LIMIT,
      ...(options.outlet ? { outlet: options.outlet } : {}),
      ...(options.since ? { since: options.since } : {}),
      // A date alone means the whole of that day: every date-time of the day sorts below the date and "~".
      ...(options.until
        ? { until: /^\d{4}-\d{2}-\d{2}$/.test(options.until) ? `${options.until}~` : options.until }
        : {}),
    });
    if (matches.length === 0) return [];
    const rows = await this.db
      .selectFrom("articles as a")
      .innerJoin("stories as s", "s.id", "a.story_id")
      .select(["a.id", "a.name", "a.url", "a.title", "a.outlet", "a.published", "a.story_id", "s.title as story_title"])
      // An article's text is its largest column: its start is enough for its first words.
      .select(sql<string>`substr(a.text, 1, ${sql.lit(OPENING_CHARS)})`.as("opening"))
      .where("a.id", "in", among(this.flavor.idList(matches.map((m) => m.id))))
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hits: SearchHit[] = [];
    for (const m of matches) {
      const r = byId.get(m.id);
      if (!r || r.story_id === null) continue;
      const hit: SearchHit = {
        articleId: r.id,
        name: r.name,
        storyId: r.story_id,
        storyTitle: r.story_title,
        snippet: m.snippet,
      };
      if (r.url) hit.url = r.url;
      if (r.title) hit.title = r.title;
      if (r.outlet) hit.outlet = r.outlet;
      if (r.published) hit.published = r.published;
      const opening = openingWords(r.opening);
      if (opening) hit.opening = opening;
      hits.push(hit);
    }
    return hits;
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: "articles" | "stories" | "pending_stories", copies = false) => {
      let q = this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
      if (copies) q = q.where("copy_of" as never, "is not", null);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return {
      articles: await count("articles"),
      copies: await count("articles", true),
      stories: await count("stories"),
      pending: await count("pending_stories"),
    };
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

/** A blob as read (a Node Buffer, on either database) as a plain view of the same bytes, not a copy of them. */
function bytes(blob: Uint8Array): Uint8Array {
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

function storedArticle(row: Selectable<ArticlesTable>): StoredArticle {
  const article: Article = {
    id: row.name,
    source: row.source,
    text: row.text,
    removedBoilerplate: JSON.parse(row.removed_boilerplate),
    diagnostics: JSON.parse(row.diagnostics),
  };
  if (row.outlet) article.outlet = row.outlet;
  if (row.title) article.title = row.title;
  if (row.published) article.published = row.published;
  if (row.author) article.author = row.author;
  const stored: StoredArticle = {
    id: row.id,
    key: row.key,
    storyId: row.story_id ?? 0,
    ingestedAt: row.ingested_at,
    article,
  };
  if (row.copy_of !== null) stored.copyOf = row.copy_of;
  if (row.url) stored.url = row.url;
  if (row.language) stored.language = row.language;
  return stored;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A title for a story whose first article has none, until its report gives one: its first words. */
function storyTitleOf(text: string): string {
  return untitledStoryTitle(text.split("\n").find((l) => l.trim()) ?? "");
}
