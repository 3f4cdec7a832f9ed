import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { clusteringContract } from "../clustering.contract.js";
import { sqliteFlavor } from "../flavor.js";
import { migrationProvider } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { inventedArticle, storeContract } from "../store.contract.js";
import { openSqliteStore } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-store-"));
let n = 0;

const fixture = async () => {
  const path = join(dir, `contract-${n++}.db`);
  return { store: await openSqliteStore(path), reopen: () => openSqliteStore(path, { mode: "existing" }) };
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
