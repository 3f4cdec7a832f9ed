import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { TriangulateError } from "../model/index.js";
import { type CliIo, EXIT, printable } from "./io.js";
import { migrationNotes } from "./store-args.js";

export const SERVE_HELP = `triangulate serve [--db PATH] [--port 8080] [--host 127.0.0.1]

Serves the stored stories: the JSON API under /api (its OpenAPI description at /api/openapi.json) and
the pages (story list, story, entity, outlet, search) for a browser, rendered on the server, usable
without script. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --db PATH     the store; default ./triangulate.db. Without TRIANGULATE_TOKEN it must exist already.
  --port N      the TCP port; default 8080 (0 picks a free one and prints it)
  --host HOST   the address to listen on; default 127.0.0.1 (this machine only). Listening on another
                address exposes the pages and the API to the network.

Writes (POST /api/articles: JSON, JSON Lines or an HTML page with ?url=) need the header
"Authorization: Bearer $TRIANGULATE_TOKEN" and are refused when TRIANGULATE_TOKEN is not set.
`;

/** How `serve` runs; tests pass a signal to stop it and an environment of their own. */
export interface ServeRun {
  env?: NodeJS.ProcessEnv;
  /** Stops the server as SIGINT would. */
  signal?: AbortSignal;
  /** Told the address once the server listens. */
  onListening?: (address: AddressInfo) => void;
}

/** The value of --port: a whole number from 0 to 65535. */
function portOf(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TriangulateError(
      "BAD_ARGUMENT",
      `expected --port to be a whole number from 0 to 65535, found "${value}"`,
    );
  }
  return port;
}

/**
 * `triangulate serve`: opens the store, listens, and resolves with the exit code once stopped by SIGINT,
 * SIGTERM or `run.signal`. A busy port is a one-line error and exit code 1.
 *
 * @example await serve(["--db", "news.db", "--port", "8081"], processIo())
 */
export async function serve(args: string[], io: CliIo, run: ServeRun = {}): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new TriangulateError("BAD_ARGUMENT", (err as Error).message.split("\n")[0] ?? "bad option");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(SERVE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    throw new TriangulateError("BAD_ARGUMENT", `expected only options after "serve", found "${positionals[0]}"`);
  }
  const port = portOf(values.port);
  const host = values.host ?? "127.0.0.1";
  const env = run.env ?? process.env;
  const token = env.TRIANGULATE_TOKEN?.trim() || undefined;
  const { DEFAULT_DB_PATH, openStore } = await import("../store/index.js");
  const db = values.db ?? DEFAULT_DB_PATH;
  const store = await openStore(db, { mode: token ? "create" : "existing", onProgress: migrationNotes(io) });
  const { createApp } = await import("../server/app.js");
  const { createAdaptorServer } = await import("@hono/node-server");
  const { createIngest } = await import("../server/ingest.js");
  const { RequestRenderings } = await import("../server/request-renderings.js");
  // The story pages requests render go before the catch-up's (see below).
  const renderings = new RequestRenderings();
  const app = createApp({
    store,
    renderings,
    ...(token ? { token } : {}),
    ingest: createIngest(),
    log: (m) => io.stderr(`${printable(m)}\n`),
  });
  const server = createAdaptorServer({ fetch: app.fetch });

  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      const why =
        err.code === "EADDRINUSE"
          ? `port ${port} on ${host} is busy: another program listens there; choose another with --port`
          : err.code === "EACCES"
            ? `not allowed to listen on port ${port} of ${host}; choose a port above 1023 with --port`
            : err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND"
              ? `cannot listen on ${host}: not an address of this machine`
              : `cannot listen on ${host}:${port} (${err.code ?? err.message})`;
      io.stderr(`triangulate: ${printable(why)}\n`);
      resolve(false);
    });
    server.listen(port, host, () => resolve(true));
  });
  if (!listening) {
    await store.close();
    return EXIT.failed;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  io.stderr(
    `${printable(`serving ${db} on http://${shown}:${address.port}/ (API at /api, writes ${token ? "with the token" : "off: TRIANGULATE_TOKEN is not set"}); Ctrl-C stops`)}\n`,
  );
  run.onListening?.(address);
  // Pages kept by an earlier renderer (or none) are rendered again behind the requests, newest story first.
  const { renderStalePages } = await import("../server/page-catch-up.js");
  const stopping = new AbortController();
  const started = performance.now();
  const catchUp = renderStalePages(store, { signal: stopping.signal, behind: renderings }).then(
    ({ rendered, complete }) => {
      if (rendered > 0 && complete) {
        io.stderr(
          `story pages: ${rendered} rendered again in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }
    },
    (err: unknown) => {
      // Not fatal: a page not caught up is rendered when it is asked for.
      io.stderr(`${printable(`story pages not caught up: ${err instanceof Error ? err.message : String(err)}`)}\n`);
    },
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      run.signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    run.signal?.addEventListener("abort", stop);
    if (run.signal?.aborted) stop();
  });
  io.stderr("stopping: finishing open requests…\n");
  stopping.abort();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive connections would hold close() open; requests in flight still finish.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
  await catchUp;
  await store.close();
  return EXIT.ok;
}

const OPTIONS = {
  db: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
