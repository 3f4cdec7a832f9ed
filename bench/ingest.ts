import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoryIndex } from "../src/cluster/types.js";
import type { IngestItem } from "../src/ingest/index.js";
import type { Article, StoryReport } from "../src/model/index.js";
import { seededRandom } from "../src/words/hash.js";
import { hasData, SHARED_DATA } from "./data.js";

/**
 * The store's ingest path at scale: a stream of articles built at run time from the shared data sets (ECB+
 * and MMDS development documents, PolNeAR articles), each base document told again and again as new
 * stories (its names replaced by invented ones, its dates moved, sentences dropped and swapped, figures
 * changed, some copies syndicated under another outlet), read through the JSON Lines reader, stored,
 * clustered and indexed as `triangulate ingest` does, with the analysis put off. Prints articles per second
 * (wall clock and per second of CPU, the one-core figure on a shared machine), peak RSS, the database's
 * size, and the cost of one more article with some 10,000 and with all articles stored (each over one round of the
 * stream, every base document told once), and how many articles were stored without a date. A second, smaller run
 * with the analysis on counts how often each story is analysed. Each build runs in a process of its own with
 * the heap limit `triangulate` has; with `--reference DIST` (another build's dist folder, say main's) that
 * build runs first on the same stream, and the two are compared, down to a digest of every article's story.
 * Each record's id names the event it tells (its base group and round), so that the stories found are scored
 * against the stream's own events (B-cubed): two builds' different assignments are then better or worse.
 *
 * Run: npm run bench -- ingest [--articles 100000] [--analyzed 1000] [--undated-share 0] [--max-stories N] [--reference /tmp/ref/dist]
 */

type Dist = {
  store: typeof import("../src/store/sqlite/index.js");
  ingest: typeof import("../src/newsroom/ingest.js");
  files: typeof import("../src/ingest/files.js");
  cluster: typeof import("../src/cluster/clusterer.js");
  pipeline: typeof import("../src/pipeline.js");
  bcubed: typeof import("../src/eval/bcubed.js");
  /** Absent in builds from before it (a reference build then runs with V8's default heap growth). */
  heap: typeof import("../src/newsroom/heap.js") | undefined;
};

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const stringOption = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const ARTICLES = option("articles", 100_000);
const ANALYZED = option("analyzed", 1_000);
/**
 * The share of the stream's reports told without a date (a copy is dated as its report is), as text files and
 * feeds without dates come: they take the stream's clock (see `OnlineClusterer.assign`). Default 0.
 */
const UNDATED_SHARE = option("undated-share", 0);
/** The cap on the index's stories (`maxStories` of the store; builds from before it have none). */
const MAX_STORIES = option("max-stories", 0);
/** Where the cost of one more article is first measured (at the first round of the stream that starts after it). */
const EARLY = 10_000;
/**
 * The stream's first day. Each round of the stream is ten days later than the one before, and a reader takes a
 * date after tomorrow for a mistake (see `plausible`): the stream's days must all lie in the past, or its later
 * articles are stored undated. From 2026, the 100,000 articles of a default run reached the day the benchmark
 * ran (7 December 2026) after 66,000 articles, and every article after was undated: compared with stories of any
 * time and never letting the index's time window move on, which is what made one more article cost more at
 * 100,000 than at 10,000. From 2000, 1.8 million articles stay in the past.
 */
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAY_MS = 24 * 3600 * 1000;

interface Base {
  title: string;
  sentences: string[];
}

