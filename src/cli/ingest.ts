import { MAX_ARTICLE_BYTES } from "../ingest/limits.js";
import { TriangulateError } from "../model/index.js";
import type { IngestSummary } from "../newsroom/ingest.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { DB_OPTION, openFor, parseCommand, positiveInteger } from "./store-args.js";
import { STORE_HELP } from "./store-help.js";

const OPTIONS = {
  ...DB_OPTION,
  "no-analyze": { type: "boolean" },
  queue: { type: "boolean" },
  json: { type: "boolean" },
  "max-article-bytes": { type: "string" },
} as const;

/** The progress line is redrawn at most this often: a terminal cannot show more, and drawing costs. */
const PROGRESS_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

/**
 * `triangulate ingest`: reads sources into the store, clusters the new articles into stories and analyses
 * the stories that changed.
 *
 * @example await ingest(["examples/port-strike-fire", "--db", "news.db"], io)
 */
export async function ingest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.stdout(STORE_HELP.ingest as string);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      'expected sources to ingest, found none: "triangulate ingest SOURCES..."',
    );
  }
  const maxArticleBytes = positiveInteger("max-article-bytes", values["max-article-bytes"], MAX_ARTICLE_BYTES);
  const [{ expandSources }, { readArticles }, { ingestItems }, { OnlineClusterer }, { boundHeapGrowth }] =
    await Promise.all([
      import("../ingest/sources.js"),
      import("../ingest/files.js"),
      import("../newsroom/ingest.js"),
      import("../cluster/clusterer.js"),
      import("../newsroom/heap.js"),
    ]);
  const { inputs, problems, passedOver } = await expandSources(positionals);
  const named = (source: string, message: string) =>
    io.stderr(`${printable(`triangulate: skipped ${source}: ${message}`)}\n`);
  for (const p of problems) named(p.source, p.message);
  if (values.queue) return queueSources(values.db, inputs, problems.length, io);
  const store = await openFor(values.db, "create", io);
  // This process runs one long ingest: its heap follows the live data, not V8's default growth.
  boundHeapGrowth();
  const bar = io.interactive ? progressLine(io, inputs.length) : undefined;
  let input = 0;
  async function* items() {
    for (const [i, source] of inputs.entries()) {
      input = i;
      yield* readArticles([source], { maxArticleBytes, ...(io.stdin ? { stdin: io.stdin } : {}) });
    }
  }
  let summary: IngestSummary;
  try {
    summary = await ingestItems(store, items(), {
      assigner: (index) => new OnlineClusterer(index),
      analyze: !values["no-analyze"],
      onProblem: (p) => {
        bar?.clear();
        named(p.source, p.message);
      },
      ...(bar ? { onProgress: (s: IngestSummary, phase: "read" | "analyze") => bar.draw(s, phase, input) } : {}),
    });
  } finally {
    bar?.clear();
    await store.close();
  }
  for (const p of problems) summary.skipped[p.code] = (summary.skipped[p.code] ?? 0) + 1;
  if (passedOver > 0) summary.skipped.NOT_ARTICLE_FILE = passedOver;
  io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${closingLine(summary)}\n`);
  if (summary.added + summary.alreadyStored === 0) {
    io.stderr("triangulate: no article could be read\n");
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** `ingest --queue`: one ingest job per source in the PostgreSQL store's queue, for the workers. */
async function queueSources(db: string | undefined, inputs: string[], problems: number, io: CliIo): Promise<number> {
  const [{ storeLocation }, { isPostgresUrl, redactUrl }] = await Promise.all([
    import("../store/index.js"),
    import("../store/postgres/index.js"),
  ]);
  const url = storeLocation(db);
  if (!isPostgresUrl(url)) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      "expected a postgres:// URL in --db or TRIANGULATE_DB with --queue: the SQLite store ingests in this process, without --queue",
    );
  }
  if (inputs.includes("-")) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      'expected files or URLs with --queue, found "-": a worker cannot read this standard input',
    );
  }
  // The store first: it makes the tables, so that workers started later find them.
  const store = await openFor(url, "create", io);
  await store.close();
  const [{ openQueue, submitSources }, { resolve }] = await Promise.all([
    import("../jobs/queue.js"),
    import("node:path"),
  ]);
  const boss = await openQueue(url);
  let queued: number;
  try {
    // Workers may run elsewhere: a file is named by its absolute path, which they must see too.
    queued = await submitSources(
      boss,
      inputs.map((i) => (/^https?:\/\//i.test(i) ? i : resolve(i))),
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  io.stdout(
    `queued ${queued} ingest ${queued === 1 ? "job" : "jobs"} in ${redactUrl(url)}${problems ? `, ${problems} sources skipped` : ""}\n`,
  );
  return queued > 0 ? EXIT.ok : EXIT.failed;
}

/** The run in one line: read, new, copies, already stored, skipped by reason, stories, seconds. */
export function closingLine(s: IngestSummary): string {
  const skipped = Object.entries(s.skipped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const skippedCount = skipped.reduce((n, [, k]) => n + k, 0);
  const parts = [
    `read ${s.read}`,
    `new ${s.added}${s.copies ? ` (${s.copies} ${s.copies === 1 ? "copy" : "copies"})` : ""}`,
    `already stored ${s.alreadyStored}`,
    `skipped ${skippedCount}${skippedCount ? ` (${skipped.map(([code, n]) => `${n} ${code}`).join(", ")})` : ""}`,
    `stories touched ${s.storiesTouched}${s.storiesNew ? ` (${s.storiesNew} new)` : ""}`,
    `analysed ${s.analysed}${s.analysisFailed ? ` (${s.analysisFailed} failed)` : ""}`,
  ];
  if (s.pendingTotal) parts.push(`waiting for analysis ${s.pendingTotal}`);
  return `${parts.join(", ")}; ${s.seconds.toFixed(1)} s`;
}

/** A progress line on standard error, redrawn in place. */
function progressLine(io: CliIo, inputs: number) {
  let last = 0;
  let drawn = false;
  return {
    draw(s: IngestSummary, phase: "read" | "analyze", input: number) {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const rate = s.seconds > 0 ? Math.round(s.added / s.seconds) : 0;
      const line =
        phase === "read"
          ? `${bar(input, inputs)} ${input + 1}/${inputs} sources · ${s.read} read · ${s.added} new · ${s.copies} copies · ${s.storiesTouched} stories · ${rate}/s`
          : `${bar(s.analysed + s.analysisFailed, s.storiesTouched)} analysing stories: ${s.analysed + s.analysisFailed} done`;
      io.stderr(`\r\x1b[K${line}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr("\r\x1b[K");
      drawn = false;
    },
  };
}

function bar(done: number, total: number): string {
  const filled = total > 0 ? Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH)) : 0;
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
}
