import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { emptyReport, GROUNDING, reportArticleOf, TWO_FIRES } from "../../test/fixtures.js";
import { OnlineClusterer } from "../cluster/clusterer.js";
import type { StoryIndex } from "../cluster/types.js";
import type { IngestItem } from "../ingest/index.js";
import type { Article, StoryReport } from "../model/index.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import type { Store } from "../store/types.js";
import { renderServedStoryPage, STORY_PAGE_RENDERER } from "../web/pages/stored-page.js";
import { analyseJob, clusterJob, ingestJob, type JobQueue } from "./handlers.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-jobs-"));
let n = 0;
const fresh = () => openSqliteStore(join(dir, `jobs-${n++}.db`));
const assigner = (index: StoryIndex) => new OnlineClusterer(index);

/** Invented reports: three of a ferry grounding in the same words and names, one of an orchard hailstorm. */
const TEXTS = [
  [
    "ferry-a",
    "The Vell estuary ferry Marisol ran aground near Ostrelo on Tuesday, and coastguard boats took 40 passengers ashore, the Ostrelo harbour office said.",
  ],
  [
    "ferry-b",
    "Coastguard crews lifted 40 passengers off the Marisol after the Vell estuary ferry grounded near Ostrelo; harbour master Ilse Varga said nobody was hurt.",
  ],
  [
    "orchard-a",
    "Hail destroyed much of the apple harvest in the Tarnow valley on Tuesday, growers' cooperative Kellen Fruit said, putting 300 seasonal jobs at risk.",
  ],
  [
    "ferry-c",
    "Ilse Varga, Ostrelo's harbour master, said the Marisol would be towed off the Vell estuary sandbank near Ostrelo once divers had checked its hull.",
  ],
] as const;

function article(id: string, text: string): Article {
  return {
    id,
    source: `${id}.txt`,
    outlet: `Outlet ${id}`,
    title: text.split(/[,;]/)[0] ?? text,
    published: "2026-03-10",
    text,
    removedBoilerplate: [],
    diagnostics: [],
  };
}

async function* items(list: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* list;
}

const stream = (): IngestItem[] => [
  ...TEXTS.map(([id, text]): IngestItem => ({ kind: "article", article: article(id, text) })),
  { kind: "problem", problem: { source: "broken.html", code: "NOT_ARTICLE", message: "not an article" } },
];

/** A queue that records what it was asked for. */
function recorder(): JobQueue & { clusters: number; analyses: number[] } {
  const q = {
    clusters: 0,
    analyses: [] as number[],
    async cluster() {
      q.clusters++;
    },
    async analyse(stories: readonly number[], _tx: Store) {
      q.analyses.push(...stories);
    },
  };
  return q;
}

/** A report naming the articles it was given, for the store to keep; its findings are empty. */
function fakeReport(articles: Article[]): StoryReport {
  return emptyReport(articles, articles.map((a) => a.id).join(" "));
}

