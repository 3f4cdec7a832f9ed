import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  type AssignmentWrite,
  type Field,
  MemoryStoryIndex,
  type PackedVector,
  SPLIT_MAX_MEMBERS,
  type StoryIndex,
  type StoryState,
} from "../cluster/types.js";
import type { Article, StoryReport } from "../model/index.js";
import { MAX_POSTINGS_PER_KEY } from "./story-index.js";
import type { NewArticle, Store, StoryListOptions } from "./types.js";

/** A fresh, empty store, and a way to open the same data again as another connection would. */
export interface StoreFixture {
  store: Store;
  reopen: () => Promise<Store>;
}

/** What a contract test may ask of the store it opens (each adapter's open options). */
export interface StoreFixtureOptions {
  maxStories?: number;
}

const AT = "2026-03-10T08:00:00.000Z";

/** An invented article; `n` varies its words. */
export function inventedArticle(n: number, over: Partial<Article> = {}): Article {
  return {
    id: `wire-${n}`,
    source: `feeds/wire-${n}.txt`,
    outlet: "Lowland Courier",
    title: `Ferry service ${n} resumes on the Vell estuary`,
    published: `2026-03-${String(10 + (n % 9)).padStart(2, "0")}T09:00:00Z`,
    text: `The ferry across the Vell estuary ran again on day ${n}, the harbour office said.\n\nCrews had checked the landing stage.`,
    removedBoilerplate: [],
    diagnostics: [],
    ...over,
  };
}

function newArticle(article: Article, key = `hash:${article.id}`): NewArticle {
  return { key, contentHash: key.slice(5), article, ingestedAt: AT };
}

function report(title: string, disputed: number, discrepancies: number): StoryReport {
  return {
    schema: "triangulate.story/1",
    story: { id: "s", title, articleCount: 1 },
    articles: [],
    entities: [],
    quotes: [],
    facts: Array.from({ length: disputed + 1 }, (_, i) => ({
      id: `f${i}`,
      text: "t",
      kind: i < disputed ? "disputed" : "unique",
      sources: [],
      evidence: [],
    })),
    discrepancies: Array.from({ length: discrepancies }, (_, i) => ({
      id: `d${i}`,
      kind: "number",
      about: "a",
      explanation: "e",
      values: [],
    })),
    certainty: [],
    provenance: { citations: [], reuse: [] },
    timeline: [],
    relations: [],
    brief: [],
  } as StoryReport;
}

/**
 * Stores a report as a store of an earlier build did, in a database migrated only so far: its row alone (an
 * earlier build filed it under nothing else), the story no longer waiting. For tests of the migrations that
 * bring such a store up to date.
 */
export async function storeReportAsBefore(
  // biome-ignore lint/suspicious/noExplicitAny: a store's database as any test opened it
  db: Kysely<any>,
  storyId: number,
  version: number,
  report: StoryReport,
  at: string,
): Promise<void> {
  await sql`insert into story_reports (story_id, version, updated_at, report) values (${storyId}, ${version}, ${at}, ${JSON.stringify(report)})`.execute(
    db,
  );
  await sql`delete from pending_stories where story_id = ${storyId}`.execute(db);
}

/**
 * A report of articles `[id, outlet]` naming entities `[id, name, ...aliases]`: the first article is the
 * origin and the only source of a claim no other article has.
 */
function namedReport(articles: [string, string][], entities: [string, string, ...string[]][]): StoryReport {
  const first = articles[0]?.[0] ?? "";
  return {
    ...report("Named", 0, 0),
    articles: articles.map(([id, outlet]) => ({
      id,
      source: `feeds/${id}.txt`,
      outlet,
      text: "The ferry ran again.",
      wordCount: 4,
      removedBoilerplate: [],
    })),
    entities: entities.map(([id, name, ...aliases]) => ({
      id,
      name,
      type: id.startsWith("person:") ? "person" : "place",
      aliases,
      mentions: [],
    })),
    facts: [{ id: "f0", text: "The ferry ran again.", kind: "unique", sources: [first], evidence: [] }],
    provenance: { origin: { name: articles[0]?.[1] ?? "", article: first }, citations: [], reuse: [] },
  };
}

/** Adds an article and files it: a new story when `story` is absent. */
async function file(store: Store, article: Article, story?: number, copyOf?: number): Promise<number> {
  return store.transaction(async (tx) => {
    const id = await tx.addArticle(newArticle(article));
    await tx.placeArticle(id, {
      storyId: story ?? id,
      isNew: story === undefined,
      ...(copyOf === undefined ? {} : { copyOf }),
      at: article.published ?? AT,
    });
    return id;
  });
}

function state(id: string, first: number, last: number, terms: string[]): StoryState {
  return {
    id,
    size: 1,
    first,
    last,
    centroid: { title: new Map(terms.map((t) => [t, 1])), body: new Map([["b", 0.5]]), entities: new Map() },
  };
}

function write(doc: string, story: StoryState, keys: string[], bands: string[], isNew: boolean): AssignmentWrite {
  return {
    doc,
    time: story.last,
    story,
    isNew,
    terms: keys,
    keys,
    signature: Uint32Array.from([Number(doc), 7, 0xffffffff]),
    bands,
  };
}

/** A member's packed vectors, varied by `n` (weights that are no short decimals, to read back exactly). */
function vectors(n: number): Record<Field, PackedVector> {
  return {
    title: { terms: ["t:ferry", `t:w${n}`], weights: [1 / 3, Math.sqrt(8 / 9)] },
    body: { terms: [`b:w${n % 2}`], weights: [1] },
    entities: { terms: [], weights: [] },
  };
}

/** A write of document `doc` into story `story` of `size` documents, with its member's vectors. */
function memberWrite(doc: number, story: number, size: number, day: number): AssignmentWrite {
  const at = day * 24 * 3600 * 1000;
  return {
    ...write(String(doc), { ...state(String(story), 0, at, ["ferry"]), size }, [`t:k${doc}`], [`m${doc}`], size === 1),
    time: at,
    vectors: vectors(doc),
  };
}

/** How many member rows the store holds for a story. */
async function memberRows(s: Store, story: number): Promise<number> {
  const text = `select count(*) as n from cluster_members where story_id = ${s.dialect === "postgres" ? "$1" : "?"}`;
  return Number(((await s.executeSql(text, [story])).rows[0] as { n: number }).n);
}

/**
 * The behaviour every store adapter must have, run by each adapter's test file with a factory of empty
 * stores: `storeContract("sqlite", async () => ...)`.
 */
