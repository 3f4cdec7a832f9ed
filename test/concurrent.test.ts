import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { readArticleFiles } from "../src/ingest/index.js";
import type { Article } from "../src/model/index.js";
import { analyzeStory } from "../src/pipeline.js";
import { plainArticle } from "./fixtures.js";

const example = join(import.meta.dirname, "..", "examples", "port-strike-fire");
const BOOT = join(import.meta.dirname, "workers", "boot.mjs");
const ANALYZE = pathToFileURL(join(import.meta.dirname, "workers", "analyze.ts")).href;

/** An invented story sharing no names with the example. */
const invented: Article[] = [
  [
    "east",
    "A landslide closed the Orvik pass road on Tuesday, cutting off about 1,200 villagers, the regional council said. " +
      "Councillor Mira Dahlberg said crews would need five days to clear it.",
  ],
  [
    "west",
    "Nearly 1,500 people in the Orvik valley were cut off after a landslide on Tuesday, according to the Valley Courier. " +
      "The council said repairs would take a week.",
  ],
].map(([id, text]) => plainArticle(id as string, text as string));

/** The report of a story analysed in a worker thread, as JSON text. */
function analyseInWorker(articles: Article[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { module: ANALYZE, articles } });
    worker.once("message", (report: string) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the worker exited with code ${code} before reporting`)));
  });
}

describe("analyses running at the same time", () => {
  it("give each story the report it gets when analysed alone", async () => {
    const files = readdirSync(example)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(example, f));
    const { articles } = await readArticleFiles(files);
    const [first, second] = await Promise.all([analyseInWorker(articles), analyseInWorker(invented)]);
    const alone = JSON.stringify(analyzeStory(articles));
    expect(JSON.parse(first as string).articles).toHaveLength(articles.length);
    expect(first).toBe(alone);
    expect(second).toBe(JSON.stringify(analyzeStory(invented)));
    expect(second).not.toBe(first);
  });
});
