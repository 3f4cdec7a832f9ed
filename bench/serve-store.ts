import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article, StoryReport } from "../src/model/index.js";

/** Stories written per transaction: one commit (and one full-text index segment) per this many. */
const BATCH = 500;

/**
 * Where the bench keeps the store it filled, for the next run to serve again: a folder per checkout, so that
 * a run in one worktree never deletes the store a run in another is serving.
 */
const KEPT = join(
  tmpdir(),
  "triangulate-bench-serve",
  createHash("sha256")
    .update(join(import.meta.dirname, ".."))
    .digest("base64url")
    .slice(0, 12),
);

type Example = { articles: Article[]; report: StoryReport };

/**
 * A store of `stories` stories for the bench, made by this build at `dist`: the one filled by an earlier run
 * when it was made from the same example reports, by the same store code and page renderer, else filled now
 * (and kept instead of the one before: 10,000 stories take about 1.2 GB and some 90 CPU seconds to fill).
 * With `at`, the store there as it is, or filled there when there is none.
 *
 * @example const { path, filledMs } = await benchStore(join(import.meta.dirname, "..", "dist"), 10_000)
 */
export async function benchStore(
  dist: string,
  stories: number,
  at?: string,
): Promise<{ path: string; filledMs?: number }> {
  if (at !== undefined && existsSync(at)) return { path: at };
  const examples = await exampleStories(dist);
  const path = at ?? join(KEPT, `stories-${stories}-${await buildKey(dist, examples)}.db`);
  if (existsSync(path)) return { path };
  const t = performance.now();
  if (at === undefined) {
    rmSync(KEPT, { recursive: true, force: true });
    mkdirSync(KEPT, { recursive: true });
  }
  // Filled under another name and renamed once complete: a run stopped midway leaves no store to reuse.
  const filling = `${path}.filling`;
  await fillStore(dist, filling, stories, examples);
  renameSync(filling, path);
  return { path, filledMs: performance.now() - t };
}

/** What a filled store depends on: the example reports, the store's code (schema, writes) and the page renderer. */
async function buildKey(dist: string, examples: Example[]): Promise<string> {
  const { STORY_PAGE_RENDERER } = (await import(
    join(dist, "web", "pages", "stored-page.js")
  )) as typeof import("../src/web/pages/stored-page.js");
  const hash = createHash("sha256").update(STORY_PAGE_RENDERER).update(JSON.stringify(examples));
  const storeCode = join(dist, "store");
  for (const file of readdirSync(storeCode, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.endsWith(".js")) hash.update(file).update(readFileSync(join(storeCode, file)));
  }
  return hash.digest("base64url").slice(0, 16);
}

/**
 * Fills a store at `path` with `stories` stories made from the example stories' reports under new titles,
 * each with its articles, its report and its rendered page, as the analysis keeps a story (render on write).
 * One story at a time: with the pages of a batch compressed while the next stories were written (500
 * compressions at once, each with its own state), or rendered in a worker thread, filling took a third more
 * CPU time and half again the wall clock on this machine's two shared cores; compressed on this thread
 * instead of libuv's, the same CPU time.
 */
async function fillStore(dist: string, path: string, stories: number, examples: Example[]): Promise<void> {
  const { openStore } = (await import(join(dist, "store", "index.js"))) as typeof import("../src/store/index.js");
  const { storyPageToStore } = (await import(
    join(dist, "web", "pages", "stored-page.js")
  )) as typeof import("../src/web/pages/stored-page.js");
  const store = await openStore(path);
  const at = "2031-01-01T00:00:00.000Z";
  try {
    for (let start = 0; start < stories; start += BATCH) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(stories, start + BATCH); i++) {
          const t = examples[i % examples.length];
          if (!t) throw new Error("no example story");
          let story: number | undefined;
          for (const [k, article] of t.articles.entries()) {
            const key = `bench:${i}:${k}`;
            const id = await tx.addArticle({ key, contentHash: key, article, ingestedAt: at });
            await tx.placeArticle(id, { storyId: story ?? id, isNew: story === undefined, at });
            story ??= id;
          }
          if (story === undefined) continue;
          const version = (await tx.story(story))?.version ?? 1;
          const report = { ...t.report, story: { ...t.report.story, title: `${t.report.story.title} (${i})` } };
          await tx.saveReport(story, version, report, at);
          await tx.savePage(await storyPageToStore(story, version, report));
        }
      });
    }
  } finally {
    await store.close();
  }
}

/** The example stories (each folder of examples/ with articles), read and analysed by the build at `dist`. */
async function exampleStories(dist: string): Promise<Example[]> {
  const { analyzeStory } = (await import(join(dist, "pipeline.js"))) as typeof import("../src/pipeline.js");
  const { readArticleFiles } = (await import(
    join(dist, "ingest", "index.js")
  )) as typeof import("../src/ingest/index.js");
  const examples = join(import.meta.dirname, "..", "examples");
  const stories = [];
  for (const dir of readdirSync(examples).sort()) {
    const files = readdirSync(join(examples, dir))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(examples, dir, f));
    if (files.length === 0) continue;
    const { articles } = await readArticleFiles(files);
    stories.push({ articles, report: analyzeStory(articles) });
  }
  return stories;
}
