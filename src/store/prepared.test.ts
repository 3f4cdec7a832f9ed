import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { Prepared } from "./prepared.js";
import type { Database } from "./schema.js";

let open: Kysely<Database> | undefined;

/** An in-memory database with one table of the store's schema, `cluster_meta`. */
async function database(): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(":memory:") }) });
  await sql`create table cluster_meta (id integer primary key, documents integer not null, latest real)`.execute(db);
  open = db;
  return db;
}

afterEach(async () => {
  await open?.destroy();
  open = undefined;
});

describe("Prepared", () => {
  it("binds each value where the builder put it, whatever the order of the arguments", async () => {
    const db = await database();
    const insert = new Prepared((q, latest: number | null, id: number, documents: number) =>
      q.insertInto("cluster_meta").values({ id, documents, latest }),
    );
    // The id comes last in the statement's text but first among the values here: the order is kept.
    const count = new Prepared((q, id: number, documents: number) =>
      q.updateTable("cluster_meta").set({ documents }).where("id", "=", id),
    );
    await insert.run(db, "sqlite", 5.5, 7, 1);
    await insert.run(db, "sqlite", null, 9, 2);
    await count.run(db, "sqlite", 9, 40);
    const rows = await db.selectFrom("cluster_meta").selectAll().orderBy("id").execute();
    expect(rows).toEqual([
      { id: 7, documents: 1, latest: 5.5 },
      { id: 9, documents: 40, latest: null },
    ]);
    const changed = await count.execute(db, "sqlite", 99, 0);
    expect(Number(changed.numAffectedRows)).toBe(0);
  });

  it("refuses a builder that puts a value of its own in the statement", async () => {
    const db = await database();
    const fixed = new Prepared((q, id: number) =>
      q.updateTable("cluster_meta").set({ documents: 3 }).where("id", "=", id),
    );
    await expect(fixed.run(db, "sqlite", 1)).rejects.toThrow(/only bound values/);
  });

  it("refuses a builder that leaves a value out", async () => {
    const db = await database();
    const unused = new Prepared((q, id: number, _latest: number) =>
      q.selectFrom("cluster_meta").select("documents").where("id", "=", id),
    );
    await expect(unused.run(db, "sqlite", 1, 2)).rejects.toThrow(/every value/);
  });
});
