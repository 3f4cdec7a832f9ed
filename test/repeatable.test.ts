import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFiles } from "../src/ingest/index.js";
import type { Article } from "../src/model/index.js";
import { analyzeStory } from "../src/pipeline.js";
import { plainArticle } from "./fixtures.js";

const example = join(import.meta.dirname, "..", "examples", "port-strike-fire");

/** A second story, invented, sharing no names with the example: whatever it leaves behind must not matter. */
const other: Article[] = [
  [
    "north",
    "Floodwater breached the levee at Kelmbridge on Friday, forcing about 400 residents from their homes, the river authority said. " +
      "Engineers had warned in March that the levee needed repairs costing 2 million euros.",
  ],
  [
    "south",
    "More than 600 people fled Kelmbridge after the levee failed on Friday, according to the Northern Gazette. " +
      "Mayor Hanna Veit said the town would not rebuild the levee for a year.",
  ],
].map(([id, text]) => plainArticle(id as string, text as string));

describe("analyses in one process", () => {
  it("give the same report for a story before and after another story was analysed", async () => {
    const files = readdirSync(example)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(example, f));
    const { articles } = await readArticleFiles(files);
    const first = JSON.stringify(analyzeStory(articles));
    const between = analyzeStory(other);
    expect(between.articles.map((a) => a.id)).toEqual(["north", "south"]);
    const again = JSON.stringify(analyzeStory(articles));
    expect(again).toBe(first);
    expect(JSON.stringify(analyzeStory(other))).toBe(JSON.stringify(between));
  });
});
