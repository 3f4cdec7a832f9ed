import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFiles } from "../src/ingest/index.js";
import { createLexicon, defaultLexicon } from "../src/lexicon/index.js";
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

/** Invented words per article in the test of the lexicon's bound: far more than the story's own words. */
const NEW_WORDS = 300;

describe("the lexicon an analysis reads", () => {
  it("is the one it is given, and a lexicon made with other counts leaves the default analysis as it was", () => {
    const before = JSON.stringify(analyzeStory(other));
    // Counts as a training fold would make them, and tagger weights that know nothing.
    const trained = createLexicon({
      counts: { words: "Kelmbridge\t0\t9\t0\t0\t0\t9", firstNames: "Hanna\t1", lower: "levee\t3" },
      tagger: {
        labels: "O,B-PER,I-PER,B-ORG,I-ORG,B-LOC,I-LOC,B-MISC,I-MISC",
        hashes: "",
        weights: "",
        transitions: "0",
      },
    });
    const withTrained = analyzeStory(other, { lexicon: trained });
    expect(JSON.stringify(withTrained.entities)).not.toBe(JSON.stringify(JSON.parse(before).entities));
    expect(JSON.stringify(analyzeStory(other))).toBe(before);
    expect(JSON.stringify(analyzeStory(other, { lexicon: defaultLexicon() }))).toBe(before);
  });

  it("keeps no more than its own rows however many new words are analysed", () => {
    const lexicon = createLexicon();
    analyzeStory(other, { lexicon });
    const known = lexicon.parsedWordCount();
    expect(known).toBeGreaterThan(0);
    const letters = (i: number) => [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
    const names = Array.from({ length: 2 * NEW_WORDS }, (_v, i) => `Zq${letters(i).join("")}x`);
    const crowded = other.map((a, i) =>
      plainArticle(
        a.id,
        `${a.text}\nDelegates from ${names.slice(i * NEW_WORDS, (i + 1) * NEW_WORDS).join(", ")} said so.`,
      ),
    );
    const report = analyzeStory(crowded, { lexicon });
    expect(report.entities.length).toBeGreaterThan(NEW_WORDS);
    // "Delegates" and "from" are the only words the crowded articles add besides the invented ones.
    expect(lexicon.parsedWordCount()).toBeLessThanOrEqual(known + 2);
  });
});
