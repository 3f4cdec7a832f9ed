import { describe, expect, it } from "vitest";
import type { Article } from "./model/index.js";
import { analyzeStory } from "./pipeline.js";
import { countWords } from "./words/tokens.js";

const article = (id: string, published: string, text: string): Article => ({
  id,
  source: `${id}.txt`,
  published,
  text,
  removedBoilerplate: [],
  diagnostics: [],
});

/** Invented copy: words the shared splitter and a split on spaces count differently (marks, initialisms, figures). */
const FIRST = [
  "Dockers at the port of Vela walked out on Thursday — the third strike this year — after talks on pay collapsed.",
  "The U.S.-owned operator said 1,100 containers were stranded on the quays , and ships were waiting offshore.",
  "Union leaders said the stoppage would last until the operator returned to the table with a new offer.",
  "Fishing boats were still allowed to land their catch at the old harbour north of the container terminal.",
].join("\n\n");
const OWN = "Shopkeepers in the old town said trade had slowed since the first ships turned away from the port.";

describe("one word tokenizer across the report", () => {
  const report = analyzeStory([
    article("first", "2026-05-01", FIRST),
    article("second", "2026-05-02", `${FIRST}\n\n${OWN}`),
  ]);

  it("counts an article's words with the shared splitter, not by spaces", () => {
    for (const a of report.articles) {
      expect(a.wordCount).toBe(countWords(a.text));
      expect(a.wordCount).not.toBe(a.text.split(/\s+/).length);
    }
  });

  it("gives a verbatim copy's shared fraction as the copied words over the words its word count counts", () => {
    const r = report.provenance.reuse.find((x) => x.from === "first" && x.to === "second");
    const second = report.articles.find((a) => a.id === "second");
    const byWords = Math.round((countWords(FIRST) / (second?.wordCount ?? 0)) * 1000) / 1000;
    expect(r?.sharedFraction).toBe(byWords);
    const bySpaces = FIRST.split(/\s+/).length / (second?.text.split(/\s+/).length ?? 1);
    expect(r?.sharedFraction).not.toBe(Math.round(bySpaces * 1000) / 1000);
  });
});