export function storeContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`store contract: ${name}`, () => {
    it("starts empty and finds no article under an unknown key", async () => {
      const { store } = await make();
      expect(await store.counts()).toEqual({ articles: 0, copies: 0, stories: 0, pending: 0 });
      expect(await store.articleByKey("hash:none")).toBeUndefined();
      expect(await store.stories({ order: "newest", limit: 10 })).toEqual([]);
      expect(await store.story(1)).toBeUndefined();
      expect(await store.report(1)).toBeUndefined();
      await store.close();
    });

    it("gives an article back as it was stored, found by its key", async () => {
      const { store } = await make();
      const article = inventedArticle(1, {
        author: "Ines Marlow",
        removedBoilerplate: ["Subscribe for more"],
        diagnostics: [{ code: "NO_DATE", message: "no date" }],
      });
      const id = await file(store, article);
      expect(await store.articleByKey("hash:wire-1")).toEqual({ id, storyId: id });
      const [stored] = await store.storyArticles(id);
      expect(stored?.article).toEqual(article);
      expect(stored?.storyId).toBe(id);
      expect(stored?.copyOf).toBeUndefined();
      const bare = inventedArticle(2);
      delete bare.outlet;
      delete bare.title;
      delete bare.published;
      const bareId = await file(store, bare);
      expect((await store.storyArticles(bareId))[0]?.article).toEqual(bare);
      expect(await store.article(id)).toEqual(stored);
      expect(await store.article(bareId + 1000)).toBeUndefined();
      await store.close();
    });

    it("refuses a second article under one key and keeps nothing of a failed transaction", async () => {
      const { store } = await make();
      await file(store, inventedArticle(1));
      await expect(file(store, inventedArticle(1, { text: "Other words." }))).rejects.toThrow();
      await expect(
        store.transaction(async (tx) => {
          await tx.addArticle(newArticle(inventedArticle(2)));
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      expect(await store.articleByKey("hash:wire-2")).toBeUndefined();
      expect((await store.counts()).articles).toBe(1);
      await store.close();
    });

    it("counts a story's articles, copies, outlets and dates, and raises its version with each article", async () => {
      const { store } = await make();
      const first = await file(store, inventedArticle(1, { published: "2026-03-11" }));
      await file(store, inventedArticle(2, { published: "2026-03-09", outlet: "Tidewater Post" }), first);
      await file(store, inventedArticle(3, { published: "2026-03-14" }), first, first);
      const other = await file(store, inventedArticle(4, { outlet: "Tidewater Post", title: "Bridge toll debate" }));
      const story = await store.story(first);
      expect(story).toMatchObject({
        id: first,
        title: "Ferry service 1 resumes on the Vell estuary",
        articleCount: 3,
        copyCount: 1,
        outletCount: 2,
        articlesWithoutOutlet: 0,
        outlets: ["Lowland Courier", "Tidewater Post"],
        firstPublished: "2026-03-09",
        lastPublished: "2026-03-14",
        version: 3,
        disputedFacts: 0,
        discrepancies: 0,
      });
      expect(story?.reportVersion).toBeUndefined();
      expect(await store.reportVersion(first)).toBeUndefined();
      expect(await store.reportVersion(other + 1000)).toBeUndefined();
      expect((await store.story(other))?.articleCount).toBe(1);
      const articles = await store.storyArticles(first);
      expect(articles.map((a) => a.article.id)).toEqual(["wire-1", "wire-2", "wire-3"]);
      expect(articles[2]?.copyOf).toBe(first);
      expect(await store.pendingStories(10)).toEqual([first, other]);
      expect(await store.pendingStories(10, first)).toEqual([other]);
      expect(await store.pendingStories(1)).toEqual([first]);
      expect(await store.counts()).toEqual({ articles: 4, copies: 1, stories: 2, pending: 2 });
      expect(await store.pendingCount()).toBe(2);
      await store.close();
    });

    it("moves a split's articles to their new story: counts, outlets, dates and titles of both from their articles, both waiting", async () => {
      const { store } = await make();
      const first = await file(store, inventedArticle(1, { published: "2026-03-11" }));
      const a2 = await file(store, inventedArticle(2, { published: "2026-03-12", outlet: "Tidewater Post" }), first);
      const a3 = await file(
        store,
        inventedArticle(3, { published: "2026-03-15", outlet: "Harbour Daily", title: "Toll bridge vote" }),
        first,
      );
      // A copy of the first article that leaves with the third, and one of the third that leaves with it.
      const a4 = await file(store, inventedArticle(4, { published: "2026-03-16", outlet: "" }), first, first);
      const a5 = await file(store, inventedArticle(5, { published: "2026-03-17", outlet: "Harbour Daily" }), first, a3);
      const before = await store.story(first);
      expect(before).toMatchObject({ articleCount: 5, copyCount: 2, outletCount: 3, articlesWithoutOutlet: 1 });
      await store.transaction((tx) => tx.splitStory({ from: first, to: a3, articles: [a3, a4, a5], at: AT }));
      expect(await store.story(first)).toMatchObject({
        title: "Ferry service 1 resumes on the Vell estuary",
        articleCount: 2,
        copyCount: 0,
        outletCount: 2,
        articlesWithoutOutlet: 0,
        outlets: ["Lowland Courier", "Tidewater Post"],
        firstPublished: "2026-03-11",
        lastPublished: "2026-03-12",
        version: (before?.version ?? 0) + 1,
      });
      expect(await store.story(a3)).toMatchObject({
        title: "Toll bridge vote",
        articleCount: 3,
        copyCount: 1,
        outletCount: 1,
        articlesWithoutOutlet: 1,
        outlets: ["Harbour Daily"],
        firstPublished: "2026-03-15",
        lastPublished: "2026-03-17",
        version: 1,
      });
      expect((await store.storyArticles(first)).map((a) => a.id)).toEqual([first, a2]);
      const moved = await store.storyArticles(a3);
      expect(moved.map((a) => [a.id, a.storyId, a.copyOf])).toEqual([
        [a3, a3, undefined],
        [a4, a3, undefined],
        [a5, a3, a3],
      ]);
      expect(await store.pendingStories(10)).toEqual([first, a3]);
      expect(await store.counts()).toEqual({ articles: 5, copies: 1, stories: 2, pending: 2 });
      await expect(
        store.transaction((tx) => tx.splitStory({ from: a3, to: first, articles: [a5], at: AT })),
      ).rejects.toThrow(/new, found it stored/);
      // The index names every stored story as taken, in the time window or not, so that a split starts none of them.
      expect(await store.storyIndex().retired?.([String(first), String(a2), String(a3), "x"])).toEqual(
        new Set([String(first), String(a3)]),
      );
      // The part left behind without the article that started the story is known by its earliest article.
      await store.transaction((tx) => tx.splitStory({ from: a3, to: a4, articles: [a3, a5], at: AT }));
      expect(await store.story(a3)).toMatchObject({
        title: "Ferry service 4 resumes on the Vell estuary",
        articleCount: 1,
      });
      expect(await store.story(a4)).toMatchObject({ title: "Toll bridge vote", articleCount: 2, copyCount: 1 });
      await store.close();
    });

    it("moves a merged story's articles into the story kept and deletes it with its report and sums; the kept one waits", async () => {
      const { store } = await make();
      const kept = await file(store, inventedArticle(1, { published: "2026-03-11", outlet: "Tidewater Post" }));
      const k2 = await file(store, inventedArticle(2, { published: "2026-03-12", outlet: "Tidewater Post" }), kept);
      const gone = await file(store, inventedArticle(3, { published: "2026-03-14", outlet: "Harbour Daily" }));
      const g2 = await file(store, inventedArticle(4, { published: "2026-03-15", outlet: "" }), gone, gone);
      const other = await file(store, inventedArticle(5, { published: "2026-03-16" }));
      await store.saveReport(gone, 1, namedReport([["a3", "Harbour Daily"]], [["person:ana-ruiz", "Ana Ruiz"]]), AT);
      await store.saveReport(other, 1, namedReport([["a5", "Lowland Courier"]], [["person:ana-ruiz", "Ana Ruiz"]]), AT);
      await store.saveReport(kept, 1, namedReport([["a1", "Tidewater Post"]], [["place:portavel", "Portavel"]]), AT);
      expect(await store.entity("person:ana-ruiz", { limit: 5 })).toMatchObject({ storyCount: 2 });
      const before = await store.story(kept);
      await store.transaction((tx) => tx.mergeStories({ from: gone, into: kept, at: AT }));
      expect(await store.story(kept)).toMatchObject({
        articleCount: 4,
        copyCount: 1,
        outletCount: 2,
        articlesWithoutOutlet: 1,
        outlets: ["Harbour Daily", "Tidewater Post"],
        firstPublished: "2026-03-11",
        lastPublished: "2026-03-15",
        version: (before?.version ?? 0) + 1,
      });
      expect((await store.storyArticles(kept)).map((a) => [a.id, a.storyId, a.copyOf])).toEqual([
        [kept, kept, undefined],
        [k2, kept, undefined],
        [gone, kept, undefined],
        [g2, kept, gone],
      ]);
      expect(await store.story(gone)).toBeUndefined();
      expect(await store.report(gone)).toBeUndefined();
      expect(await store.storyArticles(gone)).toEqual([]);
      // What the gone story's report filed leaves the filters and sums; the kept story waits for a new report.
      expect(await store.entity("person:ana-ruiz", { limit: 5 })).toMatchObject({ storyCount: 1, stories: [other] });
      expect(await store.outlet("Harbour Daily", { limit: 5 })).toBeUndefined();
      expect(await store.stories({ order: "newest", limit: 10, outlet: "Harbour Daily" })).toEqual([]);
      expect(await store.pendingStories(10)).toEqual([kept]);
      expect(await store.counts()).toEqual({ articles: 5, copies: 1, stories: 2, pending: 1 });
      await expect(store.transaction((tx) => tx.mergeStories({ from: gone, into: kept, at: AT }))).rejects.toThrow(
        /expected articles in story/,
      );
      await expect(store.transaction((tx) => tx.mergeStories({ from: other, into: gone, at: AT }))).rejects.toThrow(
        /to be stored/,
      );
      await store.close();
    });

    it("counts the articles that name no outlet apart from the outlets, copies included", async () => {
      const { store } = await make();
      const unnamed = (n: number): Article => {
        const { outlet: _, ...article } = inventedArticle(n);
        return article;
      };
      const first = await file(store, unnamed(1));
      await file(store, inventedArticle(2), first);
      await file(store, inventedArticle(3, { outlet: "" }), first);
      await file(store, unnamed(4), first, first);
      await file(store, inventedArticle(5), first);
      const named = await file(store, inventedArticle(6));
      await file(store, inventedArticle(7, { outlet: "Tidewater Post" }), named);
      expect(await store.story(first)).toMatchObject({
        articleCount: 5,
        outletCount: 1,
        articlesWithoutOutlet: 3,
        outlets: ["Lowland Courier"],
      });
      expect(await store.story(named)).toMatchObject({ articleCount: 2, outletCount: 2, articlesWithoutOutlet: 0 });
      const alone = await file(store, unnamed(8));
      expect(await store.story(alone)).toMatchObject({ outletCount: 0, articlesWithoutOutlet: 1, outlets: [] });
      const listed = await store.stories({ order: "newest", limit: 10 });
      expect(listed.map((s) => [s.id, s.articlesWithoutOutlet])).toEqual([
        [alone, 1],
        [named, 0],
        [first, 3],
      ]);
      await store.close();
    });

    it("serves a kept page only while it is of the stored report and of the renderer asked for", async () => {
      const { store, reopen } = await make();
      const id = await file(store, inventedArticle(1));
      const other = await file(store, inventedArticle(2, { title: "Bridge toll debate" }));
      const page = (version: number, renderer = "page/1") => ({
        storyId: id,
        reportVersion: version,
        renderer,
        etag: `W/"v${version}"`,
        br: new Uint8Array([1, 2, 3, version]),
        gzip: new Uint8Array([0, 255, version]),
      });
      await store.savePage(page(1));
      expect(await store.page(id, "page/1")).toBeUndefined();
      await store.saveReport(id, 1, report("Ferry runs again", 0, 0), AT);
      // Stored before its report: dropped with the report stored after it.
      expect(await store.page(id, "page/1")).toBeUndefined();
      await store.savePage(page(1));
      const kept = await store.page(id, "page/1");
      expect(kept).toEqual(page(1));
      expect(kept?.br).toBeInstanceOf(Uint8Array);
      expect(await store.page(id, "page/2")).toBeUndefined();
      // Asked for whatever renderer kept it: the page, naming its renderer.
      expect(await store.page(id)).toEqual(page(1));
      expect(await store.page(other, "page/1")).toBeUndefined();
      expect(await store.page(other)).toBeUndefined();
      await file(store, inventedArticle(3), id);
      await store.saveReport(id, 2, report("Ferry runs again", 1, 0), AT);
      expect(await store.page(id, "page/1")).toBeUndefined();
      // Negative: a page of an earlier report is not the story's page, whatever renderer is asked for.
      expect(await store.page(id)).toBeUndefined();
      await store.transaction((tx) => tx.savePage(page(2)));
      const again = await reopen();
      expect(await again.page(id, "page/1")).toEqual(page(2));
      // Another report stored under the same version is not the report the page was rendered from.
      await store.saveReport(id, 2, report("Ferry runs again, revised", 1, 0), AT);
      expect(await store.page(id, "page/1")).toBeUndefined();
      expect(await again.page(id, "page/1")).toBeUndefined();
      await again.close();
      await store.close();
    });

    it("keeps a report with its version; only a report of the latest version ends the wait", async () => {
      const { store } = await make();
      const id = await file(store, inventedArticle(1));
      expect(await store.saveReport(id, 1, report("Ferry runs again", 2, 3), AT)).toBe(true);
      expect(await store.pendingStories(10)).toEqual([]);
      const stored = await store.report(id);
      expect(stored).toMatchObject({ storyId: id, version: 1, updatedAt: AT });
      expect(stored?.report).toEqual(report("Ferry runs again", 2, 3));
      expect(await store.reportText(id)).toEqual({
        storyId: id,
        version: 1,
        updatedAt: AT,
        json: JSON.stringify(report("Ferry runs again", 2, 3)),
      });
      expect(await store.reportText(id + 1000)).toBeUndefined();
      expect(await store.reportVersion(id)).toBe(1);
      expect(await store.story(id)).toMatchObject({
        title: "Ferry runs again",
        reportVersion: 1,
        disputedFacts: 2,
        discrepancies: 3,
      });

      await file(store, inventedArticle(2), id);
      expect(await store.pendingStories(10)).toEqual([id]);
      expect(await store.saveReport(id, 1, report("Stale", 0, 0), AT)).toBe(false);
      expect(await store.pendingStories(10)).toEqual([id]);
      expect(await store.saveReport(id, 2, report("Ferry runs again", 0, 1), AT)).toBe(true);
      expect(await store.story(id)).toMatchObject({ version: 2, reportVersion: 2, discrepancies: 1 });
      expect(await store.reportVersion(id)).toBe(2);
      await store.close();
    });

    it("files each report by entity and outlet: filters and profiles read every story, and a new report moves them", async () => {
      const { store } = await make();
      const a = await file(store, inventedArticle(1));
      const b = await file(store, inventedArticle(2, { outlet: "Kestrel Bay Post" }));
      await file(store, inventedArticle(3, { outlet: "Kestrel Bay Post" }));
      // A story filed with two outlets, Ana Ruiz also as "Ruiz", the courier its origin with a claim of its own.
      await store.saveReport(
        a,
        1,
        namedReport(
          [
            ["a1", "Lowland Courier"],
            ["a2", "Kestrel Bay Post"],
          ],
          [["person:ana-ruiz", "Ana Ruiz", "Ruiz"]],
        ),
        AT,
      );
      await store.saveReport(
        b,
        1,
        namedReport(
          [["b1", "Kestrel Bay Post"]],
          [
            ["person:ana-ruiz", "Ana Ruiz", "Dr. Ana Ruiz"],
            ["place:portavel", "Portavel"],
          ],
        ),
        AT,
      );
      const ids = async (options: Partial<StoryListOptions>) =>
        (await store.stories({ order: "newest", limit: 10, ...options })).map((s) => s.id);
      expect(await ids({ outlet: "kestrel BAY post" })).toEqual([b, a]);
      expect(await ids({ outlet: "kestrel bay post", limit: 1, offset: 1 })).toEqual([a]);
      expect(await ids({ entity: "person:ana-ruiz" })).toEqual([b, a]);
      expect(await ids({ entity: "ANA RUIZ" })).toEqual([b, a]);
      expect(await ids({ entity: "ruiz" })).toEqual([a]);
      expect(await ids({ entity: "Ana Ruiz", outlet: "Lowland Courier" })).toEqual([a]);
      expect(await ids({ entity: "Ana Ruiz", from: "2026-03-12" })).toEqual([b]);
      // Negative rows: a part of a name, an outlet no report has, a story without a report (the third).
      expect(await ids({ entity: "Ana" })).toEqual([]);
      expect(await ids({ outlet: "Velmar Post" })).toEqual([]);
      expect(await ids({ entity: "Portavel", outlet: "Lowland Courier" })).toEqual([]);

      expect(await store.entity("person:ana-ruiz", { limit: 1 })).toEqual({
        id: "person:ana-ruiz",
        name: "Ana Ruiz",
        type: "person",
        aliases: ["Dr. Ana Ruiz", "Ruiz"],
        storyCount: 2,
        stories: [b],
      });
      expect(await store.entity("person:nobody", { limit: 1 })).toBeUndefined();
      expect(await store.outlet("LOWLAND COURIER", { limit: 5 })).toMatchObject({
        name: "Lowland Courier",
        storyCount: 1,
        articles: 1,
        origin: 1,
        uniqueClaims: 1,
        stories: [{ id: a, title: "Named", articles: 1 }],
      });
      // The origin of the second story and its only source of a claim there.
      expect(await store.outlet("Kestrel Bay Post", { limit: 5 })).toMatchObject({
        storyCount: 2,
        articles: 2,
        origin: 1,
        uniqueClaims: 1,
      });

      // Stored again without the courier and without Ana Ruiz: both leave the first story's filters and sums.
      await store.saveReport(a, 1, namedReport([["a2", "Kestrel Bay Post"]], [["place:portavel", "Portavel"]]), AT);
      expect(await store.outlet("Lowland Courier", { limit: 5 })).toBeUndefined();
      expect(await store.outlet("Kestrel Bay Post", { limit: 5 })).toMatchObject({
        storyCount: 2,
        articles: 2,
        origin: 2,
        uniqueClaims: 2,
      });
      expect(await store.entity("person:ana-ruiz", { limit: 5 })).toMatchObject({
        aliases: ["Dr. Ana Ruiz"],
        storyCount: 1,
        stories: [b],
      });
      expect(await ids({ entity: "ruiz" })).toEqual([]);
      expect(await ids({ entity: "place:portavel", order: "biggest" })).toEqual([b, a]);
      await store.close();
    });

    it("lists stories newest or biggest first, a page at a time", async () => {
      const { store } = await make();
      const a = await file(store, inventedArticle(1, { published: undefined as never }));
      const b = await file(store, inventedArticle(2));
      await file(store, inventedArticle(3), a);
      const c = await file(store, inventedArticle(4));
      const ids = async (order: "newest" | "biggest", limit = 10, offset = 0) =>
        (await store.stories({ order, limit, offset })).map((s) => s.id);
      expect(await ids("biggest")).toEqual([a, c, b]);
      expect(await ids("biggest", 1, 1)).toEqual([c]);
      expect((await ids("newest")).length).toBe(3);
      expect(await ids("newest", 2, 3)).toEqual([]);
      await store.close();
    });

    it("searches titles and texts, names each hit's story, filters by outlet and dates", async () => {
      const { store } = await make();
      const a = await file(
        store,
        inventedArticle(1, { text: "Lanterns lit the quay at Ostrelo.", published: "2026-03-10T22:00:00Z" }),
      );
      await file(
        store,
        inventedArticle(2, {
          text: "Quiet night.",
          title: "Ostrelo lanterns",
          outlet: "Tidewater Post",
          published: "2026-03-12",
        }),
        a,
      );
      await file(store, inventedArticle(3, { text: "Nothing about it here.", title: "Bridge toll" }));
      const hits = await store.search("lanterns ostrelo");
      expect(hits.map((h) => h.name).sort()).toEqual(["wire-1", "wire-2"]);
      expect(hits.every((h) => h.storyId === a)).toBe(true);
      expect(hits.find((h) => h.name === "wire-1")?.snippet).toMatch(/«Lanterns».*«Ostrelo»/);
      expect(hits.find((h) => h.name === "wire-1")?.opening).toBe("Lanterns lit the quay at Ostrelo");
      expect(hits[0]?.storyTitle).toBe("Ferry service 1 resumes on the Vell estuary");
      expect((await store.search("lanterns", { outlet: "tidewater post" })).map((h) => h.name)).toEqual(["wire-2"]);
      expect((await store.search("lanterns", { since: "2026-03-11" })).map((h) => h.name)).toEqual(["wire-2"]);
      expect((await store.search("lanterns", { until: "2026-03-10" })).map((h) => h.name)).toEqual(["wire-1"]);
      expect(await store.search('"quay at" ostrelo')).toHaveLength(1);
      expect(await store.search('"ostrelo quay"')).toEqual([]);
      expect(await store.search("harbourmaster")).toEqual([]);
      expect(await store.search('lanterns* (ostrelo) : ^ -"')).toHaveLength(2);
      expect(await store.search("lanterns NOT ostrelo")).toEqual([]);
      expect(await store.search("lanterns", { limit: 1 })).toHaveLength(1);
      await expect(store.search(' * ( " ')).rejects.toThrow(/expected words/);
      await store.close();
    });

    it("keeps what it holds when opened again", async () => {
      const { store, reopen } = await make();
      const id = await file(store, inventedArticle(1));
      await store.saveReport(id, 1, report("Kept", 0, 0), AT);
      await store.storyIndex().write(write(String(id), state(String(id), 5, 5, ["kept"]), ["t:kept"], ["b1"], true));
      await store.close();
      const again = await reopen();
      expect((await again.story(id))?.title).toBe("Kept");
      expect((await again.report(id))?.version).toBe(1);
      expect(await again.storyIndex().documentCount()).toBe(1);
      expect([...((await again.storyIndex().stories([String(id)])).get(String(id))?.centroid.title ?? [])]).toEqual([
        ["kept", 1],
      ]);
      await again.close();
    });

    describe("story index", () => {
      /** The same writes through both indexes, then the same questions of both. */
      async function both(store: Store, writes: AssignmentWrite[]): Promise<[StoryIndex, StoryIndex]> {
        const memory = new MemoryStoryIndex({ windowMs: Number.MAX_SAFE_INTEGER, maxPostings: MAX_POSTINGS_PER_KEY });
        const sql = store.storyIndex();
        for (const w of writes) {
          await memory.write(w);
          await store.transaction((tx) => tx.storyIndex().write(w));
        }
        return [memory, sql];
      }

      it("answers as the in-memory index does", async () => {
        const { store } = await make();
        const s1 = state("101", 1000, 1000, ["storm"]);
        const s2 = state("102", 5000, 5000, ["storm", "flood"]);
        const s1b = { ...state("101", 1000, 2000, ["storm", "coast"]), size: 2 };
        const writes = [
          write("101", s1, ["t:storm", "e:ada"], ["x1", "x2"], true),
          write("102", s2, ["t:storm", "t:flood"], ["x2", "x3"], true),
          write("103", s1b, ["t:storm", "t:coast", "e:ada"], ["x4"], false),
        ];
        const [memory, sql] = await both(store, writes);
        for (const index of [memory, sql]) {
          expect(await index.documentCount()).toBe(3);
          expect(await index.latestTime()).toBe(5000);
          expect(await index.documentFrequencies(["t:storm", "e:ada", "t:never"])).toEqual(
            new Map([
              ["t:storm", 3],
              ["e:ada", 2],
            ]),
          );
        }
        const ask = async (index: StoryIndex) => ({
          all: await index.candidates(["t:storm", "e:ada", "t:coast"], { from: 0, to: 10_000 }, 10),
          windowed: await index.candidates(["t:storm"], { from: 3000, to: 10_000 }, 10),
          limited: await index.candidates(["t:storm", "t:flood"], { from: 0, to: 10_000 }, 1),
          none: await index.candidates(["t:unknown"], { from: 0, to: 10_000 }, 10),
          bands: (await index.bandMatches(["x2", "x4", "x9"])).map((r) => [r.doc, r.story, [...r.signature]]),
          states: [...(await index.stories(["101", "999"]))].map(([id, s]) => [
            id,
            s.size,
            s.first,
            s.last,
            [...s.centroid.title],
          ]),
        });
        const expected = await ask(memory);
        expect(expected.all).toEqual([
          { story: "101", shared: 3 },
          { story: "102", shared: 1 },
        ]);
        expect(expected.windowed).toEqual([{ story: "102", shared: 1 }]);
        expect(expected.none).toEqual([]);
        expect(expected.bands).toEqual([
          ["101", "101", [101, 7, 0xffffffff]],
          ["103", "101", [103, 7, 0xffffffff]],
        ]);
        expect(await ask(sql)).toEqual(expected);
        await store.close();
      });

      it("keeps the newest stories of a crowded key, as many as the in-memory index", async () => {
        const { store } = await make();
        const writes = Array.from({ length: MAX_POSTINGS_PER_KEY + 6 }, (_, i) =>
          write(String(100 + i), state(String(100 + i), i, i, ["crowd"]), ["t:crowd", `t:own${i}`], [], true),
        );
        const [memory, sql] = await both(store, writes);
        const window = { from: 0, to: 1e6 };
        const expected = await memory.candidates(["t:crowd"], window, 1000);
        expect(expected).toHaveLength(MAX_POSTINGS_PER_KEY);
        expect(expected.at(-1)?.story).toBe(String(106));
        expect(await sql.candidates(["t:crowd"], window, 1000)).toEqual(expected);
        expect(await sql.candidates(["t:own0"], window, 10)).toEqual([{ story: "100", shared: 1 }]);
        await store.close();
      });

      it("answers within one transaction as it goes, and the same from its rows once committed", async () => {
        const { store, reopen } = await make();
        const day = 24 * 3600 * 1000;
        const memory = new MemoryStoryIndex({ windowMs: 7 * day, maxPostings: MAX_POSTINGS_PER_KEY });
        // A crowded key (some of its stories dropped), a story filed again, bands already held, all in one
        // transaction.
        const writes = Array.from({ length: MAX_POSTINGS_PER_KEY + 4 }, (_, i) =>
          write(
            String(100 + i),
            state(String(100 + i), i, i, ["crowd"]),
            ["t:crowd", `t:own${i % 5}`],
            [`x${i}`],
            true,
          ),
        );
        writes.push(write("300", { ...state("100", 0, 2, ["crowd"]), size: 2 }, ["t:own0", "t:late"], ["x1"], false));
        writes.push(write("301", state("301", 3 * day, 3 * day, ["far"]), ["t:far"], ["x2", "x3", "y9"], true));
        const window = { from: 0, to: 10 * day };
        const ask = async (index: StoryIndex) => ({
          crowd: await index.candidates(["t:crowd", "t:own0"], window, 1000),
          late: await index.candidates(["t:late", "t:far"], window, 10),
          bands: (await index.bandMatches(["x1", "x3", "x5", "y9"])).map((r) => [r.doc, r.story]),
          states: [...(await index.stories(["100", "101", "301"])).values()].map((s) => [s.id, s.size, s.last]).sort(),
          documents: await index.documentCount(),
          frequencies: [...(await index.documentFrequencies(["t:own0", "t:late"]))],
        });
        for (const w of writes) await memory.write(w);
        const expected = await ask(memory);
        expect(expected.crowd.length).toBeGreaterThan(MAX_POSTINGS_PER_KEY);
        expect(expected.bands).toEqual([
          ["101", "101"],
          ["103", "103"],
          ["105", "105"],
          ["301", "301"],
        ]);
        const during = await store.transaction(async (tx) => {
          for (const w of writes) await tx.storyIndex().write(w);
          return ask(tx.storyIndex());
        });
        expect(during).toEqual(expected);
        expect(await ask(store.storyIndex())).toEqual(expected);
        await store.close();
        const again = await reopen();
        expect(await ask(again.storyIndex())).toEqual(expected);
        await again.close();
      });

      it("stops handing out a story and its band buckets once it leaves the time window, as the in-memory index evicts it", async () => {
        const { store } = await make();
        const day = 24 * 3600 * 1000;
        const memory = new MemoryStoryIndex({ maxPostings: MAX_POSTINGS_PER_KEY });
        const sql = store.storyIndex();
        const writes = [
          write("101", state("101", 0, 0, ["old"]), ["t:old"], ["x1", "x2"], true),
          write("102", state("102", 3 * day, 3 * day, ["mid"]), ["t:mid"], ["x3"], true),
          write("103", state("103", 9 * day, 9 * day, ["new"]), ["t:new"], ["x4"], true),
        ];
        const ask = async (index: StoryIndex) => ({
          states: [...(await index.stories(["101", "102", "103"])).keys()],
          bands: (await index.bandMatches(["x1", "x3", "x4"])).map((r) => r.doc),
        });
        for (const w of writes) {
          await memory.write(w);
          await sql.write(w);
        }
        const expected = await ask(memory);
        expect(expected).toEqual({ states: ["102", "103"], bands: ["102", "103"] });
        expect(await ask(sql)).toEqual(expected);
        // A later document takes over the bucket the evicted one held.
        const later = write("104", state("104", 9 * day, 9 * day, ["x"]), ["t:x"], ["x1"], true);
        await memory.write(later);
        await sql.write(later);
        expect((await sql.bandMatches(["x1"])).map((r) => r.doc)).toEqual(["104"]);
        expect((await memory.bandMatches(["x1"])).map((r) => r.doc)).toEqual(["104"]);
        await store.close();
      });

      it("deletes the rows of a story once it leaves the time window, and keeps those of stories within it and the counts of terms seen within it", async () => {
        const { store, reopen } = await make();
        const day = 24 * 3600 * 1000;
        const rows = async (s: Store, story: number, doc: number) => {
          const count = async (text: string, value: number) =>
            Number(
              (
                (await s.executeSql(text.replace("$1", s.dialect === "postgres" ? "$1" : "?"), [value])).rows[0] as {
                  n: number;
                }
              ).n,
            );
          return [
            await count("select count(*) as n from cluster_stories where story_id = $1", story),
            await count("select count(*) as n from cluster_postings where story_id = $1", story),
            await count("select count(*) as n from cluster_signatures where story_id = $1", story),
            await count("select count(*) as n from cluster_bands where article_id = $1", doc),
          ];
        };
        const writes = [
          write("101", state("101", 0, 0, ["old"]), ["t:old", "t:both"], ["x1", "x2"], true),
          write("102", { ...state("101", 0, day, ["old"]), size: 2 }, ["t:old"], ["x5"], false),
          write("103", state("103", 3 * day, 3 * day, ["mid"]), ["t:mid", "t:both"], ["x3"], true),
        ];
        const memory = new MemoryStoryIndex();
        for (const w of writes) {
          await memory.write(w);
          await store.transaction((tx) => tx.storyIndex().write(w));
        }
        expect(await rows(store, 101, 101)).toEqual([1, 2, 2, 2]);
        expect(await rows(store, 101, 102)).toEqual([1, 2, 2, 1]);
        // Nine days: story 101 (last at day 1) is out, 103 (day 3) still in.
        const late = write("104", state("104", 9 * day, 9 * day, ["new"]), ["t:new", "t:both"], ["x1"], true);
        await memory.write(late);
        await store.transaction((tx) => tx.storyIndex().write(late));
        expect(await rows(store, 101, 101)).toEqual([0, 0, 0, 0]);
        expect(await rows(store, 101, 102)).toEqual([0, 0, 0, 0]);
        expect(await rows(store, 103, 103)).toEqual([1, 2, 1, 1]);
        expect(await rows(store, 104, 104)).toEqual([1, 2, 1, 1]);
        for (const s of [store, await reopen()]) {
          const index = s.storyIndex();
          expect(await index.candidates(["t:both", "t:old"], { from: 0, to: 10 * day }, 10)).toEqual([
            { story: "104", shared: 1 },
            { story: "103", shared: 1 },
          ]);
          expect((await index.bandMatches(["x1", "x2", "x3", "x5"])).map((r) => r.doc)).toEqual(["103", "104"]);
          // No document held "old" after day 1: at day 9 its count is forgotten, as the in-memory index forgets it.
          const terms = ["t:old", "t:both", "t:mid"];
          expect(await index.documentFrequencies(terms)).toEqual(
            new Map([
              ["t:both", 3],
              ["t:mid", 1],
            ]),
          );
          expect(await index.documentFrequencies(terms)).toEqual(await memory.documentFrequencies(terms));
          expect(await index.documentCount()).toBe(4);
        }
        await store.close();
      });

      it("forgets a term's count once no document held it within the window, in the middle of a transaction as at its end, as the in-memory index does", async () => {
        const { store, reopen } = await make();
        const day = 24 * 3600 * 1000;
        const memory = new MemoryStoryIndex();
        const terms = ["t:gone", "t:early", "t:stay", "t:x", "t:lost"];
        const at = (doc: string, time: number, docTerms: string[]) =>
          write(doc, state(doc, time, time, [doc]), docTerms, [], true);
        const transactions = [
          [at("101", 0, ["t:gone", "t:early", "t:lost"]), at("102", 1.5 * day, ["t:stay"])],
          // Day 8: the window reaches back to day 1. "early" (stored at day 0) is held again by the day's first
          // document and stays; "gone" is forgotten, then held again; "lost" is forgotten for good. The second
          // transaction runs on a store opened again, whose index reads the rows not yet deleted.
          [at("103", 8.5 * day, ["t:early", "t:x"]), at("104", 8.6 * day, ["t:gone"])],
        ];
        const seen: Map<string, number>[] = [];
        const second = await reopen();
        for (const [i, writes] of transactions.entries()) {
          await (i === 0 ? store : second).transaction(async (tx) => {
            const index = tx.storyIndex();
            for (const w of writes) {
              await memory.write(w);
              await index.write(w);
              seen.push(await index.documentFrequencies(terms));
              expect(seen.at(-1)).toEqual(await memory.documentFrequencies(terms));
            }
          });
        }
        expect(seen[2]).toEqual(
          new Map([
            ["t:early", 2],
            ["t:stay", 1],
            ["t:x", 1],
          ]),
        );
        for (const s of [second, await reopen()]) {
          expect(await s.storyIndex().documentFrequencies(terms)).toEqual(
            new Map([
              ["t:gone", 1],
              ["t:early", 2],
              ["t:stay", 1],
              ["t:x", 1],
            ]),
          );
          expect(await s.storyIndex().documentCount()).toBe(4);
          await s.close();
        }
        await store.close();
      });

      it("lets a crowded key keep as many stories within the window as the in-memory index, those out of it deleted", async () => {
        const { store, reopen } = await make();
        const day = 24 * 3600 * 1000;
        const memory = new MemoryStoryIndex({ maxPostings: MAX_POSTINGS_PER_KEY });
        // Ten stories of day 0, then enough of day 9 to crowd the key past its bound had the first ten stayed.
        const writes = Array.from({ length: MAX_POSTINGS_PER_KEY + 6 }, (_, i) => {
          const t = i < 10 ? 0 : 9 * day;
          return write(String(100 + i), state(String(100 + i), t, t, ["crowd"]), ["t:crowd"], [], true);
        });
        for (const w of writes) {
          await memory.write(w);
          await store.transaction((tx) => tx.storyIndex().write(w));
        }
        const everything = { from: 0, to: 10 * day };
        const expected = await memory.candidates(["t:crowd"], everything, 1000);
        expect(expected).toHaveLength(MAX_POSTINGS_PER_KEY - 4);
        expect(expected.some((c) => Number(c.story) < 110)).toBe(false);
        expect(await store.storyIndex().candidates(["t:crowd"], everything, 1000)).toEqual(expected);
        const again = await reopen();
        expect(await again.storyIndex().candidates(["t:crowd"], everything, 1000)).toEqual(expected);
        await again.close();
        await store.close();
      });

      it("forgets what a rolled-back transaction wrote", async () => {
        const { store } = await make();
        await store.transaction((tx) =>
          tx.storyIndex().write(write("101", state("101", 1, 1, ["a"]), ["t:a"], [], true)),
        );
        await expect(
          store.transaction(async (tx) => {
            await tx
              .storyIndex()
              .write(write("102", { ...state("101", 1, 9, ["a", "z"]), size: 2 }, ["t:z"], [], false));
            throw new Error("stop");
          }),
        ).rejects.toThrow("stop");
        const index = store.storyIndex();
        expect(await index.documentCount()).toBe(1);
        expect(await index.latestTime()).toBe(1);
        expect((await index.stories(["101"])).get("101")?.size).toBe(1);
        expect(await index.candidates(["t:z"], { from: 0, to: 10 }, 5)).toEqual([]);
        expect(await index.documentFrequencies(["t:a", "t:z"])).toEqual(new Map([["t:a", 1]]));
        await store.close();
      });

      it("keeps a small story's members and splits it as the in-memory index does, within a transaction and from its rows", async () => {
        const { store, reopen } = await make();
        const memory = new MemoryStoryIndex({ maxPostings: MAX_POSTINGS_PER_KEY });
        const writes = [1, 2, 3, 4, 5].map((n) => memberWrite(100 + n, 101, n, n));
        const halves = [writes.slice(0, 3), writes.slice(3)];
        const split = {
          kept: { ...state("101", 0, 3 * 24 * 3600 * 1000, ["ferry"]), size: 3 },
          moved: { ...state("104", 0, 5 * 24 * 3600 * 1000, ["toll"]), size: 2 },
          docs: ["104", "105"],
          keys: ["t:k104", "t:k105"],
        };
        const ask = async (index: StoryIndex) => ({
          kept: (await index.members?.("101"))?.map((m) => [m.doc, m.time, m.keys, m.vectors]),
          moved: (await index.members?.("104"))?.map((m) => [m.doc, m.time, m.keys, m.vectors]),
          states: [...(await index.stories(["101", "104"])).values()].map((s) => [s.id, s.size, s.last]),
          found: await index.candidates(["t:k105", "t:k101"], { from: 0, to: 9e12 }, 10),
          bands: (await index.bandMatches(["m101", "m105"])).map((r) => [r.doc, r.story]),
        });
        for (const w of writes) await memory.write(w);
        expect((await memory.members("101")).map((m) => m.doc)).toEqual(["101", "102", "103", "104", "105"]);
        await memory.split(split);
        const expected = await ask(memory);
        expect(expected.moved?.map((m) => m[0])).toEqual(["104", "105"]);
        expect(expected.bands).toEqual([
          ["101", "101"],
          ["105", "104"],
        ]);
        await store.transaction(async (tx) => {
          for (const w of halves[0] ?? []) await tx.storyIndex().write(w);
        });
        const during = await store.transaction(async (tx) => {
          // Members of the story read from its rows and from this transaction's writes, then split.
          for (const w of halves[1] ?? []) await tx.storyIndex().write(w);
          expect((await tx.storyIndex().members?.("101"))?.map((m) => m.doc)).toEqual([
            "101",
            "102",
            "103",
            "104",
            "105",
          ]);
          await tx.storyIndex().split?.(split);
          return ask(tx.storyIndex());
        });
        expect(during).toEqual(expected);
        expect(await ask(store.storyIndex())).toEqual(expected);
        expect([await memberRows(store, 101), await memberRows(store, 104)]).toEqual([3, 2]);
        await store.close();
        const again = await reopen();
        expect(await ask(again.storyIndex())).toEqual(expected);
        await again.close();
      });

      it("merges two small stories as the in-memory index does: members in the order they joined, within a transaction and from its rows", async () => {
        const { store, reopen } = await make();
        const memory = new MemoryStoryIndex({ maxPostings: MAX_POSTINGS_PER_KEY });
        const writes = [
          memberWrite(101, 101, 1, 1),
          memberWrite(102, 102, 1, 2),
          memberWrite(103, 101, 2, 3),
          memberWrite(104, 102, 2, 4),
        ];
        const merge = {
          kept: { ...state("101", 0, 4 * 24 * 3600 * 1000, ["ferry"]), size: 4 },
          gone: "102",
          docs: ["102", "104"],
          keys: ["t:k102", "t:k104"],
        };
        const ask = async (index: StoryIndex) => ({
          kept: (await index.members?.("101"))?.map((m) => [m.doc, m.time, m.keys, m.vectors]),
          gone: (await index.members?.("102"))?.map((m) => m.doc),
          states: [...(await index.stories(["101", "102"])).values()].map((s) => [s.id, s.size, s.last]),
          found: await index.candidates(["t:k104", "t:k101"], { from: 0, to: 9e12 }, 10),
          bands: (await index.bandMatches(["m101", "m104"])).map((r) => [r.doc, r.story]),
        });
        for (const w of writes) await memory.write(w);
        await memory.merge(merge);
        const expected = await ask(memory);
        expect(expected.kept?.map((m) => m[0])).toEqual(["101", "102", "103", "104"]);
        expect(expected.gone).toEqual([]);
        expect(expected.states).toEqual([["101", 4, 4 * 24 * 3600 * 1000]]);
        expect(expected.found).toEqual([{ story: "101", shared: 2 }]);
        expect(expected.bands).toEqual([
          ["101", "101"],
          ["104", "101"],
        ]);
        await store.transaction(async (tx) => {
          for (const w of writes.slice(0, 3)) await tx.storyIndex().write(w);
        });
        const during = await store.transaction(async (tx) => {
          await tx.storyIndex().write(writes[3] as AssignmentWrite);
          await tx.storyIndex().merge?.(merge);
          return ask(tx.storyIndex());
        });
        expect(during).toEqual(expected);
        expect(await ask(store.storyIndex())).toEqual(expected);
        expect([await memberRows(store, 101), await memberRows(store, 102)]).toEqual([4, 0]);
        await store.close();
        const again = await reopen();
        expect(await ask(again.storyIndex())).toEqual(expected);
        await again.close();
      });

      it("lets a story's members go once it grows past the bound, and with the story once it leaves the window", async () => {
        const { store, reopen } = await make();
        const memory = new MemoryStoryIndex({ maxPostings: MAX_POSTINGS_PER_KEY });
        const big = Array.from({ length: SPLIT_MAX_MEMBERS + 2 }, (_, i) => memberWrite(200 + i, 200, i + 1, 1));
        const small = [memberWrite(300, 300, 1, 2), memberWrite(301, 300, 2, 2)];
        for (const w of [...big, ...small]) {
          await memory.write(w);
          await store.transaction((tx) => tx.storyIndex().write(w));
        }
        for (const index of [memory, store.storyIndex()]) {
          expect(await index.members?.("200")).toEqual([]);
          expect((await index.members?.("300"))?.map((m) => m.doc)).toEqual(["300", "301"]);
        }
        expect([await memberRows(store, 200), await memberRows(store, 300)]).toEqual([0, 2]);
        // Twelve days on: both stories are out of the window, their members' rows gone.
        const late = memberWrite(400, 400, 1, 14);
        await store.transaction((tx) => tx.storyIndex().write(late));
        expect([await memberRows(store, 300), await memberRows(store, 400)]).toEqual([0, 1]);
        const again = await reopen();
        expect((await again.storyIndex().members?.("400"))?.map((m) => m.doc)).toEqual(["400"]);
        await again.close();
        await store.close();
      });

      it("counts document frequencies within a transaction as it goes, and keeps them once committed", async () => {
        const { store, reopen } = await make();
        await store.transaction(async (tx) => {
          const index = tx.storyIndex();
          await index.write(write("101", state("101", 1, 1, ["a"]), ["t:a", "t:b"], [], true));
          expect(await index.documentFrequencies(["t:a", "t:b", "t:c"])).toEqual(
            new Map([
              ["t:a", 1],
              ["t:b", 1],
            ]),
          );
          await index.write(write("102", state("102", 2, 2, ["a"]), ["t:a"], [], true));
          expect(await index.documentFrequencies(["t:a"])).toEqual(new Map([["t:a", 2]]));
        });
        await store.close();
        const again = await reopen();
        expect(await again.storyIndex().documentFrequencies(["t:a", "t:b", "t:c"])).toEqual(
          new Map([
            ["t:a", 2],
            ["t:b", 1],
          ]),
        );
        await again.close();
      });

      it("counts a term once per document, however often the document lists it", async () => {
        const { store } = await make();
        await store.transaction(async (tx) => {
          const index = tx.storyIndex();
          await index.write({ ...write("101", state("101", 1, 1, ["a"]), ["t:a"], [], true), terms: ["t:a", "t:a"] });
          await index.write({ ...write("102", state("102", 2, 2, ["a"]), ["t:b"], [], true), terms: ["t:a", "t:b"] });
        });
        expect(await store.storyIndex().documentFrequencies(["t:a", "t:b"])).toEqual(
          new Map([
            ["t:a", 2],
            ["t:b", 1],
          ]),
        );
        await store.close();
      });

      it("hands out copies: changing a state read, or replacing its centroids, does not change the index", async () => {
        const { store, reopen } = await make();
        const index = store.storyIndex();
        await index.write(write("101", state("101", 1, 1, ["a"]), ["t:a"], [], true));
        for (const source of [store, await reopen()]) {
          const read = (await source.storyIndex().stories(["101"])).get("101") as StoryState;
          read.size = 99;
          read.last = 50;
          read.centroid.title = new Map([["b", 3]]);
          // The centroid maps are shared with the index: a write into one fails instead of changing it.
          expect(() => read.centroid.body.set("b", 3)).toThrow(/replaced, not written into/);
          expect(() => read.centroid.body.delete("b")).toThrow(/replaced, not written into/);
          const again = (await source.storyIndex().stories(["101"])).get("101");
          expect(again?.size).toBe(1);
          expect(again?.last).toBe(1);
          expect([...(again?.centroid.title ?? [])]).toEqual([["a", 1]]);
          expect([...(again?.centroid.body ?? [])]).toEqual([["b", 0.5]]);
          if (source !== store) await source.close();
        }
        await store.close();
      });
    });
  });
}
