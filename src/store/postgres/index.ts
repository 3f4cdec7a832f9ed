import { Kysely, Migrator, PostgresDialect } from "kysely";
import type { Pool, PoolConfig } from "pg";
import { TriangulateError } from "../../model/index.js";
import { postgresFlavor } from "../flavor.js";
import { type MigrationProgress, migrationProvider } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { SqlStore } from "../sql-store.js";
import { ClusterCache } from "../story-index.js";
import type { Store } from "../types.js";

/**
 * Connections a store keeps open. A worker runs a few jobs at once, each holding a connection for a
 * transaction at most; ten leave room for that and for reads beside them without crowding a server that
 * many workers share (PostgreSQL's default is 100 connections in all).
 */
export const POOL_SIZE = 10;

/** How long opening a connection may take before the store says the server is not there. */
export const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  /** Stories the clusterer's index keeps at most, the least recently updated going first; default `MAX_INDEXED_STORIES` (see there). */
  maxStories?: number;
  /**
   * `create` (default): make the tables when the database has none and bring older ones up to date.
   * `existing`: fail with `NOT_FOUND` when the database holds no store.
   */
  mode?: "create" | "existing";
  /** Connections kept open; default {@link POOL_SIZE}. */
  poolSize?: number;
  /** Told how far a long migration has gone when an older store is brought up to date; default silent. */
  onProgress?: MigrationProgress;
}

/** Whether `location` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL without its password, to name the database in messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "the PostgreSQL URL";
  }
}

/**
 * Opens a PostgreSQL store: a pool of connections, migrations run to the latest version (Kysely's migrator
 * holds an advisory lock meanwhile, so that workers starting together migrate once).
 *
 * @example const store = await openPostgresStore("postgres://news@db.internal/triangulate");
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = await newPool(url, options.poolSize ?? POOL_SIZE);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, url, options.mode === "existing", options.onProgress);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore(db, postgresFlavor, new ClusterCache(undefined, undefined, options.maxStories));
}

/**
 * A pool whose 64-bit integers read back as numbers (row ids stay far below 2^53) and whose idle
 * connections' errors (the server restarting) end that connection instead of the process.
 */
export async function newPool(url: string, size: number, extra: PoolConfig = {}): Promise<Pool> {
  const pg = (await import("pg")).default;
  const int8 = pg.types.builtins.INT8;
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === int8 && format !== "binary"
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...extra,
  });
  // A connection lost (the server stopped or restarted) fails the query in flight, which its caller sees;
  // the event besides it must not end the process. The pool drops the connection and opens another later.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

async function migrate(
  db: Kysely<Database>,
  url: string,
  existing: boolean,
  progress?: MigrationProgress,
): Promise<void> {
  const where = redactUrl(url);
  const migrator = new Migrator({ db, provider: migrationProvider(postgresFlavor, progress) });
  let known: Awaited<ReturnType<Migrator["getMigrations"]>>;
  try {
    known = await migrator.getMigrations();
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", `cannot be reached as a PostgreSQL store (${messageOf(cause)})`, {
      subject: where,
      cause,
    });
  }
  if (known.every((m) => m.executedAt !== undefined)) return;
  if (existing && known.every((m) => m.executedAt === undefined)) {
    const tables = await db.introspection.getTables();
    throw tables.length > 0
      ? new TriangulateError("BAD_DATA", "is a PostgreSQL database but not a Triangulate store", { subject: where })
      : new TriangulateError("NOT_FOUND", "no store here: run `triangulate ingest SOURCES... --db URL` first", {
          subject: where,
        });
  }
  const { error } = await migrator.migrateToLatest();
  if (error) {
    throw new TriangulateError("BAD_DATA", `could not bring the store up to date: ${messageOf(error)}`, {
      subject: where,
      cause: error,
    });
  }
}

function messageOf(err: unknown): string {
  const e = err as Error & { code?: string; errors?: Error[] };
  // A refused connection to "localhost" is an AggregateError of one error per address, with no message.
  const message = e.message || e.errors?.map((x) => x.message).join("; ") || e.code || String(err);
  return message.split("\n")[0] ?? "error";
}
