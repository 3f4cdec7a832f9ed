import { type ParseArgsConfig, parseArgs } from "node:util";
import { TriangulateError } from "../model/index.js";
import type { Store } from "../store/types.js";
import { type CliIo, printable } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The option every store command takes. */
export const DB_OPTION = { db: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

/** Parses a store command's arguments; an unknown option is a usage error, not a stack trace. */
export function parseCommand<O extends Options>(
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new TriangulateError("BAD_ARGUMENT", (err as Error).message.split("\n")[0] ?? "bad option");
  }
}

/**
 * The store at `--db`, else at `TRIANGULATE_DB`, else ./triangulate.db: a file path (SQLite) or a
 * `postgres://` URL; readers never create one. A long migration of an older store says how far it has gone
 * on standard error.
 */
export async function openFor(db: string | undefined, mode: "create" | "existing", io: CliIo): Promise<Store> {
  const { openStore, storeLocation } = await import("../store/index.js");
  return openStore(storeLocation(db), { mode, onProgress: migrationNotes(io) });
}

/** Lines of a long migration's progress on standard error, each starting with the program's name. */
export function migrationNotes(io: CliIo): (message: string) => void {
  return (message) => io.stderr(`triangulate: ${printable(message)}\n`);
}

/** A whole number above zero from an option, or a usage error naming the option. */
export function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new TriangulateError("BAD_ARGUMENT", `expected --${name} to be a whole number above 0, found "${value}"`);
  }
  return n;
}
