import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { emptyReport, GROUNDING, outletArticle, plainArticle, TWO_FIRES } from "../../test/fixtures.js";
import { OnlineClusterer } from "../cluster/clusterer.js";
import type { IngestItem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { referentialProblems, storyReportSchema } from "../model/report-schema.js";
import { analyzeStory } from "../pipeline.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import type { Store, StoredArticle } from "../store/types.js";
import { type IngestOptions, ingestItems, inTimeOrder } from "./ingest.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-newsroom-"));
let n = 0;
const fresh = () => openSqliteStore(join(dir, `ingest-${n++}.db`));

/** Invented reports of two unrelated events, each outlet in its own words. */
const FERRY = [
  "The Vell estuary ferry Marisol ran aground on a sandbank near Ostrelo on Tuesday, and coastguard boats took 40 passengers ashore, the Ostrelo harbour office said.",
  "Coastguard crews lifted 40 passengers off the Marisol after the Vell estuary ferry grounded near Ostrelo; harbour master Ilse Varga said nobody was hurt.",
  "Ilse Varga, Ostrelo's harbour master, said the Marisol would be towed off the Vell estuary sandbank at high tide once divers had checked its hull.",
];
const ORCHARD = [
  "Hail destroyed much of the apple harvest in the Tarnow valley on Tuesday, growers' cooperative Kellen Fruit said, putting 300 seasonal jobs at risk.",
  "Kellen Fruit, the Tarnow valley cooperative, said hailstones the size of walnuts had stripped apple trees across 900 hectares of orchards.",
];

const article = outletArticle;

function stream(): IngestItem[] {
  return [
    { kind: "article", article: article("ferry-a", FERRY[0] as string, "Lowland Courier") },
    { kind: "article", article: article("orchard-a", ORCHARD[0] as string, "Valley Farmer") },
    {
      kind: "problem",
      problem: { source: "broken.html", code: "NOT_ARTICLE", message: "not an article: a list of links" },
    },
    { kind: "article", article: article("ferry-b", FERRY[1] as string, "Tidewater Post") },
    // The same report again, from another outlet: a copy.
    { kind: "article", article: article("ferry-a", FERRY[0] as string, "Estuary Daily") },
    { kind: "article", article: article("orchard-b", ORCHARD[1] as string, "Harvest Weekly") },
    { kind: "article", article: article("ferry-c", FERRY[2] as string, "Lowland Courier", "2026-03-11") },
  ];
}

async function* items(list: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* list;
}

/** The real pipeline, counting the stories it analyses and keeping what it was given. */
function countingAnalysis() {
  const calls: string[][] = [];
  return {
    calls,
    analyzeStory: (articles: Article[]): StoryReport => {
      calls.push(articles.map((a) => `${a.id}@${a.outlet}`));
      return analyzeStory(articles);
    },
  };
}

function options(over: Partial<IngestOptions> = {}): IngestOptions {
  return { assigner: (index) => new OnlineClusterer(index), batchSize: 2, ...over };
}

async function storyOf(store: Store, name: string, outlet: string) {
  for (const s of await store.stories({ order: "biggest", limit: 100 })) {
    const articles = await store.storyArticles(s.id);
    if (articles.some((a) => a.article.id === name && a.article.outlet === outlet)) return { summary: s, articles };
  }
  throw new Error(`no story holds ${name}`);
}