/** ECB+ sentences are tokenised ("word , word ."): put the punctuation back against its word. */
function detokenize(s: string): string {
  return s
    .replace(/ ([,.;:!?%)\]'])/g, "$1")
    .replace(/([([$]) /g, "$1")
    .replace(/`` ?| ?''/g, '"')
    .replace(/ n't/g, "n't")
    .replace(/ '(s|re|ve|ll|d|m)\b/g, "'$1");
}

/** Base documents in groups: one group per ECB+ subtopic (one event), every other document alone. */
function baseGroups(): Base[][] {
  const groups = new Map<string, Base[]>();
  const ecb = readFileSync(join(SHARED_DATA, "clustering/ecbplus-dev/docs.jsonl"), "utf8").split("\n");
  for (const line of ecb) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { subtopic: string; sentences: string[] };
    const sentences = d.sentences.map(detokenize);
    const list = groups.get(d.subtopic) ?? [];
    list.push({ title: sentences[0]?.slice(0, 90) ?? "", sentences: sentences.slice(1) });
    groups.set(d.subtopic, list);
  }
  const mmds = JSON.parse(readFileSync(join(SHARED_DATA, "clustering/mmds-dev/mds_ac_dev_final.json"), "utf8")) as {
    articles: { title: string; sentences: { content: string }[] }[];
  };
  const out = [...groups.values()];
  for (const a of mmds.articles) out.push([{ title: a.title, sentences: a.sentences.map((s) => s.content) }]);
  for (const split of ["train", "dev"]) {
    const dir = join(SHARED_DATA, "quotes/polnear", split, "text");
    for (const f of readdirSync(dir).sort()) {
      const lines = readFileSync(join(dir, f), "utf8")
        .split(/\n+/)
        .filter((l) => l.trim());
      const sentences = lines.flatMap((l) => l.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/));
      if (sentences.length > 3)
        out.push([{ title: sentences[0]?.slice(0, 90) ?? "", sentences: sentences.slice(1, 40) }]);
    }
  }
  return out.filter((g) => g.every((b) => b.sentences.length > 0));
}

const SYLLABLES = [
  "ka",
  "lo",
  "ven",
  "mar",
  "ti",
  "sel",
  "dra",
  "pon",
  "ru",
  "quel",
  "ba",
  "nor",
  "esk",
  "vi",
  "tam",
  "or",
  "sa",
  "ith",
];
const KEEP = new Set(
  "The A An In On At But And He She It They We I This That His Her Their Its As For If When After Before".split(" "),
);

/**
 * The stream as JSON Lines, one record at a time: round after round over the base groups, each round a new
 * telling of each event (new names, a later date), so that stories keep coming and none grows without end.
 */
function* stream(groups: Base[][]): Generator<string> {
  const rand = seededRandom(2026);
  // Its own sequence, so that the stream is the same whatever the share.
  const undated = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const outlets = Array.from(
    { length: 300 },
    (_, i) =>
      `${SYLLABLES[i % 18]}${SYLLABLES[(i * 7) % 18]} ${pick(["Times", "Post", "Herald", "Daily", "Wire", "News", "Courier"])}`,
  );
  let n = 0;
  for (let round = 0; ; round++) {
    const names = new Map<string, string>();
    const rename = (word: string) => {
      if (round === 0 || KEEP.has(word)) return word;
      let name = names.get(word);
      if (!name) {
        name = "";
        for (let i = 0; i < 2 + (word.length % 3); i++) name += pick(SYLLABLES);
        name = name.charAt(0).toUpperCase() + name.slice(1);
        names.set(word, name);
      }
      return name;
    };
    for (const [g, group] of groups.entries()) {
      // A round is ten days; an event's articles fall on its day and the next.
      const day = round * 10 + (g % 9);
      const told: string[] = [];
      for (const base of group) {
        const sentences = base.sentences.map((s) =>
          s
            .replace(/\b\p{Lu}\p{Ll}{2,}\b/gu, rename)
            .replace(/\b\d{2,}\b/g, (d) => String(Math.max(1, Math.round(Number(d) * (0.9 + rand() * 0.2))))),
        );
        if (sentences.length > 4) sentences.splice(Math.floor(rand() * sentences.length), 1);
        const i = Math.floor(rand() * (sentences.length - 1));
        if (sentences.length > 2)
          [sentences[i], sentences[i + 1]] = [sentences[i + 1] as string, sentences[i] as string];
        const published = new Date(FIRST_DAY + (day + Math.floor(rand() * 2)) * DAY_MS).toISOString().slice(0, 10);
        const outlet = pick(outlets);
        const text = sentences.join(" ");
        const record: Record<string, string> = {
          id: `${round}.${g}-${n}`,
          title: base.title.replace(/\b\p{Lu}\p{Ll}{2,}\b/gu, rename),
          text,
          outlet,
          ...(undated() < UNDATED_SHARE ? {} : { published }),
        };
        if (rand() < 0.5) record.url = `https://${outlet.toLowerCase().replace(/\s+/g, "-")}.example/${published}/${n}`;
        told.push(text);
        n++;
        yield JSON.stringify(record);
        // A syndicated copy: the same report under another outlet, with a line of its own added.
        if (rand() < 0.08) {
          n++;
          yield JSON.stringify({
            ...record,
            id: `${round}.${g}-${n}`,
            url: undefined,
            outlet: pick(outlets),
            text: `${text}\nThis report first appeared in ${outlet}.`,
          });
        }
      }
    }
  }
}

/** The stream read record by record, with a look at the next one, so that it can be cut where a round starts. */
class Cursor {
  private ahead: string | undefined;
  private lastRound: string | undefined;

  constructor(private readonly source: Generator<string>) {}

  next(): string {
    const record = this.ahead ?? (this.source.next().value as string);
    this.ahead = undefined;
    this.lastRound = roundOf(record);
    return record;
  }

  /** Whether the next record tells the first event of a round (or nothing was read yet). */
  atRoundStart(): boolean {
    this.ahead ??= this.source.next().value as string;
    return this.lastRound === undefined || roundOf(this.ahead) !== this.lastRound;
  }
}

/** The round of a record of `stream`, from its id ("round.group-n"), which JSON.stringify writes first. */
function roundOf(record: string): string {
  return record.slice(record.indexOf('"id":"') + 6, record.indexOf("."));
}

/** `count` records of the stream as JSON Lines, then more up to the start of a round if `toRound`. */
async function* lines(cursor: Cursor, count: number, toRound = false): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count || (toRound && !cursor.atRoundStart()); i++) yield Buffer.from(`${cursor.next()}\n`);
}

async function load(dist: string): Promise<Dist> {
  return {
    store: await import(join(dist, "store/sqlite/index.js")),
    ingest: await import(join(dist, "newsroom/ingest.js")),
    files: await import(join(dist, "ingest/files.js")),
    cluster: await import(join(dist, "cluster/clusterer.js")),
    pipeline: await import(join(dist, "pipeline.js")),
    bcubed: await import(join(dist, "eval/bcubed.js")),
    heap: existsSync(join(dist, "newsroom/heap.js")) ? await import(join(dist, "newsroom/heap.js")) : undefined,
  };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

const MB = 1024 * 1024;

/** The cost of one more article with `stored` articles in the store. */
interface PerArticle {
  stored: number;
  wallMs: number;
  cpuMs: number;
}

/** What one build measured (the child's JSON line). */
interface Result {
  dist: string;
  articles: number;
  stored: number;
  copies: number;
  stories: number;
  /** Articles stored without a date: the stream dates every one, so any here were refused a date by the reader. */
  undated: number;
  seconds: number;
  cpuSeconds: number;
  articlesPerSecond: number;
  articlesPerCpuSecond: number;
  peakRssMb: number;
  /** Where the memory was when the RSS sampled after a batch was highest (MB). */
  atPeak: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  /** The heap still reachable after a full collection at the end of the run (MB). */
  liveHeapMb: number;
  databaseMb: number;
  /** The largest the WAL file grew, sampled after each batch (MB). */
  walPeakMb: number;
  oneMoreArticle: { early: PerArticle; late: PerArticle; cpuRatio: number };
  /** SHA-256 of every article's row id, story and the article it copies, in id order: equal means the same assignments. */
  assignments: string;
  /** B-cubed scores of the stories against the events the stream tells (see `eventOf`). */
  events: { precision: number; recall: number; f1: number };
}

/** The child: ingests the stream with the build in `dist` and prints one JSON line. */
async function measure(dist: string): Promise<void> {
  const d = await load(dist);
  // As `triangulate ingest` does.
  d.heap?.boundHeapGrowth();
  const groups = baseGroups();
  const path = join(tmpdir(), `triangulate-bench-ingest-${process.pid}.db`);
  const source = new Cursor(stream(groups));
  const store = await d.store.openSqliteStore(path, MAX_STORIES > 0 ? { maxStories: MAX_STORIES } : {});
  const assigner = (index: StoryIndex) => new d.cluster.OnlineClusterer(index);
  let peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  let walPeak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = m;
    try {
      walPeak = Math.max(walPeak, statSync(`${path}-wal`).size);
    } catch {
      // No WAL file yet.
    }
  };
  const run = async (count: number) => {
    const items = d.files.readArticles(["-"], { stdin: lines(source, count, true) }) as AsyncIterable<IngestItem>;
    const t = performance.now();
    const c = process.cpuUsage();
    const summary = await d.ingest.ingestItems(store, items, { assigner, analyze: false, onProgress: sample });
    return { summary, wall: (performance.now() - t) / 1000, cpu: cpuSeconds(c) };
  };
  // Each probe is one round: every base document told once, so that the two measure the same mix of articles
  // (the stream's base documents come in sets of very different lengths, ECB+ first and PolNeAR last).
  const first = await run(Math.min(EARLY, ARTICLES));
  const probeEarly = await run(1);
  const read = first.summary.read + probeEarly.summary.read;
  const rest =
    ARTICLES > read + probeEarly.summary.read ? await run(ARTICLES - read - probeEarly.summary.read) : undefined;
  const probeLate = await run(1);
  const counts = await store.counts();
  const rows = (
    await store.executeSql(
      "select id, story_id, copy_of, name, published is null as undated from articles order by id",
      [],
    )
  ).rows as { id: number; story_id: number; copy_of: number | null; name: string; undated: number }[];
  const undated = rows.reduce((n, r) => n + r.undated, 0);
  const assignments = createHash("sha256")
    .update(rows.map((r) => `${r.id} ${r.story_id} ${r.copy_of ?? ""}`).join("\n"))
    .digest("hex");
  const events = d.bcubed.scoreClustering(
    new Map(rows.map((r) => [String(r.id), String(r.story_id)])),
    new Map(rows.map((r) => [String(r.id), eventOf(r.name)])),
  ).b3;
  rows.length = 0;
  await store.close();
  const size = statSync(path).size;
  rmSync(path, { force: true });
  globalThis.gc?.();
  const liveHeap = process.memoryUsage().heapUsed;

  const phases = [first, probeEarly, ...(rest ? [rest] : []), probeLate];
  const added = phases.reduce((n, p) => n + p.summary.added + p.summary.alreadyStored, 0);
  const wall = phases.reduce((n, p) => n + p.wall, 0);
  const cpu = phases.reduce((n, p) => n + p.cpu, 0);
  const perArticle = (p: typeof first, stored: number) => ({
    stored,
    wallMs: round((p.wall * 1000) / Math.max(1, p.summary.added), 2),
    cpuMs: round((p.cpu * 1000) / Math.max(1, p.summary.added), 2),
  });
  const at10k = perArticle(probeEarly, first.summary.added);
  const atEnd = perArticle(probeLate, counts.articles - probeLate.summary.added);
  const result: Result = {
    dist,
    articles: added,
    stored: counts.articles,
    copies: counts.copies,
    stories: counts.stories,
    undated,
    seconds: round(wall, 1),
    cpuSeconds: round(cpu, 1),
    articlesPerSecond: Math.round(added / wall),
    articlesPerCpuSecond: Math.round(added / cpu),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    atPeak: {
      rss: Math.round(peak.rss / MB),
      heapTotal: Math.round(peak.heapTotal / MB),
      heapUsed: Math.round(peak.heapUsed / MB),
      external: Math.round(peak.external / MB),
      arrayBuffers: Math.round(peak.arrayBuffers / MB),
    },
    liveHeapMb: Math.round(liveHeap / MB),
    databaseMb: Math.round(size / MB),
    walPeakMb: Math.round(walPeak / MB),
    oneMoreArticle: { early: at10k, late: atEnd, cpuRatio: round(atEnd.cpuMs / at10k.cpuMs, 2) },
    assignments,
    events: { precision: round(events.precision, 4), recall: round(events.recall, 4), f1: round(events.f1, 4) },
  };
  console.log(JSON.stringify(result));
  await amortised(d, groups);
}

/** The event a stored article tells, from the id its record was given in `stream` ("round.group-n"). */
function eventOf(name: string): string {
  return name.slice(0, name.indexOf("-"));
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

/**
 * Runs the child for one build in a process of its own, with the heap limit `triangulate` runs with (not the
 * larger one `bench/run.ts` gives itself), so that peak RSS is the command's own.
 */
function spawnMeasure(dist: string, analyzed: number): Result | undefined {
  const flags = process.execArgv.filter((a) => !a.startsWith("--max-old-space-size"));
  const argv = [...flags, "--expose-gc", import.meta.filename, "--child", "--dist", dist];
  argv.push("--articles", String(ARTICLES));
  argv.push("--analyzed", String(analyzed));
  argv.push("--undated-share", String(UNDATED_SHARE), "--max-stories", String(MAX_STORIES));
  const child = spawnSync(process.execPath, argv, {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const out = child.stdout.trim().split("\n");
  const line = out.find((l) => l.startsWith('{"dist"'));
  for (const l of out) if (l !== line) console.log(l);
  if (child.status !== 0 || !line) {
    console.log(`${dist}: failed (exit ${child.status})`);
    return undefined;
  }
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  if (!hasData("clustering/ecbplus-dev") || !hasData("quotes/polnear")) {
    console.log("skipped: ../shared/data (ECB+, PolNeAR) not found");
    return;
  }
  if (args.includes("--child")) {
    await measure(stringOption("dist") ?? join(import.meta.dirname, "..", "dist"));
    return;
  }
  const reference = stringOption("reference");
  const before = reference ? spawnMeasure(reference, 0) : undefined;
  if (before) console.log(`reference ${JSON.stringify(before, null, 2)}`);
  const after = spawnMeasure(join(import.meta.dirname, "..", "dist"), ANALYZED);
  if (after) console.log(`this build ${JSON.stringify(after, null, 2)}`);
  if (before && after) {
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `this build against the reference: ${ratio(after.articlesPerCpuSecond, before.articlesPerCpuSecond)}× the articles per CPU second, ` +
        `${ratio(after.peakRssMb, before.peakRssMb)}× the peak RSS, ${ratio(after.databaseMb, before.databaseMb)}× the database, ` +
        `one more article late ${ratio(after.oneMoreArticle.late.cpuMs, before.oneMoreArticle.late.cpuMs)}× the CPU time; ` +
        `assignments ${after.assignments === before.assignments ? "identical" : "DIFFERENT"} (${after.stored} articles, ${after.stories} against ${before.stories} stories; ` +
        `B-cubed F1 against the stream's events ${after.events.f1} against ${before.events.f1})`,
    );
  }
}

/** A smaller run with the analysis on: every story that changed is analysed, and none more than once. */
async function amortised(d: Dist, groups: Base[][]): Promise<void> {
  if (ANALYZED <= 0) return;
  const path = join(tmpdir(), `triangulate-bench-analyse-${process.pid}.db`);
  const store = await d.store.openSqliteStore(path);
  const calls = new Map<string, number>();
  const analyzeStory = (articles: Article[]): StoryReport => {
    // A story's first article stays its first: it names the story across analyses.
    const key = `${articles[0]?.source}:${articles[0]?.id}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return d.pipeline.analyzeStory(articles);
  };
  const items = d.files.readArticles(["-"], {
    stdin: lines(new Cursor(stream(groups)), ANALYZED),
  }) as AsyncIterable<IngestItem>;
  const t = performance.now();
  const summary = await d.ingest.ingestItems(store, items, {
    assigner: (index) => new d.cluster.OnlineClusterer(index),
    analyzeStory,
  });
  const seconds = (performance.now() - t) / 1000;
  await store.close();
  rmSync(path, { force: true });
  console.log(
    JSON.stringify({
      analysedRun: {
        articles: summary.added,
        storiesTouched: summary.storiesTouched,
        analysed: summary.analysed,
        mostAnalysesOfOneStory: Math.max(0, ...calls.values()),
        seconds: Number(seconds.toFixed(1)),
      },
    }),
  );
}

await main();
