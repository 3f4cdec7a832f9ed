import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { emptyReport, reportArticleOf } from "../../../test/fixtures.js";
import type { Article, StoryReport } from "../../model/index.js";
import { clusteringContract } from "../clustering.contract.js";
import { sqliteFlavor } from "../flavor.js";
import { migrationProvider } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { SqlStore } from "../sql-store.js";
import { inventedArticle, type StoreFixtureOptions, storeContract, storeReportAsBefore } from "../store.contract.js";
import { PRUNED_PER_FLUSH } from "../story-index.js";
import { openSqliteStore, WAL_CHECKPOINT_PAGES } from "./index.js";

const AT = "2026-03-10T09:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "triangulate-store-"));
let n = 0;

const fixture = async (options: StoreFixtureOptions = {}) => {
  const path = join(dir, `contract-${n++}.db`);
  return {
    store: await openSqliteStore(path, options),
    reopen: () => openSqliteStore(path, { ...options, mode: "existing" }),
  };
};
storeContract("sqlite", fixture);
clusteringContract("sqlite", fixture);

describe("sqlite store", () => {
  it("is one file in WAL mode that passes the integrity check", async () => {
    const path = join(dir, "wal.db");
    const store = await openSqliteStore(path);
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("lets the WAL grow to WAL_CHECKPOINT_PAGES before a commit checkpoints it, on its own connection only", async () => {
    const path = join(dir, "checkpoint.db");
    const store = await openSqliteStore(path);
    expect(await store.executeSql("pragma wal_autocheckpoint", [])).toEqual({
      rows: [{ wal_autocheckpoint: WAL_CHECKPOINT_PAGES }],
    });
    await store.close();
    // A connection of another program keeps SQLite's default.
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    raw.close();
  });

  it("keeps the indexes its statements read and none they do not", async () => {
    const path = join(dir, "indexes.db");
    const store = await openSqliteStore(path);
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    const names = (raw.prepare("select name from sqlite_master where type = 'index'").pluck().all() as string[]).sort();
    raw.close();
    expect(names).toEqual(expect.arrayContaining(["articles_story", "stories_updated", "stories_size"]));
    expect(names).not.toContain("articles_content_hash");
    expect(names).not.toContain("cluster_postings_seq");
  });

  it("stores the clusterer's text-keyed tables in key order, and keeps their rows when bringing an older file up to date", async () => {
    const path = join(dir, "upgrade.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider(sqliteFlavor) }).migrateTo(
      "0002-cluster-index",
    );
    expect(error).toBeUndefined();
    await db.insertInto("cluster_terms").values({ term: "t:ferry", df: 3 }).execute();
    await db.insertInto("cluster_postings").values({ key: "t:ferry", story_id: 7, seq: 2 }).execute();
    await db
      .insertInto("cluster_stories")
      .values({ story_id: 7, size: 1, first_time: 5, last_time: 5, centroid: "{}" })
      .execute();
    await db.insertInto("cluster_bands").values({ band: "0:ab", article_id: 7 }).execute();
    await db.destroy();
    const store = await openSqliteStore(path);
    const index = store.storyIndex();
    expect(await index.documentFrequencies(["t:ferry", "t:quay"])).toEqual(new Map([["t:ferry", 3]]));
    expect(await index.candidates(["t:ferry"], { from: 0, to: 10 }, 5)).toEqual([{ story: "7", shared: 1 }]);
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    const sqlOf = (name: string) =>
      raw.prepare("select sql from sqlite_master where name = ?").pluck().get(name) as string | undefined;
    for (const table of ["cluster_terms", "cluster_postings", "cluster_bands"])
      expect(sqlOf(table)).toMatch(/without rowid$/i);
    expect(sqlOf("cluster_stories")).not.toMatch(/without rowid/i);
    expect(raw.prepare("select band, article_id from cluster_bands").all()).toEqual([{ band: "0:ab", article_id: 7 }]);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("deletes the index rows of an older store's stories outside the time window once writing resumes, a bounded number per flush", async () => {
    const path = join(dir, "expired.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider(sqliteFlavor) }).migrateTo(
      "0006-story-pages",
    );
    expect(error).toBeUndefined();
    const day = 24 * 3600 * 1000;
    const old = PRUNED_PER_FLUSH + 5;
    await sql`insert into cluster_stories (story_id, size, first_time, last_time, centroid)
      select value, 1, 0, 0, '{}' from json_each(${JSON.stringify(Array.from({ length: old }, (_, i) => i + 1))})`.execute(
      db,
    );
    await sql`insert into cluster_postings (key, story_id, seq) select 't:old', story_id, story_id from cluster_stories`.execute(
      db,
    );
    await db.destroy();
    const store = await openSqliteStore(path);
    const count = async (table: string) =>
      Number(((await store.executeSql(`select count(*) as n from ${table}`, [])).rows[0] as { n: number }).n);
    const write = (doc: number) =>
      store.transaction((tx) =>
        tx.storyIndex().write({
          doc: String(doc),
          time: 30 * day,
          story: {
            id: String(doc),
            size: 1,
            first: 30 * day,
            last: 30 * day,
            centroid: { title: new Map([["new", 1]]), body: new Map(), entities: new Map() },
          },
          isNew: true,
          terms: ["t:new"],
          keys: ["t:new", "t:old"],
          signature: Uint32Array.from([doc]),
          bands: [`b${doc}`],
        }),
      );
    await write(5000);
    expect(await count("cluster_stories")).toBe(old - PRUNED_PER_FLUSH + 1);
    await write(5001);
    expect(await count("cluster_stories")).toBe(2);
    expect(await count("cluster_postings")).toBe(4);
    expect(await store.storyIndex().candidates(["t:old"], { from: 0, to: 31 * day }, 10)).toEqual([
      { story: "5000", shared: 1 },
      { story: "5001", shared: 1 },
    ]);
    await store.close();
  });

  it("puts a transaction's articles in the full-text index as one segment when it commits, and none when it rolls back", async () => {
    const path = join(dir, "fts.db");
    const store = await openSqliteStore(path);
    await store.transaction(async (tx) => {
      for (let i = 1; i <= 5; i++)
        await tx.addArticle({
          key: `hash:${i}`,
          contentHash: String(i),
          article: inventedArticle(i, { text: `The ferry ran again, crew ${i} said.` }),
          ingestedAt: "2026-03-10T08:00:00.000Z",
        });
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.addArticle({
          key: "hash:6",
          contentHash: "6",
          article: inventedArticle(6, { text: "A lighthouse keeper retired." }),
          ingestedAt: "2026-03-10T08:00:00.000Z",
        });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    const match = (term: string) =>
      raw.prepare("select rowid from articles_fts where articles_fts match ? order by rowid").pluck().all(term);
    expect(match("ferry")).toEqual([1, 2, 3, 4, 5]);
    expect(match("lighthouse")).toEqual([]);
    expect(raw.prepare("select count(distinct segid) from articles_fts_idx").pluck().get()).toBe(1);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("counts the articles without an outlet of stories stored before that count was kept", async () => {
    const path = join(dir, "unnamed.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider(sqliteFlavor) }).migrateTo(
      "0004-key-ordered-cluster-tables",
    );
    expect(error).toBeUndefined();
    const at = "2026-03-10T08:00:00.000Z";
    for (const id of [1, 5]) {
      await db
        .insertInto("stories")
        .values({
          id,
          title: `Story ${id}`,
          article_count: id === 1 ? 4 : 1,
          copy_count: 0,
          outlet_count: 1,
          first_published: null,
          last_published: null,
          version: 1,
          created_at: at,
          updated_at: at,
          disputed_count: 0,
          discrepancy_count: 0,
        })
        .execute();
    }
    const outlets: [number, number, string | null][] = [
      [1, 1, "Lowland Courier"],
      [2, 1, null],
      [3, 1, ""],
      [4, 1, null],
      [5, 5, "Tidewater Post"],
    ];
    for (const [id, story, outlet] of outlets) {
      await db
        .insertInto("articles")
        .values({
          key: `hash:${id}`,
          content_hash: String(id),
          name: `a${id}`,
          source: `a${id}.txt`,
          url: null,
          outlet,
          title: null,
          published: null,
          author: null,
          language: null,
          text: "Words.",
          word_count: 1,
          removed_boilerplate: "[]",
          diagnostics: "[]",
          story_id: story,
          copy_of: null,
          ingested_at: at,
        })
        .execute();
    }
    await db.destroy();
    const store = await openSqliteStore(path);
    expect(await store.story(1)).toMatchObject({ articleCount: 4, outletCount: 1, articlesWithoutOutlet: 3 });
    expect(await store.story(5)).toMatchObject({ articleCount: 1, outletCount: 1, articlesWithoutOutlet: 0 });
    await store.close();
  });

  it("links reports stored before reports were linked to the store (store ids, copies), and drops their kept pages", async () => {
    const path = join(dir, "links.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider(sqliteFlavor) }).migrateTo(
      "0007-expiring-cluster-index",
    );
    expect(error).toBeUndefined();
    const old = new SqlStore(db, sqliteFlavor);
    const file = (article: Article, story?: number, copyOf?: number) =>
      old.transaction(async (tx) => {
        const id = await tx.addArticle({ key: `hash:${article.id}`, contentHash: article.id, article, ingestedAt: AT });
        await tx.placeArticle(id, {
          storyId: story ?? id,
          isNew: story === undefined,
          ...(copyOf === undefined ? {} : { copyOf }),
          at: AT,
        });
        return id;
      });
    // As the store was written before: reports of the articles that are no copies, not linked to the store.
    const reportOf = (articles: Article[]): StoryReport => ({
      ...emptyReport(articles),
      articles: articles.map(reportArticleOf),
    });
    const keep = async (story: number, report: StoryReport) => {
      await storeReportAsBefore(db, story, (await old.story(story))?.version ?? 0, report, AT);
      await old.savePage({
        storyId: story,
        reportVersion: 1,
        renderer: "r",
        etag: "e",
        br: new Uint8Array(1),
        gzip: new Uint8Array(1),
      });
    };
    const a = inventedArticle(1, { outlet: "Velmar Post" });
    const b = inventedArticle(2, { outlet: "Portavel Daily", text: "The estuary ferry is running again." });
    const story = await file(a);
    const second = await file(b, story);
    const copy = await file(inventedArticle(3, { outlet: "Kestrel Bay News", text: a.text }), story, story);
    await keep(story, reportOf([a, b]));
    const lone = inventedArticle(4, { outlet: "Velmar Post", text: "A lone report." });
    const loneStory = await file(lone);
    await keep(loneStory, reportOf([lone]));
    const linked = inventedArticle(5, { outlet: "Velmar Post", text: "A report linked when stored." });
    const linkedStory = await file(linked);
    await keep(linkedStory, {
      ...reportOf([linked]),
      articles: reportOf([linked]).articles.map((x) => ({ ...x, storeId: linkedStory })),
    });
    const linkedBefore = await old.reportText(linkedStory);
    await db.destroy();

    const store = await openSqliteStore(path);
    const upgraded = (await store.report(story))?.report;
    expect(upgraded?.articles.map((x) => x.storeId)).toEqual([story, second]);
    expect(upgraded?.provenance.copies).toEqual([
      {
        article: a.id,
        copy: expect.objectContaining({ id: "wire-3", storeId: copy, outlet: "Kestrel Bay News" }),
      },
    ]);
    expect(await store.page(story, "r")).toBeUndefined();
    // Filed by outlet once linked: the copy it keeps counts for the copy's outlet.
    expect(await store.outlet("kestrel bay news", { limit: 5 })).toMatchObject({
      copiesRun: 1,
      stories: [{ id: story }],
    });
    expect((await store.stories({ order: "newest", limit: 5, outlet: "Kestrel Bay News" })).map((s) => s.id)).toEqual([
      story,
    ]);
    const alone = (await store.report(loneStory))?.report;
    expect(alone?.articles.map((x) => x.storeId)).toEqual([loneStory]);
    expect(alone?.provenance.copies).toBeUndefined();
    // Negative: a report already linked is kept as stored, and its page with it.
    expect(await store.reportText(linkedStory)).toEqual(linkedBefore);
    expect(await store.page(linkedStory, "r")).toBeDefined();
    await store.close();
  });

  it("says how far linking the reports of an older store has gone, every thousand reports", async () => {
    const path = join(dir, "progress.db");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    expect(
      (await new Migrator({ db, provider: migrationProvider(sqliteFlavor) }).migrateTo("0007-expiring-cluster-index"))
        .error,
    ).toBeUndefined();
    const old = new SqlStore(db, sqliteFlavor);
    const stories = 1_050;
    await old.transaction(async (tx) => {
      for (let i = 0; i < stories; i++) {
        const article = inventedArticle(i, { outlet: "Velmar Post", text: `Report ${i} of the Kestrel Bay ferry.` });
        const id = await tx.addArticle({ key: `k${i}`, contentHash: `h${i}`, article, ingestedAt: AT });
        await tx.placeArticle(id, { storyId: id, isNew: true, at: AT });
      }
    });
    for (let id = 1; id <= stories; id++) {
      const article = inventedArticle(id - 1, {
        outlet: "Velmar Post",
        text: `Report ${id - 1} of the Kestrel Bay ferry.`,
      });
      await storeReportAsBefore(db, id, 1, { ...emptyReport([article]), articles: [reportArticleOf(article)] }, AT);
    }
    await db.destroy();
    const said: string[] = [];
    const store = await openSqliteStore(path, { onProgress: (m) => said.push(m) });
    expect(said).toEqual([
      "linking stored reports to the store: 1,000 of 1,050",
      "filing stored reports by entity and outlet: 1,000 of 1,050",
    ]);
    expect((await store.report(stories))?.report.articles[0]?.storeId).toBe(stories);
    await store.close();
    // Negative: a store already up to date is opened without a word.
    const again = await openSqliteStore(path, { onProgress: (m) => said.push(m) });
    await again.close();
    expect(said).toHaveLength(2);
  });

  it("opens an existing store only when asked to, and names what is wrong", async () => {
    const missing = join(dir, "missing.db");
    await expect(openSqliteStore(missing, { mode: "existing" })).rejects.toThrow(/no store here/);
    const text = join(dir, "notes.db");
    writeFileSync(text, "these are notes, not a database\n".repeat(100));
    await expect(openSqliteStore(text)).rejects.toThrow(/not a SQLite database/);
    const foreign = join(dir, "foreign.db");
    const raw = new BetterSqlite3(foreign);
    raw.exec("create table recipes (name text)");
    raw.close();
    await expect(openSqliteStore(foreign, { mode: "existing" })).rejects.toThrow(/not a Triangulate store/);
  });

  it("opens nothing when imported", async () => {
    const before = n;
    await import("../index.js");
    await import("./index.js");
    expect(n).toBe(before);
  });
});
