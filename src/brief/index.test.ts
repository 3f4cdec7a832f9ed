import { describe, expect, it } from "vitest";
import type { ReportArticle, ReportDiscrepancy, ReportFact } from "../model/index.js";
import { briefOf, MAX_BRIEF, MIN_BRIEF } from "./index.js";

const article = (id: string, outlet?: string): ReportArticle => ({
  id,
  source: `${id}.txt`,
  text: "",
  wordCount: 0,
  removedBoilerplate: [],
  ...(outlet ? { outlet } : {}),
});
const fact = (id: string, kind: ReportFact["kind"], text: string, sources: string[]): ReportFact => ({
  id,
  kind,
  text,
  sources,
  evidence: sources.map((article) => ({ article, text, start: 0, end: text.length })),
});

const articles = [article("a", "Coastline Herald"), article("b"), article("c", "Harbour Light")];
const facts = [
  fact("f1", "corroborated", "Dock workers in Portavel walked off the job on Thursday over pay.", ["a", "b", "c"]),
  fact("f2", "corroborated", '"We will not move until the offer is in writing," the union said.', ["a", "b"]),
  fact("f3", "corroborated", "He added that up to 40 ships were waiting at anchor.", ["a", "c"]),
  fact("f4", "corroborated", "A fire destroyed dozens of containers on the north quay late on Sunday.", ["b", "c"]),
  fact("f5", "unique", "The Velmar Group said the damage would cost at least 12 million euros to repair.", ["b"]),
  fact("f6", "unique", "Governor Ana Ruiz said the talks were within touching distance of a deal.", ["c"]),
];
const discrepancies: ReportDiscrepancy[] = [
  {
    id: "d1",
    kind: "number",
    about: "how many workers",
    compatible: true,
    explanation: "",
    values: [
      { article: "a", value: "more than 300 workers", evidence: "" },
      { article: "c", value: "around 350 workers", evidence: "" },
    ],
  },
];

describe("briefOf", () => {
  const brief = briefOf(articles, facts, discrepancies);

  it("leads with corroborated statements, then disputes, then single-outlet claims marked as such", () => {
    expect(brief.map((b) => b.text)).toEqual([
      "Dock workers in Portavel walked off the job on Thursday over pay.",
      "A fire destroyed dozens of containers on the north quay late on Sunday.",
      "Accounts differ on how many workers: Coastline Herald reports more than 300 workers, while Harbour Light reports around 350 workers. The figures differ but can both be true.",
      "Only article 2 (no outlet named) reports: The Velmar Group said the damage would cost at least 12 million euros to repair.",
      "Only Harbour Light reports: Governor Ana Ruiz said the talks were within touching distance of a deal.",
    ]);
  });

  it("cites the articles each sentence rests on", () => {
    expect(brief.map((b) => b.citations)).toEqual([["a", "b", "c"], ["b", "c"], ["a", "c"], ["b"], ["c"]]);
  });

  it("leaves out quotations and sentences that lean on a pronoun", () => {
    expect(brief.some((b) => b.text.includes("We will not move"))).toBe(false);
    expect(brief.some((b) => b.text.startsWith("He added"))).toBe(false);
  });

  it("names an article without an outlet as a reader knows it, never by its file id", () => {
    const named = briefOf(
      [article("000_walkout", "Coastline Herald"), { ...article("001_fire"), title: "Fire on the north quay" }],
      [fact("u1", "unique", "The Velmar Group said the damage would cost at least 12 million euros.", ["001_fire"])],
      [],
    );
    expect(named.map((b) => b.text)).toEqual([
      "Only “Fire on the north quay” reports: The Velmar Group said the damage would cost at least 12 million euros.",
    ]);
  });

  it("leaves out a clause cut from the middle of a sentence (it opens in lower case)", () => {
    const rows: [string, boolean][] = [
      ["as firefighters fought a blaze through the main terminal overnight", false],
      ["and a statement from the mayor said both sides had accepted the offer", false],
      ["Firefighters fought a blaze through the main terminal overnight.", true],
      ["2 dock workers were taken to hospital with burns on Sunday.", true],
      ["eXampleCo said it would move its cargo through another port this week.", true],
    ];
    for (const [text, kept] of rows) {
      const one = briefOf(articles, [fact("x", "corroborated", text, ["a", "c"])], []);
      expect(one.length === 1, text).toBe(kept);
    }
  });

  it("counts a statement's words with the shared splitter: dashes and stray marks are no words", () => {
    const rows: [string, boolean][] = [
      ["Cranes at Portavel stood idle all week.", true],
      ["Cranes — idle — all week .", false],
      ["Port closed , ships wait .", false],
    ];
    for (const [text, kept] of rows) {
      const out = briefOf(articles, [fact("s", "corroborated", text, ["a", "b"])], []);
      expect(out.some((x) => x.text === text)).toBe(kept);
    }
  });

  it("stays within its bounds on a long story", () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      fact(
        `u${i}`,
        i % 2 ? "unique" : "corroborated",
        `Statement number ${i} about the Portavel port strike and its cost.`,
        i % 2 ? ["a"] : ["a", "b"],
      ),
    );
    const long = briefOf(articles, many, discrepancies);
    expect(long.length).toBeGreaterThanOrEqual(MIN_BRIEF);
    expect(long.length).toBeLessThanOrEqual(MAX_BRIEF);
  });
});
