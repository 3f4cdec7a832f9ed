import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { clusteringContract } from "../clustering.contract.js";
import { storeContract } from "../store.contract.js";
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
