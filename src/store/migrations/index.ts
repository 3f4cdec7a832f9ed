import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";
import type { LinkedStoredArticle } from "../copies.js";
import type { SqlFlavor } from "../flavor.js";
import { linkedReportText } from "../report-text.js";
import type { ArticlesTable, Database } from "../schema.js";
import { fileReport } from "../story-postings.js";

/**
 * The store's migrations, in order, written once for every dialect: what differs (key and blob types,
 * full-text search) comes from the flavor. A migration, once released, is never edited; a change is a new
 * one at the end.
 */
export function migrations(flavor: SqlFlavor, progress?: MigrationProgress): Record<string, Migration> {
  return {
    "0001-articles-and-stories": { up: (db) => articlesAndStories(db, flavor) },
    "0002-cluster-index": { up: (db) => clusterIndex(db, flavor) },
    "0003-unread-indexes": { up: dropUnreadIndexes },
    "0004-key-ordered-cluster-tables": { up: (db) => keyOrderedClusterTables(db, flavor) },
    "0005-articles-without-outlet": { up: articlesWithoutOutlet },
    "0006-story-pages": { up: (db) => storyPages(db, flavor) },
    "0007-expiring-cluster-index": { up: expiringClusterIndex },
    "0008-report-store-links": { up: (db) => reportStoreLinks(db, progress) },
    "0009-forgotten-cluster-terms": { up: forgottenClusterTerms },
    "0010-least-recent-cluster-stories": { up: leastRecentClusterStories },
    "0011-story-postings": { up: (db) => storyPostings(db, flavor, progress) },
    "0012-cluster-members": { up: (db) => clusterMembers(db, flavor) },
  };
}

/**
 * Told how far a long migration has gone, in a line a person reads ("linking stored reports to the store:
 * 2,000 of 10,000"): one that reads every stored report takes seconds on a store of thousands of stories.
 */
export type MigrationProgress = (message: string) => void;

/** The provider Kysely's `Migrator` reads. */
export function migrationProvider(flavor: SqlFlavor, progress?: MigrationProgress): MigrationProvider {
  return { getMigrations: async () => migrations(flavor, progress) };
}

