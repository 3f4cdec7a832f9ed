import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { benchStore } from "./serve-store.js";

/**
 * The server under load: a store of many stories (10,000 by default, made from the invented example
 * stories' reports under new titles, each kept with its rendered page as the analysis keeps it; filled once
 * and kept for the next runs, see `benchStore`), `triangulate serve` on 127.0.0.1 in a process of its own, and
 * autocannon against the story list, a story page and a story's JSON, beside a bare Hono "hello" route
 * served the same way in the same run (the ceiling of this machine and stack). The story is one of the
 * biggest example's (five outlets), the same in every run.
 *
 * Each route is asked for as clients ask: a browser sends `Accept-Encoding: gzip, deflate, br, zstd` (Chromium
 * does to https and to localhost; to plain http elsewhere it leaves br and zstd out, the gzip row), a script
 * without an encoding gets the plain bytes, and a browser that has the page revalidates it (304). The goals
 * count on the browser rows, the JSON's on the row of an HTTP library that accepts compression. A row of
 * story pages spread over every stored story shows what a page costs when it is not in the server's cache.
 *
 * Prints requests per second, p50 and p99 latency, bytes per response, each route's rate as a fraction of
 * hello's, and the CPU time each request cost the server and autocannon (which runs in this process, on the
 * same cores): on a shared machine the rates move with the load, the CPU per request much less. Hello also
 * answers with the story JSON's very bytes (plain, then br), kept in memory, to tell the cost of the bytes
 * (in the kernel and in autocannon) from the server's own, and with
 * the story page's very br bytes, measured just before our page: what the same bytes cost on the bare stack,
 * without the store, the cache or our handler (the limit our story page's p99 can reach on this machine).
 *
 * Run: npm run bench -- serve [--stories 10000] [--seconds 8] [--connections 50] [--db PATH] [--reference DIST] [--full-client]
 * (with --db, a store already at PATH is used as it is, else one is filled there and kept; with
 * --reference, another build, say of an earlier commit, serves the same store in the same run and each of
 * its routes is measured beside this build's, in turns, each against the same hello).
 *
 * autocannon is run lean: it does not build each response body into a string, which it needs only for
 * checks this bench does not make. That work is the client's, not the server's, and on two shared cores it
 * bounded the rate of large responses: bare Hono sending the story JSON's br bytes from memory reached
 * 0.19× hello's rate with it, 0.85× without. `--full-client` keeps it.
 */
const dist = join(import.meta.dirname, "..", "dist");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bench serve: --${name} expects a number above 0`);
  return value;
}

const LEAN_CLIENT = !process.argv.includes("--full-client");
if (LEAN_CLIENT) {
  // autocannon appends every body chunk to a string (pipelinedRequestsQueue.addBody) for its body checks.
  const queue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as {
    prototype: { addBody: (data: Buffer) => void };
  };
  queue.prototype.addBody = () => {};
}

const STORIES = option("stories", 10_000);
const SECONDS = option("seconds", 8);
const CONNECTIONS = option("connections", 50);

/** Starts a server process and resolves with its base URL once it says where it listens. */
function start(args: string[]): Promise<{ base: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    const onData = (chunk: Buffer) => {
      said += chunk.toString();
      const m = said.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ base: `http://127.0.0.1:${m[1]}`, child });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${said}`)));
  });
}

