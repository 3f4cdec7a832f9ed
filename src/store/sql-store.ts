import { CompiledQuery, type Kysely, type Selectable } from "kysely";
import type { StoryIndex } from "../cluster/types.js";
import { type Article, type StoryReport, TriangulateError } from "../model/index.js";
import { among, type SqlFlavor } from "./flavor.js";
import type { ArticlesTable, Database, StoriesTable } from "./schema.js";
import { searchTerms } from "./search-terms.js";
import { ClusterCache, SqlStoryIndex } from "./story-index.js";
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_LISTED_OUTLETS,
  type NewArticle,
  type Placement,
  type SearchHit,
  type SearchOptions,
  type Store,
  type StoreCounts,
  type StoredArticle,
  type StoredReport,
  type StoryListOptions,
  type StorySummary,
} from "./types.js";

/** Characters of an article's text that title a story when the article has no title. */
const UNTITLED_TITLE_CHARS = 80;

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
    try {
      return await this.db.transaction().execute(async (trx) => {
        const store = new SqlStore(trx, this.flavor, this.cache, true, async () => {});
        const result = await work(store);
        await store.index.flush();
        return result;
      });
    } catch (err) {
      // The cache may hold what the rolled-back transaction wrote.
      this.cache.clear();
      throw err;
    }
  }

  async articleByKey(key: string): Promise<{ id: number; storyId: number | null } | undefined> {
    const row = await this.db
      .selectFrom("articles")
      .select(["id", "story_id"])
      .where("key", "=", key)
      .executeTakeFirst();
    return row ? { id: row.id, storyId: row.story_id } : undefined;
  }

  async addArticle(input: NewArticle): Promise<number> {
    const a = input.article;
    const { id } = await this.db
      .insertInto("articles")
      .values({
        key: input.key,
        content_hash: input.contentHash,
        name: a.id,
        source: a.source,
        url: input.url ?? null,
        outlet: a.outlet ?? null,
        title: a.title ?? null,
        published: a.published ?? null,
        author: a.author ?? null,
        language: input.language ?? null,
        text: a.text,
        word_count: wordCount(a.text),
        removed_boilerplate: JSON.stringify(a.removedBoilerplate),
        diagnostics: JSON.stringify(a.diagnostics),
        story_id: null,
        copy_of: null,
        ingested_at: input.ingestedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await this.flavor.indexText(this.db as Kysely<unknown>, { id, title: a.title ?? null, text: a.text });
    return id;
  }

  async placeArticle(articleId: number, p: Placement): Promise<void> {
    const article = await this.db
      .updateTable("articles")
      .set({ story_id: p.storyId, copy_of: p.copyOf ?? null })
      .where("id", "=", articleId)
      .returning(["outlet", "title", "published"])
      .executeTakeFirst();
    if (!article) throw new TriangulateError("BAD_DATA", `expected a stored article ${articleId}, found none`);
    const copy = p.copyOf === undefined ? 0 : 1;
    let outletAdded = 0;
    if (p.isNew) {
      await this.db
        .insertInto("stories")
        .values({
          id: p.storyId,
          // The text is read only for an untitled story: an article's text is its largest column.
          title: article.title ?? storyTitleOf(await this.articleText(articleId)),
          article_count: 1,
          copy_count: copy,
          outlet_count: 0,
          first_published: article.published,
          last_published: article.published,
          version: 1,
          created_at: p.at,
          updated_at: p.at,
          disputed_count: 0,
          discrepancy_count: 0,
        })
        .execute();
    }
    if (article.outlet) {
      const added = await this.db
        .insertInto("story_outlets")
        .values({ story_id: p.storyId, outlet: article.outlet })
        .onConflict((oc) => oc.columns(["story_id", "outlet"]).doNothing())
        .executeTakeFirst();
      outletAdded = Number(added.numInsertedOrUpdatedRows ?? 0) > 0 ? 1 : 0;
    }
    if (!p.isNew || outletAdded) {
      const story = await this.db
        .selectFrom("stories")
        .select(["first_published", "last_published"])
        .where("id", "=", p.storyId)
        .executeTakeFirst();
      if (!story) throw new TriangulateError("BAD_DATA", `expected a stored story ${p.storyId}, found none`);
      const earliest = [story.first_published, article.published].filter((d): d is string => !!d).sort();
      await this.db
        .updateTable("stories")
        .set((eb) => ({
          article_count: p.isNew ? eb.ref("article_count") : eb("article_count", "+", 1),
          copy_count: p.isNew ? eb.ref("copy_count") : eb("copy_count", "+", copy),
          outlet_count: eb("outlet_count", "+", outletAdded),
          first_published: earliest[0] ?? null,
          last_published:
            [story.last_published, article.published]
              .filter((d): d is string => !!d)
              .sort()
              .at(-1) ?? null,
          version: p.isNew ? eb.ref("version") : eb("version", "+", 1),
          updated_at: p.at,
        }))
        .where("id", "=", p.storyId)
        .execute();
    }
    await this.db
      .insertInto("pending_stories")
      .values({ story_id: p.storyId })
      .onConflict((oc) => oc.column("story_id").doNothing())
      .execute();
  }

  private async articleText(id: number): Promise<string> {
    const row = await this.db.selectFrom("articles").select("text").where("id", "=", id).executeTakeFirst();
    return row?.text ?? "";
  }

  storyIndex(): StoryIndex {
    return this.index;
  }

  async article(id: number): Promise<StoredArticle | undefined> {
    const row = await this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    return row && row.story_id !== null ? storedArticle(row) : undefined;
  }

  async lockClustering(): Promise<void> {
    if (!this.inTransaction) throw new Error("expected a transaction to lock clustering in, found none");
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

  async saveReport(storyId: number, version: number, report: StoryReport, at: string): Promise<boolean> {
    const json = JSON.stringify(report);
    await this.db
      .insertInto("story_reports")
      .values({ story_id: storyId, version, updated_at: at, report: json })
      .onConflict((oc) => oc.column("story_id").doUpdateSet({ version, updated_at: at, report: json }))
      .execute();
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
    let query = this.storyRows();
    query =
      options.order === "biggest"
        ? query.orderBy("s.article_count", "desc").orderBy("s.id", "desc")
        : query.orderBy("s.updated_at", "desc").orderBy("s.id", "desc");
    const rows = await query
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
    return this.summaries(rows);
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
    const row = await this.db
      .selectFrom("story_reports")
      .selectAll()
      .where("story_id", "=", storyId)
      .executeTakeFirst();
    if (!row) return undefined;
    return { storyId: row.story_id, version: row.version, updatedAt: row.updated_at, report: JSON.parse(row.report) };
  }

  async reportVersion(storyId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("story_reports")
      .select("version")
      .where("story_id", "=", storyId)
      .executeTakeFirst();
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
      .select(["a.id", "a.name", "a.title", "a.outlet", "a.published", "a.story_id", "s.title as story_title"])
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
      if (r.title) hit.title = r.title;
      if (r.outlet) hit.outlet = r.outlet;
      if (r.published) hit.published = r.published;
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

/** A title for a story whose first article has none: its first words. */
function storyTitleOf(text: string): string {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.length <= UNTITLED_TITLE_CHARS ? line.trim() : `${line.slice(0, UNTITLED_TITLE_CHARS).trim()}…`;
}