async function articlesAndStories(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  await db.schema
    .createTable("articles")
    .addColumn("id", flavor.serialType, (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("outlet", "text")
    .addColumn("title", "text")
    .addColumn("published", "text")
    .addColumn("author", "text")
    .addColumn("language", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("word_count", "integer", (c) => c.notNull())
    .addColumn("removed_boilerplate", "text", (c) => c.notNull())
    .addColumn("diagnostics", "text", (c) => c.notNull())
    .addColumn("story_id", flavor.keyType)
    .addColumn("copy_of", flavor.keyType)
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("articles_story").on("articles").columns(["story_id", "id"]).execute();
  await db.schema.createIndex("articles_content_hash").on("articles").column("content_hash").execute();
  await flavor.createTextIndex(db);

  await db.schema
    .createTable("stories")
    .addColumn("id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("article_count", "integer", (c) => c.notNull())
    .addColumn("copy_count", "integer", (c) => c.notNull())
    .addColumn("outlet_count", "integer", (c) => c.notNull())
    .addColumn("first_published", "text")
    .addColumn("last_published", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("disputed_count", "integer", (c) => c.notNull())
    .addColumn("discrepancy_count", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stories_updated").on("stories").columns(["updated_at", "id"]).execute();
  await db.schema.createIndex("stories_size").on("stories").columns(["article_count", "id"]).execute();

  await db.schema
    .createTable("story_outlets")
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("outlet", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("story_outlets_pk", ["story_id", "outlet"])
    .execute();
  await db.schema
    .createTable("story_reports")
    .addColumn("story_id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("report", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("pending_stories")
    .addColumn("story_id", flavor.keyType, (c) => c.primaryKey())
    .execute();
}

async function clusterIndex(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  await db.schema
    .createTable("cluster_meta")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("documents", "integer", (c) => c.notNull())
    .addColumn("latest", "double precision")
    .execute();
  await sql`insert into cluster_meta (id, documents, latest) values (1, 0, null)`.execute(db);
  await db.schema
    .createTable("cluster_terms")
    .addColumn("term", "text", (c) => c.primaryKey())
    .addColumn("df", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("cluster_stories")
    .addColumn("story_id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("first_time", "double precision", (c) => c.notNull())
    .addColumn("last_time", "double precision", (c) => c.notNull())
    .addColumn("centroid", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("cluster_postings")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("seq", flavor.keyType, (c) => c.notNull())
    .addPrimaryKeyConstraint("cluster_postings_pk", ["key", "story_id"])
    .execute();
  await db.schema.createIndex("cluster_postings_seq").on("cluster_postings").columns(["key", "seq"]).execute();
  await db.schema
    .createTable("cluster_bands")
    .addColumn("band", "text", (c) => c.primaryKey())
    .addColumn("article_id", flavor.keyType, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("cluster_signatures")
    .addColumn("article_id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("signature", flavor.blobType, (c) => c.notNull())
    .execute();
}

/**
 * Indexes no statement reads, each one more random write per row: the content hash (an article is found by
 * its identity key) and postings by sequence (a key's postings are read whole and ordered in memory).
 */
async function dropUnreadIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("articles_content_hash").ifExists().execute();
  await db.schema.dropIndex("cluster_postings_seq").ifExists().execute();
}

/**
 * The clusterer's tables keyed by text (terms, postings, band buckets) stored in key order, one tree each: a
 * keyed read is one descent instead of one into the key's index and one into the rows, a write changes one
 * tree instead of two, and the file holds each key once. Rows are copied over in key order.
 */
async function keyOrderedClusterTables(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  if (!flavor.keyOrdered) return;
  const tables = [
    { name: "cluster_terms", columns: "term text primary key, df integer not null", key: "term" },
    {
      name: "cluster_postings",
      columns: `key text not null, story_id ${flavor.keyType} not null, seq ${flavor.keyType} not null, constraint cluster_postings_pk primary key (key, story_id)`,
      key: "key, story_id",
    },
    { name: "cluster_bands", columns: `band text primary key, article_id ${flavor.keyType} not null`, key: "band" },
  ];
  for (const t of tables) {
    await sql`create table ${sql.raw(`${t.name}_keyed`)} (${sql.raw(t.columns)}) ${sql.raw(flavor.keyOrdered)}`.execute(
      db,
    );
    await sql`insert into ${sql.raw(`${t.name}_keyed`)} select * from ${sql.raw(t.name)} order by ${sql.raw(t.key)}`.execute(
      db,
    );
    await sql`drop table ${sql.raw(t.name)}`.execute(db);
    await sql`alter table ${sql.raw(`${t.name}_keyed`)} rename to ${sql.raw(t.name)}`.execute(db);
  }
}

/**
 * Each story's count of articles that name no outlet, beside its count of distinct outlets: a story of one
 * named outlet and three unnamed articles is not "1 outlet". Stories stored before are counted from their
 * articles once (one descent of the story's index per story).
 */
async function articlesWithoutOutlet(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("stories")
    .addColumn("unnamed_outlet_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update stories set unnamed_outlet_count = (select count(*) from articles a where a.story_id = stories.id and (a.outlet is null or a.outlet = ''))`.execute(
    db,
  );
}

/** Stories' pages as rendered when their reports were stored, in br and gzip (see `StoryPagesTable`). */
async function storyPages(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  await db.schema
    .createTable("story_pages")
    .addColumn("story_id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("report_version", "integer", (c) => c.notNull())
    .addColumn("renderer", "text", (c) => c.notNull())
    .addColumn("etag", "text", (c) => c.notNull())
    .addColumn("br", flavor.blobType, (c) => c.notNull())
    .addColumn("gzip", flavor.blobType, (c) => c.notNull())
    .execute();
}

/**
 * What it takes to delete the clusterer's rows of a story once it has left the time window (see
 * `SqlStoryIndex.prune`): stories by latest time, and a story's postings, its documents' signatures and the
 * band buckets they hold by story and by document. New rows go in at the right end of each (recent times,
 * new stories and documents), so each costs a write to a page already in the cache.
 */
async function expiringClusterIndex(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("cluster_stories_last").on("cluster_stories").column("last_time").execute();
  await db.schema.createIndex("cluster_postings_story").on("cluster_postings").column("story_id").execute();
  await db.schema.createIndex("cluster_signatures_story").on("cluster_signatures").column("story_id").execute();
  await db.schema.createIndex("cluster_bands_article").on("cluster_bands").column("article_id").execute();
}

/** Reports read per statement by {@link reportStoreLinks}: bounded memory however many stories there are. */
const REPORT_PAGE = 100;

/** Reports linked between two lines of progress: about a second's work; a smaller store says nothing. */
const REPORTS_PER_PROGRESS = 1_000;

/**
 * Links reports stored before reports were linked to the store (each article's `storeId`, the copies in
 * `provenance.copies`), so that a store's stories show their copies and link their articles without being
 * analysed again: both depend only on the report's article ids and the story's stored articles (see
 * `withStoreLinks`). A report that changes drops the story's kept page, rendered without the links (the
 * server renders it again). Reports are read a page at a time, with their stories' articles (only what the
 * links name) in one statement per page.
 *
 * Each report's text is linked by `linkedReportText`, which parses and writes again only its articles and
 * provenance: on a store of 10,000 stories (730 MB of reports) parsing and writing whole reports took most
 * of the migration's CPU time. The result is the same text. Every {@link REPORTS_PER_PROGRESS} reports,
 * `progress` is told how many of all are done.
 */
async function reportStoreLinks(db: Kysely<unknown>, progress?: MigrationProgress): Promise<void> {
  const { rows: counted } = await sql<{ n: number | string }>`select count(*) as n from story_reports`.execute(db);
  const total = Number(counted[0]?.n ?? 0);
  let done = 0;
  let after = -1;
  for (;;) {
    const { rows } = await sql<{ story_id: number; report: string }>`select story_id, report from story_reports
      where story_id > ${after} order by story_id limit ${REPORT_PAGE}`.execute(db);
    if (rows.length === 0) return;
    const before = done;
    done += rows.length;
    if (progress && Math.floor(done / REPORTS_PER_PROGRESS) > Math.floor(before / REPORTS_PER_PROGRESS)) {
      progress(`linking stored reports to the store: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
    }
    const ids = rows.map((r) => Number(r.story_id));
    after = ids.at(-1) ?? after;
    const { rows: articles } = await sql<LinkRow & { story_id: number }>`select story_id, id, name, outlet, title,
      published, url, copy_of from articles where story_id in (${sql.join(ids)}) order by story_id, id`.execute(db);
    const byStory = new Map<number, LinkedStoredArticle[]>();
    for (const a of articles) {
      const story = Number(a.story_id);
      const list = byStory.get(story) ?? [];
      list.push(linkedArticle(a));
      byStory.set(story, list);
    }
    for (const row of rows) {
      const story = Number(row.story_id);
      const linked = linkedReportText(row.report, byStory.get(story) ?? []);
      if (linked === undefined) continue;
      await sql`update story_reports set report = ${linked} where story_id = ${story}`.execute(db);
      await sql`delete from story_pages where story_id = ${story}`.execute(db);
    }
  }
}

type LinkRow = Pick<ArticlesTable, "name" | "outlet" | "title" | "published" | "url" | "copy_of"> & { id: number };

function linkedArticle(row: LinkRow): LinkedStoredArticle {
  return {
    id: Number(row.id),
    ...(row.copy_of === null ? {} : { copyOf: Number(row.copy_of) }),
    ...(row.url ? { url: row.url } : {}),
    article: {
      id: row.name,
      ...(row.outlet ? { outlet: row.outlet } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.published ? { published: row.published } : {}),
    },
  };
}

/**
 * Each term's latest time seen, so that terms no document has held within the time window are deleted (see
 * `TERM_SWEEP_MS`). Terms stored before count as seen at the newest time of the store: they are forgotten a
 * window later unless a document holds them again.
 */
async function forgottenClusterTerms(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("cluster_terms")
    .addColumn("last_seen", "double precision", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update cluster_terms set last_seen = coalesce((select latest from cluster_meta where id = 1), 0)`.execute(
    db,
  );
}

/**
 * Each story's place in the order of writes (the document count when it last took a document), so that the
 * least recently updated stories go first once the index holds more than its bound (see `MAX_INDEXED_STORIES`).
 * Stories stored before count as written before any new one (0), oldest story first.
 */
async function leastRecentClusterStories(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("cluster_stories")
    .addColumn("seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("cluster_stories_seq").on("cluster_stories").columns(["seq", "story_id"]).execute();
}

/**
 * What each story's report names, filed in tables kept as reports are stored (see `fileReport`): the story
 * list's outlet and entity filters and the entity and outlet pages then read a range of an index, not the
 * reports of recent stories. Stories stored before are filed from their reports here, a page of reports per
 * statement, each parsed once.
 */
async function storyPostings(db: Kysely<unknown>, flavor: SqlFlavor, progress?: MigrationProgress): Promise<void> {
  await db.schema
    .createTable("story_postings")
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("article_count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("story_postings_pk", ["story_id", "key"])
    .execute();
  await db.schema
    .createIndex("story_postings_newest")
    .on("story_postings")
    .columns(["key", "updated_at", "story_id"])
    .execute();
  await db.schema
    .createIndex("story_postings_biggest")
    .on("story_postings")
    .columns(["key", "article_count", "story_id"])
    .execute();
  await db.schema
    .createTable("entity_stories")
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("names", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("entity_stories_pk", ["story_id", "entity_id"])
    .execute();
  await db.schema
    .createTable("entity_profiles")
    .addColumn("entity_id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("stories", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("entity_names")
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("stories", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("entity_names_pk", ["entity_id", "name"])
    .execute();
  const counts = ["articles", "origin", "unique_claims", "contradicted", "overstated_headlines", "altered_quotes"];
  const moreCounts = ["quotes", "copied_by", "copies_run"];
  let outletStories = db.schema
    .createTable("outlet_stories")
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("outlet", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull());
  let outletProfiles = db.schema
    .createTable("outlet_profiles")
    .addColumn("outlet", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("stories", "integer", (c) => c.notNull());
  for (const column of [...counts, ...moreCounts]) {
    outletStories = outletStories.addColumn(column, "integer", (c) => c.notNull());
    outletProfiles = outletProfiles.addColumn(column, "integer", (c) => c.notNull());
  }
  await outletStories.addPrimaryKeyConstraint("outlet_stories_pk", ["story_id", "outlet"]).execute();
  await outletProfiles.execute();

  const { rows: counted } = await sql<{ n: number | string }>`select count(*) as n from story_reports`.execute(db);
  const total = Number(counted[0]?.n ?? 0);
  let done = 0;
  let after = -1;
  for (;;) {
    const { rows } = await sql<{ story_id: number; report: string }>`select story_id, report from story_reports
      where story_id > ${after} order by story_id limit ${REPORT_PAGE}`.execute(db);
    if (rows.length === 0) return;
    for (const row of rows) await fileReport(db as Kysely<Database>, Number(row.story_id), JSON.parse(row.report));
    const before = done;
    done += rows.length;
    after = Number(rows.at(-1)?.story_id ?? after);
    if (progress && Math.floor(done / REPORTS_PER_PROGRESS) > Math.floor(before / REPORTS_PER_PROGRESS)) {
      progress(
        `filing stored reports by entity and outlet: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`,
      );
    }
  }
}

/**
 * The members of the clusterer's small stories (see `SPLIT_MAX_MEMBERS`), so that a story of the store splits
 * as one of the in-memory index does: a split check reads a story's members by story, in the order they joined,
 * and a pruned story's members go with it. Stories stored before have none, and are never split.
 */
async function clusterMembers(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  await db.schema
    .createTable("cluster_members")
    .addColumn("article_id", flavor.keyType, (c) => c.primaryKey())
    .addColumn("story_id", flavor.keyType, (c) => c.notNull())
    .addColumn("seq", flavor.keyType, (c) => c.notNull())
    .addColumn("time", "double precision", (c) => c.notNull())
    .addColumn("vectors", "text", (c) => c.notNull())
    .addColumn("keys", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cluster_members_story").on("cluster_members").columns(["story_id", "seq"]).execute();
}
