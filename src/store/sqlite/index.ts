import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { TriangulateError } from "../../model/index.js";
import { sqliteFlavor } from "../flavor.js";
import { type MigrationProgress, migrationProvider } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { SqlStore } from "../sql-store.js";
import { ClusterCache } from "../story-index.js";
import type { Store } from "../types.js";

/**
 * How long a statement waits for another process's write to finish before giving up: an ingest commits a
 * batch in well under this, so a reader (`stories`, `search`) running beside it waits instead of failing.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Pages SQLite keeps in memory per connection, in KiB. The default (2 MiB) holds a sliver of the clusterer's
 * index once a store has some thousands of articles, and every keyed read or write of postings, terms and
 * bands then goes to the operating system for its pages. 32 MiB holds the upper levels of every index and
 * the hot pages of recent stories, well within the ingest's memory bound.
 */
export const PAGE_CACHE_KB = 32_768;

/**
 * Pages the WAL may hold before a commit copies them into the database file (SQLite's default is 1,000, 4 MB).
 * An ingest batch rewrites most pages of the terms table and of the other keyed index tables, so with the
 * default every commit was followed by a checkpoint copying all of them; at 16,384 (64 MB) a page rewritten by
 * consecutive batches is copied once per few batches. On the ingest benchmark (20,500 articles, batches of
 * 1,024) 91.4 against 94.3 CPU seconds, one more article 3.9 against 4.3 ms at 20,000 stored, the WAL at most
 * 80 MB instead of 27, the same assignments. A reader looks each page up in the WAL's hash index, one
 * more probe per 4,096 pages the WAL holds.
 */
export const WAL_CHECKPOINT_PAGES = 16_384;

/** Prepared statements kept per connection; the store issues a few dozen distinct statements. */
const STATEMENT_CACHE = 256;

export interface SqliteStoreOptions {
  /** Stories the clusterer's index keeps at most, the least recently updated going first; default `MAX_INDEXED_STORIES` (see there). */
  maxStories?: number;
  /**
   * `create` (default): make the file and its tables when missing and bring an older file up to date.
   * `existing`: fail with `NOT_FOUND` when there is no store at the path (readers, which must not leave an
   * empty database behind a mistyped path).
   */
  mode?: "create" | "existing";
  /** Told how far a long migration has gone when an older file is brought up to date; default silent. */
  onProgress?: MigrationProgress;
}

/**
 * Opens (and when needed creates) a SQLite store: one file, WAL journal so that readers work while an
 * ingest writes, migrations run to the latest version.
 *
 * @example const store = await openSqliteStore("triangulate.db"); await store.close();
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const existing = options.mode === "existing";
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path, { fileMustExist: existing });
  } catch (cause) {
    const missing = existing && /unable to open|does not exist/i.test((cause as Error).message);
    throw new TriangulateError(
      missing ? "NOT_FOUND" : "UNREADABLE",
      missing
        ? "no store here: run `triangulate ingest SOURCES... --db PATH` first"
        : `cannot be opened as a store (${(cause as Error).message})`,
      { subject: path, cause },
    );
  }
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== ":memory:") raw.pragma("journal_mode = WAL");
    // In WAL mode NORMAL loses no committed data on a process crash (only, at worst, the last commits on a
    // power cut) and saves an fsync per transaction.
    raw.pragma("synchronous = NORMAL");
    raw.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    raw.pragma(`cache_size = -${PAGE_CACHE_KB}`);
  } catch (cause) {
    raw.close();
    throw new TriangulateError("UNREADABLE", `is not a SQLite database (${(cause as Error).message})`, {
      subject: path,
      cause,
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  try {
    await migrate(db, path, existing, options.onProgress);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore(db, sqliteFlavor, new ClusterCache(undefined, undefined, options.maxStories));
}

/** Brings the schema to the latest version; a reader does so only when something is missing. */
async function migrate(
  db: Kysely<Database>,
  path: string,
  existing: boolean,
  progress?: MigrationProgress,
): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(sqliteFlavor, progress) });
  let known: Awaited<ReturnType<Migrator["getMigrations"]>>;
  try {
    known = await migrator.getMigrations();
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", `is not a SQLite database (${(cause as Error).message})`, {
      subject: path,
      cause,
    });
  }
  if (known.every((m) => m.executedAt !== undefined)) return;
  if (existing && known.every((m) => m.executedAt === undefined)) {
    const tables = await db.introspection.getTables();
    if (tables.length > 0) {
      throw new TriangulateError("BAD_DATA", "is a SQLite database but not a Triangulate store", { subject: path });
    }
  }
  const { error } = await migrator.migrateToLatest();
  if (error) {
    throw new TriangulateError("BAD_DATA", `could not bring the store up to date: ${(error as Error).message}`, {
      subject: path,
      cause: error,
    });
  }
}

/** The connection with its prepared statements kept: Kysely prepares every statement it runs afresh. */
function withStatementCache(raw: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