describe("job handlers", () => {
  it("an ingest job stores each article once, unplaced, names the problems and asks for clustering", async () => {
    const store = await fresh();
    const queue = recorder();
    const first = await ingestJob(store, items(stream()), queue);
    expect(first).toMatchObject({ read: 5, added: 4, alreadyStored: 0 });
    expect(first.problems.map((p) => p.code)).toEqual(["NOT_ARTICLE"]);
    const again = await ingestJob(store, items(stream()), queue);
    expect(again).toMatchObject({ added: 0, alreadyStored: 4 });
    expect(queue.clusters).toBe(2);
    expect((await store.unplacedArticles(10)).map((u) => u.article.id)).toEqual([
      "ferry-a",
      "ferry-b",
      "orchard-a",
      "ferry-c",
    ]);
    expect((await store.counts()).stories).toBe(0);
    await store.close();
  });

  it("a cluster job places what waits as the in-process ingest would, and asks once per changed story", async () => {
    const store = await fresh();
    const queue = recorder();
    await ingestJob(store, items(stream()), queue);
    const result = await clusterJob(store, assigner, queue, { batchSize: 2, batches: 1 });
    expect(result).toMatchObject({ placed: 2, more: true });
    expect(queue.clusters).toBe(2);
    const rest = await clusterJob(store, assigner, queue, { batchSize: 2 });
    expect(rest).toMatchObject({ placed: 2, more: false });
    expect(await store.unplacedArticles(10)).toEqual([]);
    const stories = await store.stories({ order: "biggest", limit: 10 });
    expect(stories.map((s) => s.articleCount)).toEqual([3, 1]);
    const ferry = stories[0]?.id as number;
    // Batch one touched the ferry story once; batch two the orchard story and the ferry story again; with
    // nothing left to place, both waiting stories are asked for once more.
    expect(queue.analyses.filter((s) => s === ferry)).toHaveLength(3);
    expect(queue.analyses).toHaveLength(5);
    await store.close();
  });

  it("a cluster job splits a bridged story as the in-process ingest does, and asks for both parts", async () => {
    const store = await fresh();
    const queue = recorder();
    const f = TWO_FIRES;
    const texts = [f.FIRE_A, f.BOTH_FIRES, f.FIRE_B, f.FIRE_A_REWRITE, f.FIRE_A_AFTER];
    const names = ["mill", "both", "warehouse", "mill-2", "mill-3"];
    const list = texts.map((text, i): IngestItem => {
      // Untitled, so that the reports are compared on their texts alone, as the clusterer's own test does.
      const { title: _, ...untitled } = article(names[i] as string, text);
      return { kind: "article", article: { ...untitled, published: `2026-03-10T0${i}:00:00Z` } };
    });
    await ingestJob(store, items(list), queue);
    await clusterJob(store, assigner, queue, { batchSize: 3, batches: 1 });
    const mill = queue.analyses[0] as number;
    const placed = await store.storyArticles(mill);
    expect(placed.map((a) => a.article.id)).toEqual(["mill", "both", "warehouse"]);
    expect(queue.analyses).toEqual([mill]);
    const both = placed[1]?.id as number;
    // The fourth article splits the story: the part that leaves is asked for in the batch that split it.
    const result = await clusterJob(store, assigner, queue, { batchSize: 1, batches: 1 });
    expect(result).toMatchObject({ placed: 1, more: true });
    expect(queue.analyses.slice(1).sort()).toEqual([mill, both]);
    expect((await store.storyArticles(both)).map((a) => a.article.id)).toEqual(["both", "warehouse"]);
    expect((await store.storyArticles(mill)).map((a) => a.article.id)).toEqual(["mill", "mill-2"]);
    await store.close();
  });

  it("a cluster job merges two stories of one event as the in-process ingest does, and asks for the kept one only", async () => {
    const store = await fresh();
    const queue = recorder();
    const g = GROUNDING;
    const texts = [g.PORT, g.CREW, `${g.PORT} ${g.CREW}`, `${g.CREW} ${g.OIL}`];
    const names = ["port", "crew", "both", "later"];
    const list = texts.map((text, i): IngestItem => {
      const { title: _, ...untitled } = article(names[i] as string, text);
      return { kind: "article", article: { ...untitled, published: `2026-03-10T0${i}:00:00Z` } };
    });
    await ingestJob(store, items(list), queue);
    await clusterJob(store, assigner, queue, { batchSize: 2, batches: 1 });
    const [port, crew] = queue.analyses as [number, number];
    expect((await store.storyArticles(port)).map((a) => a.article.id)).toEqual(["port"]);
    // The fourth article merges the port's story into the crew's: only the kept story is asked for, by the batch
    // and again by the sweep of waiting stories once nothing is left to place.
    await clusterJob(store, assigner, queue, { batchSize: 2, batches: 1 });
    expect(queue.analyses.slice(2)).toEqual([crew, crew]);
    expect(await store.story(port)).toBeUndefined();
    expect((await store.storyArticles(crew)).map((a) => a.article.id)).toEqual(["port", "crew", "both", "later"]);
    expect(await analyseJob(store, port, fakeReport)).toBe("gone");
    await store.close();
  });

  it("an analyse job stores a current report of the story's voices; an unknown story is gone", async () => {
    const store = await fresh();
    const queue = recorder();
    await ingestJob(store, items(stream()), queue);
    await clusterJob(store, assigner, queue);
    const ferry = (await store.stories({ order: "biggest", limit: 1 }))[0]?.id as number;
    expect(await analyseJob(store, ferry, fakeReport)).toBe("current");
    expect((await store.report(ferry))?.report.story.title).toBe("ferry-a ferry-b ferry-c");
    expect((await store.story(ferry))?.reportVersion).toBe(3);
    expect(await store.pendingStories(10)).not.toContain(ferry);
    // Its page is rendered and kept with it (render on write).
    const page = await store.page(ferry, STORY_PAGE_RENDERER);
    const report = (await store.report(ferry))?.report;
    expect(page?.reportVersion).toBe(3);
    expect(report && gunzipSync(page?.gzip ?? new Uint8Array()).toString()).toBe(
      report && renderServedStoryPage(report, ferry),
    );
    expect(await analyseJob(store, 999, fakeReport)).toBe("gone");
    expect(await store.page(999, STORY_PAGE_RENDERER)).toBeUndefined();
    await store.close();
  });

  it("an analyse job's report names the story's copies beside the articles they copy", async () => {
    const store = await fresh();
    const queue = recorder();
    const [id, text] = TEXTS[0];
    // The first report run again word for word by another outlet: a copy, left out of the voices.
    const copy: IngestItem = { kind: "article", article: { ...article(id, text), outlet: "Invented Copy Desk" } };
    await ingestJob(store, items([...stream(), copy]), queue);
    await clusterJob(store, assigner, queue);
    const ferry = (await store.stories({ order: "biggest", limit: 1 }))[0]?.id as number;
    const listing = (articles: Article[]): StoryReport => ({
      ...fakeReport(articles),
      articles: articles.map(reportArticleOf),
    });
    expect(await analyseJob(store, ferry, listing)).toBe("current");
    const report = (await store.report(ferry))?.report;
    expect(report?.articles.map((a) => a.id)).toEqual(["ferry-a", "ferry-b", "ferry-c"]);
    const stored = (await store.storyArticles(ferry)).find((a) => a.copyOf !== undefined);
    expect(report?.provenance.copies).toEqual([
      {
        article: "ferry-a",
        copy: expect.objectContaining({ id: "ferry-a", storeId: stored?.id, outlet: "Invented Copy Desk" }),
      },
    ]);
    await store.close();
  });
});
