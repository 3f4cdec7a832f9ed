import { TriangulateError } from "../model/index.js";
import type { Store } from "./types.js";

export { searchTerms } from "./search-terms.js";
export type * from "./types.js";
export { DEFAULT_SEARCH_LIMIT, MAX_LISTED_OUTLETS } from "./types.js";

/** Where the store lives when `--db` is not given: a file in the working folder. */
export const DEFAULT_DB_PATH = "triangulate.db";

/**
 * Opens the store at `location`: a file path (SQLite). Nothing is opened on import; the adapter is loaded
 * on use. A `postgres://` URL is refused for now: that adapter is not built yet.
 *
 * @example const store = await openStore("triangulate.db", { mode: "existing" });
 */
export async function openStore(location: string, options: { mode?: "create" | "existing" } = {}): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//i.test(location)) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      "expected a SQLite file path for --db, found a PostgreSQL URL: the PostgreSQL store is not built yet",
    );
  }
  const { openSqliteStore } = await import("./sqlite/index.js");
  return openSqliteStore(location, options);
}
