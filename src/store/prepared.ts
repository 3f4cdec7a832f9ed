import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from "kysely";
import type { Database } from "./schema.js";

/**
 * A statement built with Kysely once per dialect and then run with new values. Building and compiling a
 * query costs more than the database's own work for a keyed read or a one-row write, and the ingest path
 * runs a handful of those per article. The builder is called once with stand-ins for the values; where each
 * stand-in lands among the compiled parameters is kept, and every later run binds the values there.
 *
 * The builder must pass every value through as a bound parameter (no value may change the query's shape:
 * a query whose shape depends on a value is two statements), and use each stand-in at least once.
 *
 * @example const byKey = new Prepared((db, key: string) => db.selectFrom("articles").select("id").where("key", "=", key));
 */
export class Prepared<P extends unknown[]> {
  private readonly compiled = new Map<string, { sql: string; order: number[] }>();

  constructor(private readonly build: (db: Kysely<Database>, ...values: P) => Compilable) {}

  /** Runs the statement on `db` (a connection or a transaction) with these values: its rows. */
  async run<R>(db: Kysely<Database>, dialect: string, ...values: P): Promise<R[]> {
    return [...(await this.execute<R>(db, dialect, ...values)).rows];
  }

  /** Runs the statement: its rows and the count of rows it changed. */
  async execute<R>(db: Kysely<Database>, dialect: string, ...values: P): Promise<QueryResult<R>> {
    return db.executeQuery<R>(this.query(db, dialect, values));
  }

  /** The compiled statement with these values bound. */
  query(db: Kysely<Database>, dialect: string, values: P): CompiledQuery {
    let compiled = this.compiled.get(dialect);
    if (!compiled) {
      const marks = values.map((_, i) => `\u0000prepared-value-${i}\u0000`);
      const query = this.build(db, ...(marks as P)).compile();
      const order = query.parameters.map((p) => {
        const at = marks.indexOf(p as string);
        if (at < 0) throw new Error(`expected only bound values in a prepared statement, found ${String(p)}`);
        return at;
      });
      if (new Set(order).size !== marks.length) {
        throw new Error(`expected every value of a prepared statement bound, found ${order.length} of ${marks.length}`);
      }
      compiled = { sql: query.sql, order };
      this.compiled.set(dialect, compiled);
    }
    return CompiledQuery.raw(
      compiled.sql,
      compiled.order.map((i) => values[i]),
    );
  }
}