const HELLO = `
import { Hono } from "hono";
import { createAdaptorServer } from "@hono/node-server";
import { brotliCompressSync, constants } from "node:zlib";
const app = new Hono();
app.get("/", (c) => c.text("hello"));
let same = new Uint8Array(0);
let sameBr = new Uint8Array(0);
app.post("/same", async (c) => {
  same = new Uint8Array(await c.req.arrayBuffer());
  sameBr = new Uint8Array(brotliCompressSync(same, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  return c.text("kept");
});
app.get("/same", (c) => {
  c.header("Content-Type", "application/json; charset=utf-8");
  return c.body(same);
});
let page = new Uint8Array(0);
app.post("/page-br", async (c) => {
  page = new Uint8Array(await c.req.arrayBuffer());
  return c.text("kept");
});
app.get("/page-br", (c) => {
  c.header("Content-Type", "text/html; charset=UTF-8");
  c.header("Content-Encoding", "br");
  return c.body(page);
});
app.get("/same-br", (c) => {
  c.header("Content-Type", "application/json; charset=utf-8");
  c.header("Content-Encoding", "br");
  return c.body(sameBr);
});
const server = createAdaptorServer({ fetch: app.fetch });
server.listen(0, "127.0.0.1", () => console.log("hello on http://127.0.0.1:" + server.address().port + "/"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

/** A process's CPU time so far in microseconds (user and system), from /proc; NaN where there is none. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/** One route under load; `paths`, when given, are asked for in turn instead of the url's path. */
async function load(url: string, headers: Record<string, string>, server: ChildProcess, paths?: string[]) {
  const serverAt = cpuOf(server.pid);
  const benchAt = process.cpuUsage();
  let next = 0;
  const requests = paths
    ? [{ method: "GET" as const, setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }]
    : undefined;
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
    pipelining: 1,
    ...(requests ? { requests } : {}),
  });
  const bench = process.cpuUsage(benchAt);
  const serverCpu = cpuOf(server.pid) - serverAt;
  // A revalidation is to be answered 304 every time (autocannon counts it among the non-2xx), the rest 2xx.
  const revalidating = headers["If-None-Match"] !== undefined;
  const unexpected = revalidating ? result.requests.total - result["3xx"] : result.non2xx;
  if (unexpected > 0 || result.errors > 0) {
    throw new Error(`bench serve: ${url} answered ${unexpected} unexpected statuses and ${result.errors} errors`);
  }
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: total,
    // Bytes received per response, headers included.
    bytes: result.throughput.total / total,
    serverUs: serverCpu / total,
    clientUs: (bench.user + bench.system) / total,
  };
}

const dbAt = process.argv.indexOf("--db");
const { path: db, filledMs } = await benchStore(dist, STORIES, dbAt >= 0 ? (process.argv[dbAt + 1] ?? "") : undefined);
console.log(
  filledMs === undefined
    ? `store: ${db}, as it was`
    : `store: ${STORIES} stories in ${db}, filled in ${(filledMs / 1000).toFixed(1)} s`,
);
let t = performance.now();
const { openStore } = (await import(join(dist, "store", "index.js"))) as typeof import("../src/store/index.js");
const reader = await openStore(db, { mode: "existing" });
const stored = (await reader.counts()).stories;
// One of the biggest stories, a quarter of the way down among them: the same story in every run of a store.
const storyId = (await reader.stories({ order: "biggest", limit: 1, offset: Math.floor(stored / 4) }))[0]?.id ?? 0;
/** Every stored story with a report, in a shuffled order that is the same in every run. */
const spread: string[] = [];
for (let offset = 0; offset < stored; offset += 1_000) {
  for (const s of await reader.stories({ order: "newest", limit: 1_000, offset })) {
    if (s.reportVersion !== undefined) spread.push(`/stories/${s.id}`);
  }
}
const { seededRandom } = (await import(join(dist, "words", "hash.js"))) as typeof import("../src/words/hash.js");
const random = seededRandom(12);
for (let i = spread.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [spread[i], spread[j]] = [spread[j] as string, spread[i] as string];
}
await reader.close();
console.log(`story ${storyId} (one of the biggest of ${stored}); ${spread.length} stories with a report`);

const hello = await start(["--input-type=module", "-e", HELLO]);
const servers = [{ name: "", dist }];
const refAt = process.argv.indexOf("--reference");
if (refAt >= 0) servers.push({ name: " (reference)", dist: process.argv[refAt + 1] ?? "" });
const served = await Promise.all(
  servers.map(async (s) => ({
    ...s,
    ...(await start([join(s.dist, "cli", "bin.js"), "serve", "--db", db, "--port", "0"])),
  })),
);
/** What Chromium sends to https and localhost; to plain http elsewhere it sends the gzip row's header. */
const BROWSER = { "Accept-Encoding": "gzip, deflate, br, zstd" };
const GZIP = { "Accept-Encoding": "gzip, deflate" };
type Route = { name: string; url: string; headers: Record<string, string>; child: ChildProcess; paths?: string[] };
const routes: Route[] = [{ name: "hello (bare Hono)", url: `${hello.base}/`, headers: {}, child: hello.child }];
const kinds = (s: (typeof served)[number]): Route[] => {
  const page = `${s.base}/stories/${storyId}`;
  const json = `${s.base}/api/stories/${storyId}`;
  const child = s.child;
  return [
    { name: `story list /, browser${s.name}`, url: `${s.base}/`, headers: BROWSER, child },
    { name: `story page /stories/${storyId}, browser${s.name}`, url: page, headers: BROWSER, child },
    { name: `story page, gzip only${s.name}`, url: page, headers: GZIP, child },
    { name: `story page, plain${s.name}`, url: page, headers: {}, child },
    { name: `story page, revalidated (304)${s.name}`, url: page, headers: { ...BROWSER, "If-None-Match": "" }, child },
    { name: `story JSON /api/stories/${storyId}, compressed${s.name}`, url: json, headers: BROWSER, child },
    { name: `story JSON, plain${s.name}`, url: json, headers: {}, child },
    { name: `story pages, every story in turn, browser${s.name}`, url: page, headers: BROWSER, child, paths: spread },
  ];
};
// With a reference build, each route is measured for both builds one after the other, in turns (this build
// first, then the reference first), so that neither gets the quieter part of the run on a shared machine.
const perServer = served.map(kinds);
for (const [k, first] of (perServer[0] ?? []).entries()) {
  const pair = [first, ...perServer.slice(1).map((rows) => rows[k] as Route)];
  routes.push(...(k % 2 === 0 ? pair : pair.reverse()));
}
routes.push(
  { name: "bare Hono sending the story JSON's bytes", url: `${hello.base}/same`, headers: {}, child: hello.child },
  { name: "bare Hono sending them in br", url: `${hello.base}/same-br`, headers: BROWSER, child: hello.child },
  // Hello again at the end: the machine is shared, and the ratios are taken against the mean of both runs.
  { name: "hello again", url: `${hello.base}/`, headers: {}, child: hello.child },
);
/** A response's body as sent, not decoded (fetch would undo its Content-Encoding). */
function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve(Buffer.concat(chunks)));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}
// Bare Hono sends this build's story page, the very br bytes our server sends, from memory: the same
// bytes on the same stack without the store, the cache or our handler, the limit our page row can reach.
const pageBr = await rawBody(`${served[0]?.base}/stories/${storyId}`, BROWSER);
await fetch(`${hello.base}/page-br`, { method: "POST", body: new Uint8Array(pageBr) });
const pageAt = routes.findIndex((r) => r.name === `story page /stories/${storyId}, browser`);
routes.splice(pageAt, 0, {
  name: "bare Hono sending the story page's br bytes",
  url: `${hello.base}/page-br`,
  headers: BROWSER,
  child: hello.child,
});
const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(
  `autocannon${LEAN_CLIENT ? " (lean client)" : " (full client)"}: ${CONNECTIONS} connections, ${SECONDS} s per route, server and hello each in a process of its own; load average ${load1()}`,
);
const rows = [];
for (const { name, url, headers, child, paths } of routes) {
  // One request first, timed on its own: a story's first rendering is not what a reader waits for again.
  t = performance.now();
  const first = await fetch(url, { headers });
  const body = await first.arrayBuffer();
  const firstMs = performance.now() - t;
  if (url === `${served[0]?.base}/api/stories/${storyId}` && headers === BROWSER) {
    await fetch(`${hello.base}/same`, { method: "POST", body });
  }
  if (headers["If-None-Match"] === "") headers["If-None-Match"] = first.headers.get("ETag") ?? "";
  rows.push({ name, first: firstMs, ...(await load(url, headers, child, paths)) });
  // Requests the server had taken in but not answered when the run stopped must not slow the next route.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}
hello.child.kill("SIGTERM");
for (const s of served) s.child.kill("SIGTERM");
const base = ((rows[0]?.rps ?? 1) + (rows.at(-1)?.rps ?? 1)) / 2;
const baseCpu = ((rows[0]?.serverUs ?? 1) + (rows.at(-1)?.serverUs ?? 1)) / 2;
console.log(`load average at the end ${load1()}`);
console.log(
  "route                                                    first ms   req/s   p50 ms   p99 ms  bytes/resp   × hello   server µs/req   autocannon µs/req   hello's server CPU ÷ this",
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(55)} ${r.first.toFixed(0).padStart(8)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${r.bytes.toFixed(0).padStart(11)} ${(r.rps / base).toFixed(3).padStart(9)} ${r.serverUs.toFixed(0).padStart(15)} ${r.clientUs.toFixed(0).padStart(19)} ${(baseCpu / r.serverUs).toFixed(3).padStart(27)}`,
  );
}
const pageRow = rows.find((r) => r.name === `story page /stories/${storyId}, browser`);
const jsonRow = rows.find((r) => r.name === `story JSON /api/stories/${storyId}, compressed`);
if (pageRow && jsonRow) {
  console.log(
    `goals (this build, browser rows): story page p99 ${pageRow.p99} ms (under 100: ${pageRow.p99 < 100 ? "met" : "not met"}); story JSON ${(jsonRow.rps / base).toFixed(3)}× hello (at least 0.25: ${jsonRow.rps / base >= 0.25 ? "met" : "not met"}), by server CPU ${(baseCpu / jsonRow.serverUs).toFixed(3)}×`,
  );
}
