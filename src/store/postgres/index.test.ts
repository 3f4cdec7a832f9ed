import { describe, expect, it } from "vitest";
import { freshDatabase, pgServer } from "../../../test/pg.js";
import { clusteringContract } from "../clustering.contract.js";
import { openStore, storeLocation } from "../index.js";
import { storeContract } from "../store.contract.js";
import { openPostgresStore, redactUrl } from "./index.js";

const server = pgServer();

if (server.url) {
  const serverUrl = server.url;
  const fixture = async () => {
    const url = await freshDatabase(serverUrl, "contract");
    return { store: await openPostgresStore(url), reopen: () => openPostgresStore(url, { mode: "existing" }) };
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
