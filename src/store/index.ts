import { TriangulateError } from "../model/index.js";
import type { Store } from "./types.js";

export { searchTerms } from "./search-terms.js";
export type * from "./types.js";
export { DEFAULT_SEARCH_LIMIT, MAX_LISTED_OUTLETS } from "./types.js";

/** Where the store lives when `--db` is not given: a file in the working folder. */
export const DEFAULT_DB_PATH = "triangulate.db";

/** The environment variable that names the store when `--db` is not given (a path or a `postgres://` URL). */
export const DB_ENV = "TRIANGULATE_DB";

/**
 * Opens the store at `location`, the one place that decides the adapter by its form: a `postgres://` (or
 * `postgresql://`) URL opens the PostgreSQL store, anything else is a SQLite file path. Nothing is opened
 * on import; the adapter is loaded on use.
 *
 * @example const store = await openStore("postgres://news@db.internal/triangulate", { mode: "existing" });
 */
export async function openStore(
  location: string,
  options: { mode?: "create" | "existing"; onProgress?: (message: string) => void } = {},
): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//i.test(location)) {
    const { openPostgresStore } = await import("./postgres/index.js");
    return openPostgresStore(location, options);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected a SQLite file path or a postgres:// URL for --db, found "${location.replace(/\/\/[^@/]*@/, "//***@")}"`,
    );
  }
  const { openSqliteStore } = await import("./sqlite/index.js");
  return openSqliteStore(location, options);
}

/** Where the store is: `--db` when given, else `TRIANGULATE_DB`, else `DEFAULT_DB_PATH`. */
export function storeLocation(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return db ?? (env[DB_ENV] || DEFAULT_DB_PATH);
}