describe("ingestItems", () => {
  it("stores each article once, forms the stories, links the copy and analyses each changed story once", async () => {
    const store = await fresh();
    const analysis = countingAnalysis();
    const problems: string[] = [];
    const summary = await ingestItems(
      store,
      items(stream()),
      options({ analyzeStory: analysis.analyzeStory, onProblem: (p) => problems.push(`${p.source} ${p.code}`) }),
    );
    expect(summary).toMatchObject({
      read: 7,
      added: 6,
      copies: 1,
      alreadyStored: 0,
      skipped: { NOT_ARTICLE: 1 },
      storiesTouched: 2,
      storiesNew: 2,
      analysed: 2,
      analysisFailed: 0,
      pendingTotal: 0,
    });
    expect(problems).toEqual(["broken.html NOT_ARTICLE"]);
    expect(analysis.calls).toHaveLength(2);

    const ferry = await storyOf(store, "ferry-a", "Lowland Courier");
    expect(ferry.articles.map((a) => `${a.article.id}@${a.article.outlet}`)).toEqual([
      "ferry-a@Lowland Courier",
      "ferry-b@Tidewater Post",
      "ferry-a@Estuary Daily",
      "ferry-c@Lowland Courier",
    ]);
    const copy = ferry.articles[2];
    expect(copy?.copyOf).toBe(ferry.articles[0]?.id);
    expect(ferry.summary).toMatchObject({
      articleCount: 4,
      copyCount: 1,
      outletCount: 3,
      version: 4,
      reportVersion: 4,
    });
    // The copy is one voice with the report it copies: it is not analysed.
    expect(analysis.calls).toContainEqual([
      "ferry-a@Lowland Courier",
      "ferry-b@Tidewater Post",
      "ferry-c@Lowland Courier",
    ]);
    const report = await store.report(ferry.summary.id);
    expect(report?.report.articles.map((a) => a.id)).toEqual(["ferry-a", "ferry-b", "ferry-c"]);
    // The report names the copy beside the article it copies, with where the store serves it.
    expect(report?.report.provenance.copies).toEqual([
      {
        article: "ferry-a",
        copy: {
          id: "ferry-a",
          storeId: copy?.id,
          outlet: "Estuary Daily",
          title: copy?.article.title,
          published: "2026-03-10",
        },
      },
    ]);

    const orchard = await storyOf(store, "orchard-a", "Valley Farmer");
    expect(orchard.summary.id).not.toBe(ferry.summary.id);
    expect(orchard.articles.map((a) => a.article.id)).toEqual(["orchard-a", "orchard-b"]);
    expect((await store.report(orchard.summary.id))?.report.provenance).not.toHaveProperty("copies");
    await store.close();
  });

  it("forms each story once when a later event's folder is read before an earlier one's, undated reports among them", async () => {
    const store = await fresh();
    const undated = (a: Article): Article => {
      const { published: _, ...rest } = a;
      return rest;
    };
    // The orchard reports are two months later but read first, as a folder listing in name order would.
    const list: IngestItem[] = [
      { kind: "article", article: article("orchard-a", ORCHARD[0] as string, "Valley Farmer", "2026-05-12") },
      { kind: "article", article: article("orchard-b", ORCHARD[1] as string, "Harvest Weekly", "2026-05-13") },
      { kind: "article", article: article("ferry-a", FERRY[0] as string, "Lowland Courier", "2026-03-10") },
      { kind: "article", article: undated(article("ferry-b", FERRY[1] as string, "Tidewater Post")) },
      { kind: "article", article: undated(article("ferry-c", FERRY[2] as string, "Lowland Courier")) },
    ];
    const summary = await ingestItems(store, items(list), options({ analyze: false }));
    expect(summary).toMatchObject({ added: 5, storiesNew: 2 });
    const ferry = await storyOf(store, "ferry-a", "Lowland Courier");
    expect(ferry.articles.map((a) => a.article.id).sort()).toEqual(["ferry-a", "ferry-b", "ferry-c"]);
    const orchard = await storyOf(store, "orchard-a", "Valley Farmer");
    expect(orchard.articles.map((a) => a.article.id).sort()).toEqual(["orchard-a", "orchard-b"]);
  });

  it("adds nothing and analyses nothing when the same input comes again", async () => {
    const store = await fresh();
    await ingestItems(store, items(stream()), options());
    const before = await store.stories({ order: "biggest", limit: 10 });
    const reports = await Promise.all(before.map((s) => store.report(s.id)));
    const analysis = countingAnalysis();
    const again = await ingestItems(store, items(stream()), options({ analyzeStory: analysis.analyzeStory }));
    expect(again).toMatchObject({ read: 7, added: 0, alreadyStored: 6, storiesTouched: 0, analysed: 0 });
    expect(analysis.calls).toEqual([]);
    expect(await store.stories({ order: "biggest", limit: 10 })).toEqual(before);
    expect(await Promise.all(before.map((s) => store.report(s.id)))).toEqual(reports);
    await store.close();
  });

  it("analyses again only the story that gained an article", async () => {
    const store = await fresh();
    let clock = Date.parse("2026-03-12T10:00:00Z");
    const now = () => {
      clock += 1000;
      return new Date(clock);
    };
    await ingestItems(store, items(stream()), options({ now }));
    const orchard = await storyOf(store, "orchard-a", "Valley Farmer");
    const orchardReport = await store.report(orchard.summary.id);
    const analysis = countingAnalysis();
    const more = article(
      "ferry-d",
      "Tugs pulled the Marisol off the Vell estuary sandbank near Ostrelo, harbour master Ilse Varga said, and the ferry returned to its berth.",
      "Estuary Daily",
      "2026-03-12",
    );
    const summary = await ingestItems(
      store,
      items([{ kind: "article", article: more }]),
      options({ now, analyzeStory: analysis.analyzeStory }),
    );
    expect(summary).toMatchObject({ added: 1, storiesTouched: 1, storiesNew: 0, analysed: 1 });
    expect(analysis.calls).toEqual([
      ["ferry-a@Lowland Courier", "ferry-b@Tidewater Post", "ferry-c@Lowland Courier", "ferry-d@Estuary Daily"],
    ]);
    const ferry = await storyOf(store, "ferry-d", "Estuary Daily");
    expect(ferry.summary).toMatchObject({ version: 5, reportVersion: 5 });
    expect(await store.report(orchard.summary.id)).toEqual(orchardReport);
    await store.close();
  });

  it("skips only the article the store or the clusterer refuses, naming it", async () => {
    const store = await fresh();
    const problems: string[] = [];
    const summary = await ingestItems(
      store,
      items(stream()),
      options({
        batchSize: 10,
        assigner: (index) => {
          const clusterer = new OnlineClusterer(index);
          return {
            assign: async (doc) => {
              if (doc.text.startsWith("Kellen Fruit")) throw new Error("cannot place this one");
              return clusterer.assign(doc);
            },
          };
        },
        onProblem: (p) => problems.push(`${p.source} ${p.code} ${p.message}`),
      }),
    );
    expect(summary).toMatchObject({ added: 5, skipped: { NOT_ARTICLE: 1, STORE_FAILED: 1 } });
    expect(problems).toContain("orchard-b.txt STORE_FAILED could not be stored: cannot place this one");
    expect(await store.counts()).toMatchObject({ articles: 5, pending: 0 });
    await store.close();
  });

  it("keeps a story waiting when its analysis fails or is put off, and the next run analyses it", async () => {
    const store = await fresh();
    const failing = await ingestItems(
      store,
      items(stream()),
      options({
        analyzeStory: (articles) => {
          if (articles.some((a) => a.id.startsWith("orchard"))) throw new Error("analysis broke");
          return analyzeStory(articles);
        },
      }),
    );
    expect(failing).toMatchObject({ analysed: 1, analysisFailed: 1, pendingTotal: 1 });
    const orchard = await storyOf(store, "orchard-a", "Valley Farmer");
    expect(orchard.summary.reportVersion).toBeUndefined();

    const later = await ingestItems(store, items([]), options());
    expect(later).toMatchObject({ read: 0, analysed: 1, pendingTotal: 0 });
    expect((await store.story(orchard.summary.id))?.reportVersion).toBe(2);

    const other = await fresh();
    const putOff = await ingestItems(other, items(stream()), options({ analyze: false }));
    expect(putOff).toMatchObject({ analysed: 0, pendingTotal: 2 });
    expect((await ingestItems(other, items([]), options())).analysed).toBe(2);
    await store.close();
    await other.close();
  });
});

