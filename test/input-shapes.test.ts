import { beforeAll, describe, expect, it } from "vitest";
import { readTextArticle } from "../src/ingest/index.js";
import type { StoryReport } from "../src/model/index.js";
import { analyzeStory } from "../src/pipeline.js";

/** One sentence per line, a headline, a byline after a standfirst, a wire credit line at the end. */
const lines = [
  "Lisle pier to be rebuilt before winter",
  "The harbour master wants the work done in months",
  "By Marco Reyes, Staff Writer",
  "date 2026-03-14",
  "",
  "LISLE - The council of Lisle voted on Friday to rebuild the storm-damaged pier before winter.",
  "The harbour master, Ana Ruiz, spoke after the vote.",
  '"We will rebuild the pier before winter.',
  'The town cannot wait another year,"',
  "said Ruiz.",
  "Tomas Berg, a fisherman who has worked from the pier for 30 years, watched from the quay.",
  '"Nobody here believes the date," he said.',
  "",
  "Reporting by Marco Reyes; Editing by Ana Li",
].join("\n");

/** Paragraphs, the same story told by another outlet. */
const paragraphs = [
  "Storm-hit pier gets a second life",
  "",
  "date 2026-03-14",
  "",
  "The council of Lisle approved a plan on Friday to rebuild the pier that a storm wrecked in January.",
  "",
  '"We will rebuild the pier before winter. The town cannot wait another year," harbour master Ana Ruiz told the Lisle Gazette.',
  "",
  "Fishermen said the work would take longer.",
].join("\n");

let report: StoryReport;
beforeAll(() => {
  report = analyzeStory([
    readTextArticle({ id: "lines", source: "lines.txt", text: lines }),
    readTextArticle({ id: "paragraphs", source: "paragraphs.txt", text: paragraphs }),
  ]);
});

const article = (id: string) => report.articles.find((a) => a.id === id);
const speakerOf = (article: string, words: string) => {
  const q = report.quotes.find((x) => x.occurrences.some((o) => o.article === article && o.text.includes(words)));
  const entity = report.entities.find((e) => e.id === q?.speaker.entity);
  return entity?.name ?? q?.speaker.description;
};

describe("input shapes, end to end", () => {
  it("keeps bylines and credit lines out of the text and reads the author from them", () => {
    const a = article("lines");
    expect(a?.author).toBe("Marco Reyes");
    expect(a?.title).toBe("Lisle pier to be rebuilt before winter");
    expect(a?.text).not.toMatch(/By Marco Reyes|Reporting by|Editing by/);
  });

  it("keeps a quotation that closes on a later line, with its speaker on the line after", () => {
    const q = report.quotes.find((x) =>
      x.occurrences.some((o) => o.article === "lines" && o.text.includes("another year")),
    );
    expect(q?.occurrences.find((o) => o.article === "lines")?.text).toContain("before winter.\nThe town cannot wait");
    expect(speakerOf("lines", "another year")).toMatch(/Ana Ruiz/);
    expect(q?.occurrences.map((o) => o.article).sort()).toEqual(["lines", "paragraphs"]);
  });

  it("credits a pronoun to the subject named on the line before, not to the earlier speaker", () => {
    expect(speakerOf("lines", "Nobody here believes")).toMatch(/Tomas Berg/);
  });

  it("lists no headline as a fact of its own", () => {
    const titles = report.articles.map((a) => a.title);
    expect(titles).toEqual(["Lisle pier to be rebuilt before winter", "Storm-hit pier gets a second life"]);
    for (const f of report.facts.filter((x) => x.kind === "unique")) expect(titles).not.toContain(f.text.trim());
  });
});
