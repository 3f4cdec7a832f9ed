import { Kysely, Migrator, PostgresDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { emptyReport, reportArticleOf } from "../../../test/fixtures.js";
import { freshDatabase, pgServer } from "../../../test/pg.js";
import { clusteringContract } from "../clustering.contract.js";
import { postgresFlavor } from "../flavor.js";
import { openStore, storeLocation } from "../index.js";
import { migrationProvider } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { SqlStore } from "../sql-store.js";
import { inventedArticle, type StoreFixtureOptions, storeContract, storeReportAsBefore } from "../store.contract.js";
import { newPool, openPostgresStore, redactUrl } from "./index.js";

const AT = "2026-03-10T09:00:00Z";

const server = pgServer();

if (server.url) {
  const serverUrl = server.url;
  const fixture = async (options: StoreFixtureOptions = {}) => {
    const url = await freshDatabase(serverUrl, "contract");
    return {
      store: await openPostgresStore(url, options),
      reopen: () => openPostgresStore(url, { ...options, mode: "existing" }),
    };
  };
  storeContract("postgres", fixture);
  clusteringContract("postgres", fixture);

  describe("postgres store", () => {
    it("is chosen by a postgres:// or postgresql:// URL, a path stays SQLite, another scheme is refused", async () => {
      const url = await freshDatabase(serverUrl);
      for (const location of [url, url.replace(/^postgres:/, "postgresql:")]) {
        const store = await openStore(location);
        expect(store.dialect).toBe("postgres");
        await store.close();
      }
      await expect(openStore("mysql://somewhere/db")).rejects.toThrow(/expected a SQLite file path or a postgres/);
    });

    it("makes its tables once when many open an empty database at the same moment", async () => {
      const url = await freshDatabase(serverUrl);
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, { poolSize: 2 })));
      expect(await stores[0]?.counts()).toEqual({ articles: 0, copies: 0, stories: 0, pending: 0 });
      await Promise.all(stores.map((s) => s.close()));
    });

    it("links reports stored before reports were linked to the store, as the SQLite store does", async () => {
      const url = await freshDatabase(serverUrl);
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: await newPool(url, 2) }) });
      const migrator = new Migrator({ db, provider: migrationProvider(postgresFlavor) });
      expect((await migrator.migrateTo("0007-expiring-cluster-index")).error).toBeUndefined();
      const old = new SqlStore(db, postgresFlavor);
      const a = inventedArticle(1, { outlet: "Velmar Post" });
      const b = inventedArticle(2, { outlet: "Portavel Daily", text: "The estuary ferry is running again." });
      const ids = await old.transaction(async (tx) => {
        const file = async (article: typeof a, story?: number, copyOf?: number) => {
          const id = await tx.addArticle({ key: article.id, contentHash: article.id, article, ingestedAt: AT });
          await tx.placeArticle(id, {
            storyId: story ?? id,
            isNew: story === undefined,
            ...(copyOf ? { copyOf } : {}),
            at: AT,
          });
          return id;
        };
        const story = await file(a);
        const second = await file(b, story);
        const copy = await file(inventedArticle(3, { outlet: "Kestrel Bay News", text: a.text }), story, story);
        return { story, second, copy };
      });
      const before = {
        ...emptyReport([a, b]),
        articles: [a, b].map((x) => ({ ...reportArticleOf(x), outlet: x.outlet ?? "" })),
        entities: [
          { id: "person:ana-ruiz", name: "Ana Ruiz", type: "person" as const, aliases: ["Ruiz"], mentions: [] },
        ],
      };
      await storeReportAsBefore(db, ids.story, 3, before, AT);
      await db.destroy();
      const store = await openPostgresStore(url);
      const report = (await store.report(ids.story))?.report;
      expect(report?.articles.map((x) => x.storeId)).toEqual([ids.story, ids.second]);
      expect(report?.provenance.copies?.map((c) => [c.article, c.copy.storeId])).toEqual([[a.id, ids.copy]]);
      // Filed by entity and outlet as a report stored now is, the copy's outlet with them.
      expect(await store.entity("person:ana-ruiz", { limit: 5 })).toMatchObject({
        aliases: ["Ruiz"],
        stories: [ids.story],
      });
      expect((await store.outlet("kestrel bay news", { limit: 5 }))?.copiesRun).toBe(1);
      expect((await store.stories({ order: "newest", limit: 5, entity: "ruiz" })).map((s) => s.id)).toEqual([
        ids.story,
      ]);
      await store.close();
    });

    it("opens an existing store only when asked to, and names what is wrong without the password", async () => {
      const empty = await freshDatabase(serverUrl);
      await expect(openPostgresStore(empty, { mode: "existing" })).rejects.toThrow(/no store here/);
      const pg = (await import("pg")).default;
      const foreign = await freshDatabase(serverUrl);
      const client = new pg.Client({ connectionString: foreign });
      await client.connect();
      await client.query("create table recipes (name text)");
      await client.end();
      await expect(openPostgresStore(foreign, { mode: "existing" })).rejects.toThrow(/not a Triangulate store/);
      const wrongPort = new URL(serverUrl);
      wrongPort.port = "1";
      wrongPort.password = "hunter2";
      const refused = openPostgresStore(wrongPort.toString());
      await expect(refused).rejects.toThrow(/cannot be reached/);
      await expect(refused).rejects.toMatchObject({ subject: expect.not.stringContaining("hunter2") });
    });
  });
} else {
  describe.skip(`postgres store: skipped, no PostgreSQL server (${server.missing})`, () => {
    it("runs the store contract", () => {});
  });
}

describe("store location", () => {
  it("is --db, else TRIANGULATE_DB, else the default file", () => {
    expect(storeLocation("a.db", { TRIANGULATE_DB: "postgres://h/d" })).toBe("a.db");
    expect(storeLocation(undefined, { TRIANGULATE_DB: "postgres://h/d" })).toBe("postgres://h/d");
    expect(storeLocation(undefined, {})).toBe("triangulate.db");
    expect(storeLocation(undefined, { TRIANGULATE_DB: "" })).toBe("triangulate.db");
  });

  it("names a URL without its password", () => {
    expect(redactUrl("postgres://u:secret@h:5432/d")).toBe("postgres://u:***@h:5432/d");
    expect(redactUrl("postgres://u@h/d")).toBe("postgres://u@h/d");
  });
});
