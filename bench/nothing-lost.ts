import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { inventedStream } from "../test/invented-stream.js";
import { checkStore } from "../test/store-check.js";

/**
 * "Nothing lost" at the size the issue names: an invented stream of 10,000 articles ingested by the built CLI,
 * killed with SIGKILL at five random moments (while articles come in or while stories are analysed), then
 * run to the end; the store must then hold every article once, pass SQLite's integrity check and have every
 * story's report current. Prints where each kill fell and what the check found.
 *
 * Run: npm run bench -- nothing-lost [--articles 10000] [--kills 5]
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option("articles", 10_000);
const KILLS = option("kills", 5);

const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "triangulate-nothing-lost-"));
const stream = join(dir, "stream.jsonl");
const db = join(dir, "store.db");

function counts(): { articles: number; pending: number } {
  if (!existsSync(db)) return { articles: 0, pending: 0 };
  let raw: BetterSqlite3.Database | undefined;
  try {
    const opened = new BetterSqlite3(db, { readonly: true });
    raw = opened;
    const n = (sql: string) => (opened.prepare(sql).get() as { n: number }).n;
    return {
      articles: n("select count(*) as n from articles"),
      pending: n("select count(*) as n from pending_stories"),
    };
  } catch {
    return { articles: 0, pending: 0 };
  } finally {
    raw?.close();
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ingest = () =>
  spawn(process.execPath, [join(root, "dist/cli/bin.js"), "ingest", stream, "--db", db], {
    stdio: ["ignore", "pipe", "inherit"],
  });

async function main(): Promise<void> {
  writeFileSync(
    stream,
    `${[...inventedStream({ articles: ARTICLES, perStory: 8, seed: 2026 })].map((r) => JSON.stringify(r)).join("\n")}\n`,
  );
  const { readArticles } = await import(join(root, "dist/ingest/index.js"));
  const { identityOf } = await import(join(root, "dist/newsroom/identity.js"));
  const keys = new Set<string>();
  for await (const item of readArticles([stream]))
    if (item.kind === "article") keys.add(identityOf(item.article, item.url).key);
  const started = performance.now();
  // Each kill falls at a random moment within the next few seconds of work: seeded, so reruns are alike.
  let seed = 99;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const kills: { after: number; articles: number; pending: number }[] = [];
  for (let k = 0; k < KILLS; k++) {
    const child = ingest();
    const done = exited(child);
    const before = counts().articles;
    while (child.exitCode === null && before < keys.size && counts().articles <= before) await sleep(100);
    const wait = 1000 + random() * 15_000;
    await sleep(wait);
    if (child.exitCode !== null) break;
    child.kill("SIGKILL");
    await done;
    kills.push({ after: Math.round(wait), ...counts() });
  }
  const last = ingest();
  let out = "";
  last.stdout?.on("data", (d) => {
    out += d;
  });
  const code = await exited(last);
  const check = checkStore(db, keys);
  console.log(
    JSON.stringify(
      {
        articles: keys.size,
        kills,
        lastRun: { code, closingLine: out.trim() },
        stored: check.articles,
        stories: check.stories,
        problems: check.problems,
        seconds: Math.round((performance.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
