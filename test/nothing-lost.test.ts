import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readArticles } from "../src/ingest/index.js";
import { identityOf } from "../src/newsroom/identity.js";
import { inventedStream } from "./invented-stream.js";
import { checkStore } from "./store-check.js";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "triangulate-kill-"));

/** Articles in the stream: enough for several batches and stories, few enough for seconds of work. */
const ARTICLES = 120;
const KILLS = 3;

/** The identities the stream's articles must be stored under, read as ingest reads them. */
async function expectedKeys(path: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const item of readArticles([path])) {
    if (item.kind === "article") keys.add(identityOf(item.article, item.url).key);
  }
  return keys;
}

function ingest(stream: string, db: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "ingest", stream, "--db", db], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

function countsOf(path: string): { articles: number; pending: number } {
  let raw: BetterSqlite3.Database | undefined;
  try {
    const opened = new BetterSqlite3(path, { readonly: true });
    raw = opened;
    const count = (sql: string) => (opened.prepare(sql).get() as { n: number }).n;
    return {
      articles: count("select count(*) as n from articles"),
      pending: count("select count(*) as n from pending_stories"),
    };
  } catch {
    // Not yet a store: its first transaction is still running.
    return { articles: 0, pending: 0 };
  } finally {
    raw?.close();
  }
}

/** `stories` and `search` in this process while the child ingests into the same file. */
async function readWhileWriting(db: string, child: ChildProcess) {
  const io = {
    out: "",
    err: "",
    interactive: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  const codes = [await main(["stories", "--db", db], io)];
  const listed = /\d+ articles?/.test(io.out);
  codes.push(await main(["search", "officials", "--db", db, "--json"], io));
  const found = io.out.includes('"hits": [\n    {');
  return { running: child.exitCode === null, codes, listed, found };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("nothing lost", () => {
  it(`an ingest killed ${KILLS} times at random moments and run again stores every article once, with current reports`, async () => {
    const stream = join(dir, "stream.jsonl");
    writeFileSync(
      stream,
      `${[...inventedStream({ articles: ARTICLES, perStory: 8, seed: 7 })].map((r) => JSON.stringify(r)).join("\n")}\n`,
    );
    const db = join(dir, "killed.db");
    const keys = await expectedKeys(stream);
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const readers: { running: boolean; codes: number[]; listed: boolean; found: boolean }[] = [];
    let killed = 0;
    const states: { articles: number; pending: number }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const child = ingest(stream, db);
      const done = exited(child);
      // Wait for the first articles of this run to be committed, then kill at a random moment of the work.
      const before = existsSync(db) ? countsOf(db).articles : 0;
      const started = () => existsSync(db) && (before === keys.size || countsOf(db).articles > before);
      while (child.exitCode === null && !started()) await sleep(25);
      if (k === 0) readers.push(await readWhileWriting(db, child));
      await sleep(random() * 1000);
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        killed++;
      }
      await done;
      if (existsSync(db)) states.push(countsOf(db));
    }
    expect(killed).toBeGreaterThan(0);
    // Readers ran beside the writer and saw what it had committed.
    expect(readers).toEqual([{ running: true, codes: [0, 0], listed: true, found: true }]);
    // The kills fell while articles were still coming in, or while stories still waited for analysis.
    expect(states.some((s) => s.articles < keys.size || s.pending > 0)).toBe(true);
    const last = ingest(stream, db);
    let out = "";
    last.stdout?.on("data", (d) => {
      out += d;
    });
    expect((await exited(last)).code).toBe(0);
    expect(out).toMatch(/^read \d+, new \d+/);
    const check = checkStore(db, keys);
    expect(check.problems).toEqual([]);
    expect(check.articles).toBe(keys.size);
    expect(check.stories).toBeGreaterThan(3);
  }, 180_000);
});
