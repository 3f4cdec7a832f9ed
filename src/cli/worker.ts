import { TriangulateError } from "../model/index.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { parseCommand, positiveInteger } from "./store-args.js";
import { STORE_HELP } from "./store-help.js";

const OPTIONS = {
  db: { type: "string" },
  help: { type: "boolean", short: "h" },
  concurrency: { type: "string" },
  "job-timeout": { type: "string" },
  verbose: { type: "boolean" },
} as const;

/**
 * `triangulate worker`: takes ingest, cluster and analyse jobs from the queue in the PostgreSQL store until
 * it is sent SIGINT or SIGTERM, then finishes the jobs in hand and exits.
 *
 * @example await worker(["--db", "postgres://news@db/triangulate", "--concurrency", "4"], io)
 */
export async function worker(args: string[], io: CliIo, stopped?: Promise<unknown>): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  if (values.help) {
    io.stdout(STORE_HELP.worker as string);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    throw new TriangulateError("BAD_ARGUMENT", `expected no arguments besides options, found "${positionals[0]}"`);
  }
  const { storeLocation } = await import("../store/index.js");
  const url = storeLocation(values.db);
  const concurrency = positiveInteger("concurrency", values.concurrency, 2);
  const jobTimeoutS = positiveInteger(
    "job-timeout",
    values["job-timeout"],
    (await import("../jobs/queue.js")).JOB_TIMEOUT_S,
  );
  const { startWorker } = await import("../jobs/worker.js");
  const { redactUrl } = await import("../store/postgres/index.js");
  const running = await startWorker({
    url,
    concurrency,
    jobTimeoutS,
    onJob: (line) => {
      if (values.verbose || / failed|^skipped /.test(line)) io.stderr(`${printable(`triangulate worker: ${line}`)}\n`);
    },
    onError: (err) =>
      io.stderr(`${printable(`triangulate worker: waiting for the database: ${err.message.split("\n")[0]}`)}\n`),
  });
  io.stderr(`triangulate worker: taking jobs from ${redactUrl(url)} (concurrency ${concurrency}); Ctrl-C stops\n`);
  await (stopped ??
    new Promise((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    }));
  await running.stop();
  const d = running.done;
  io.stderr(
    `triangulate worker: stopped after ${d.ingest} ingest, ${d.cluster} cluster and ${d.analyse} analyse jobs\n`,
  );
  return EXIT.ok;
}
