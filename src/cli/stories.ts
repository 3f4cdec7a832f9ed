import { TriangulateError } from "../model/index.js";
import type { StorySummary } from "../store/types.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { DB_OPTION, openFor, parseCommand, positiveInteger } from "./store-args.js";
import { STORE_HELP } from "./store-help.js";

/** Stories listed unless --limit says otherwise: a screenful or two. */
const DEFAULT_LIMIT = 50;

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean" },
  sort: { type: "string" },
  limit: { type: "string" },
} as const;

/**
 * `triangulate stories`: the stories of the store, newest or biggest first.
 *
 * @example await stories(["--db", "news.db", "--sort", "biggest"], io)
 */
export async function stories(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.stdout(STORE_HELP.stories as string);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    throw new TriangulateError("BAD_ARGUMENT", `expected no arguments besides options, found "${positionals[0]}"`);
  }
  const order = values.sort ?? "newest";
  if (order !== "newest" && order !== "biggest") {
    throw new TriangulateError("BAD_ARGUMENT", `expected --sort newest or biggest, found "${order}"`);
  }
  const limit = positiveInteger("limit", values.limit, DEFAULT_LIMIT);
  const store = await openFor(values.db, "existing", io);
  let list: StorySummary[];
  try {
    list = await store.stories({ order, limit });
  } finally {
    await store.close();
  }
  if (values.json) {
    const rows = list.map((s) => ({ ...s, reportCurrent: s.reportVersion === s.version }));
    io.stdout(`${JSON.stringify({ stories: rows }, null, 2)}\n`);
  } else {
    io.stdout(renderStoryList(list));
  }
  return EXIT.ok;
}

/** The list for a terminal: two lines a story, nothing read from articles can drive the terminal. */
export function renderStoryList(list: StorySummary[]): string {
  if (list.length === 0) return "No stories yet: run `triangulate ingest SOURCES...` to add articles.\n";
  const out: string[] = [];
  const width = Math.max(...list.map((s) => String(s.id).length));
  for (const s of list) {
    const copies = s.copyCount ? ` (${s.copyCount} ${s.copyCount === 1 ? "copy" : "copies"})` : "";
    const span = [s.firstPublished?.slice(0, 10), s.lastPublished?.slice(0, 10)].filter(Boolean);
    const when = span.length ? `, ${[...new Set(span)].join(" to ")}` : "";
    const outlets = `${s.outletCount ? `, ${s.outletCount} outlet${s.outletCount === 1 ? "" : "s"} (${s.outlets.join(", ")}${s.outletCount > s.outlets.length ? ", …" : ""})` : ""}${withoutOutlet(s)}`;
    out.push(`${String(s.id).padStart(width)}  ${s.title || "(untitled)"}`);
    const report =
      s.reportVersion === undefined
        ? "no report yet"
        : `${s.disputedFacts} disputed fact${s.disputedFacts === 1 ? "" : "s"}, ${s.discrepancies} discrepanc${s.discrepancies === 1 ? "y" : "ies"}${s.reportVersion === s.version ? "" : " (report older than its articles)"}`;
    out.push(
      `${" ".repeat(width)}  ${s.articleCount} article${s.articleCount === 1 ? "" : "s"}${copies}${outlets}${when}; ${report}`,
    );
  }
  return `${printable(out.join("\n"))}\n`;
}

/** The articles that name no outlet, which the count of outlets leaves out: "3 articles without one". */
function withoutOutlet(s: Pick<StorySummary, "articlesWithoutOutlet" | "outletCount">): string {
  const n = s.articlesWithoutOutlet;
  if (n === 0) return "";
  return s.outletCount > 0 ? `, ${n} article${n === 1 ? "" : "s"} without one` : ", no outlet named";
}