describe("inTimeOrder", () => {
  const at = (id: string, published?: string): { article: Article } => {
    const { published: _, ...undated } = article(id, "text", "Outlet");
    return { article: published ? { ...undated, published } : undated };
  };
  const ids = (list: { article: Article }[]) => inTimeOrder(list).map((x) => x.article.id);
  it.each([
    ["dated articles oldest first", [at("b", "2026-05-02"), at("a", "2026-05-01")], ["a", "b"]],
    [
      "equal times keep the order read (negative: no reordering)",
      [at("x", "2026-05-01"), at("y", "2026-05-01")],
      ["x", "y"],
    ],
    [
      "an undated article goes with the dated one read before it",
      [at("late", "2026-05-09"), at("late-undated"), at("early", "2026-03-01"), at("early-undated")],
      ["early", "early-undated", "late", "late-undated"],
    ],
    [
      "an undated first article goes with the next dated one",
      [at("u"), at("d", "2026-01-01"), at("e", "2025-01-01")],
      ["e", "u", "d"],
    ],
    ["nothing dated: the order read (negative)", [at("p"), at("q"), at("r")], ["p", "q", "r"]],
  ])("%s", (_name, list, expected) => {
    expect(ids(list)).toEqual(expected);
  });
});

describe("ingestItems of articles without a date", () => {
  const SYLLABLES = ["vel", "mar", "por", "ta", "kes", "trel", "ba", "oka", "fur", "ren", "dal", "simo"];
  /** An invented name per number, unique for numbers below 12⁴. */
  const nameOf = (i: number) => {
    let name = "";
    for (let k = 0, n = i; k < 4; k++, n = Math.floor(n / SYLLABLES.length)) name += SYLLABLES[n % SYLLABLES.length];
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  /** Undated reports of as many unrelated events: invented names, nothing shared but function words. */
  function undatedEvents(count: number): IngestItem[] {
    return Array.from({ length: count }, (_, i) => {
      const [a, b, c] = [nameOf(3 * i), nameOf(3 * i + 1), nameOf(3 * i + 2)];
      const text = `${a} of ${b} met ${c} in ${b} on the question of ${a}, and ${c} said ${b} would answer ${a}.`;
      return { kind: "article", article: plainArticle(`event-${i}`, text, { title: `${a} meets ${c}` }) };
    });
  }

  it("keeps the index's rows to its cap on stories, letting the least recently updated go", async () => {
    const path = join(dir, `undated-${n++}.db`);
    const store = await openSqliteStore(path, { maxStories: 20 });
    const summary = await ingestItems(store, items(undatedEvents(120)), options({ analyze: false, batchSize: 8 }));
    await store.close();
    expect(summary.added).toBe(120);
    expect(summary.storiesNew).toBeGreaterThan(60);
    const db = new BetterSqlite3(path, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    try {
      expect(count("select count(*) as n from cluster_stories")).toBe(20);
      // Every row left belongs to a story kept: the postings, signatures and band buckets went with theirs.
      expect(
        count(
          "select count(*) as n from cluster_postings where story_id not in (select story_id from cluster_stories)",
        ),
      ).toBe(0);
      expect(
        count(
          "select count(*) as n from cluster_signatures where story_id not in (select story_id from cluster_stories)",
        ),
      ).toBe(0);
      expect(
        count(
          "select count(*) as n from cluster_bands where article_id not in (select article_id from cluster_signatures)",
        ),
      ).toBe(0);
      expect(
        count("select count(*) as n from cluster_members where story_id not in (select story_id from cluster_stories)"),
      ).toBe(0);
      expect(count("select count(*) as n from cluster_signatures")).toBeLessThanOrEqual(40);
      // The stories kept are the latest: the last article's story is among them, the first's is not.
      const storyOf = (name: string) => count(`select story_id as n from articles where name = '${name}'`);
      expect(count(`select count(*) as n from cluster_stories where story_id = ${storyOf("event-119")}`)).toBe(1);
      expect(count(`select count(*) as n from cluster_stories where story_id = ${storyOf("event-0")}`)).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe("ingestItems story split", () => {
  it("splits a story that a report of both fires bridged, as the clusterer does in memory, and analyses both parts", async () => {
    const f = TWO_FIRES;
    const fires: [string, string, string][] = [
      ["mill", f.FIRE_A, "Lowland Courier"],
      ["both", f.BOTH_FIRES, "Valley Farmer"],
      ["warehouse", f.FIRE_B, "Tidewater Post"],
      ["mill-2", f.FIRE_A_REWRITE, "Estuary Daily"],
      ["warehouse-2", f.FIRE_B_REWRITE, "Harvest Weekly"],
      ["mill-3", f.FIRE_A_AFTER, "Harbour Daily"],
      ["warehouse-3", f.FIRE_B_AFTER, "Lowland Courier"],
    ];
    const list: IngestItem[] = fires.map(([name, text, outlet], i) => ({
      kind: "article",
      article: { ...article(name, text, outlet), published: `2026-03-10T0${i}:00:00Z` },
    }));
    const run = async (split: boolean) => {
      const store = await fresh();
      const analysis = countingAnalysis();
      const assigner: IngestOptions["assigner"] = (index) => new OnlineClusterer(index, { split });
      const summary = await ingestItems(store, items(list), options({ assigner, analyzeStory: analysis.analyzeStory }));
      const stories = await store.stories({ order: "biggest", limit: 10 });
      const parts = [];
      for (const s of stories) {
        const names = (await store.storyArticles(s.id)).map((a) => a.article.id);
        parts.push({
          names,
          count: s.articleCount,
          outlets: s.outletCount,
          report: (await store.report(s.id)) !== undefined,
        });
      }
      const pending = await store.pendingCount();
      await store.close();
      return { summary, parts, pending, analysed: analysis.calls.map((c) => c.length).sort() };
    };
    // Without the split every report follows the bridge into one story.
    expect((await run(false)).parts.map((p) => p.count)).toEqual([7]);
    const got = await run(true);
    expect(got.parts).toEqual([
      { names: ["both", "warehouse", "warehouse-2", "warehouse-3"], count: 4, outlets: 4, report: true },
      { names: ["mill", "mill-2", "mill-3"], count: 3, outlets: 3, report: true },
    ]);
    expect(got.summary).toMatchObject({ added: 7, storiesNew: 1, storiesTouched: 2, analysed: 2, pendingTotal: 0 });
    expect(got.pending).toBe(0);
    // Each story was analysed once, with its articles as they are after the split.
    expect(got.analysed).toEqual([3, 4]);
  });
});

describe("ingestItems story merge", () => {
  it("merges the two stories of one event's two parts once reports of both come, deleting one with its report", async () => {
    const g = GROUNDING;
    const item = (name: string, text: string, outlet: string, hour: number): IngestItem => ({
      kind: "article",
      article: { ...article(name, text, outlet), published: `2026-03-10T0${hour}:00:00Z` },
    });
    const first = [item("port", g.PORT, "Lowland Courier", 0), item("crew", g.CREW, "Tidewater Post", 1)];
    const then = [
      item("both", `${g.PORT} ${g.CREW}`, "Estuary Daily", 2),
      item("later", `${g.CREW} ${g.OIL}`, "Harbour Daily", 3),
      item("after", `${g.PORT} ${g.OIL}`, "Valley Farmer", 4),
    ];
    const run = async (merge: boolean) => {
      const store = await fresh();
      const analysis = countingAnalysis();
      const assigner: IngestOptions["assigner"] = (index) => new OnlineClusterer(index, { merge });
      await ingestItems(store, items(first), options({ assigner, analyzeStory: analysis.analyzeStory }));
      const port = (await storyOf(store, "port", "Lowland Courier")).summary.id;
      expect(await store.report(port)).toBeDefined();
      const summary = await ingestItems(store, items(then), options({ assigner, analyzeStory: analysis.analyzeStory }));
      const parts = [];
      for (const s of await store.stories({ order: "biggest", limit: 10 })) {
        const names = (await store.storyArticles(s.id)).map((a) => a.article.id);
        parts.push({ names, outlets: s.outletCount, report: (await store.report(s.id)) !== undefined });
      }
      const gone = { story: await store.story(port), report: await store.report(port) };
      const pending = await store.pendingCount();
      await store.close();
      return { summary, parts, gone, pending, analysed: analysis.calls.map((c) => c.length) };
    };
    // Without the merge the two parts stay apart, each taking the reports nearest it.
    expect((await run(false)).parts.map((p) => p.names)).toEqual([
      ["port", "both", "after"],
      ["crew", "later"],
    ]);
    // With it, the port's story goes into the crew's (the story joined by the later report).
    const got = await run(true);
    expect(got.parts).toEqual([{ names: ["port", "crew", "both", "later", "after"], outlets: 5, report: true }]);
    expect(got.gone).toEqual({ story: undefined, report: undefined });
    expect(got.summary).toMatchObject({ added: 3, storiesNew: 0, analysed: 1, pendingTotal: 0 });
    expect(got.pending).toBe(0);
    // Each part was analysed once on its own, then the merged story once with all five.
    expect(got.analysed).toEqual([1, 1, 5]);
  });
});
