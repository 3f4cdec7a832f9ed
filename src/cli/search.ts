import { hitNames, TriangulateError } from "../model/index.js";
import type { SearchHit } from "../store/types.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { DB_OPTION, openFor, parseCommand, positiveInteger } from "./store-args.js";
import { STORE_HELP } from "./store-help.js";

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean" },
  outlet: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  limit: { type: "string" },
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `triangulate search QUERY`: full-text search over the stored articles' titles and texts.
 *
 * @example await search(["harbour", "fire", "--since", "2026-03-01"], io)
 */
export async function search(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.stdout(STORE_HELP.search as string);
    return EXIT.ok;
  }
  const query = positionals.join(" ").trim();
  if (!query) throw new TriangulateError("BAD_ARGUMENT", 'expected words to search for: "triangulate search QUERY"');
  for (const name of ["since", "until"] as const) {
    const value = values[name];
    if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new TriangulateError(
        "BAD_ARGUMENT",
        `expected --${name} to be a date (YYYY-MM-DD) or an ISO date-time, found "${value}"`,
      );
    }
  }
  const limit = positiveInteger("limit", values.limit, 20);
  const store = await openFor(values.db, "existing", io);
  let hits: SearchHit[];
  try {
    hits = await store.search(query, {
      limit,
      ...(values.outlet ? { outlet: values.outlet } : {}),
      ...(values.since ? { since: values.since } : {}),
      ...(values.until ? { until: values.until } : {}),
    });
  } finally {
    await store.close();
  }
  io.stdout(values.json ? `${JSON.stringify({ query, hits }, null, 2)}\n` : renderHits(hits));
  return EXIT.ok;
}

/**
 * Hits for a terminal, one block each: the headline (or, for an article without one, its name), then who ran
 * it and when with the story it belongs to (`triangulate story ID` opens it), then the words around the match.
 */
export function renderHits(hits: SearchHit[]): string {
  if (hits.length === 0) return "No article matches.\n";
  const out: string[] = [];
  for (const h of hits) {
    const { headline, who } = hitNames(h);
    const meta = [headline === undefined ? undefined : who, h.published?.slice(0, 10)].filter(Boolean).join(", ");
    const story = `story ${h.storyId}: ${h.storyTitle || "(untitled)"}`;
    out.push(`${headline ?? who}\n  ${meta ? `${meta} · ` : ""}${story}\n  ${h.snippet.replace(/\s+/g, " ").trim()}`);
  }
  // A blank line between hits: each is three lines, read as one.
  return `${printable(out.join("\n\n"))}\n`;
}
