import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { QuoteMention } from "../model/index.js";
import { TriangulateError } from "../model/index.js";
import {
  core,
  evaluatePolnear,
  formatPolnear,
  isDirectQuotation,
  polnearArticles,
  readGold,
  scoreArticle,
  spansMatch,
} from "./polnear.js";

const whole = (text: string) => ({ start: 0, end: text.length });

/** The span of `part` in `text` (first occurrence). */
function at(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length };
}

describe("isDirectQuotation", () => {
  it.each<[string, string, string, boolean]>([
    ["enclosed by straight marks", '"We will win," he said.', '"We will win,"', true],
    ["marks just outside the span", '"We will win," he said.', "We will win,", true],
    ["curly marks and punctuation after the closing mark", "He said: “We will win”.", "“We will win”.", true],
    ["single marks", "‘Yes,’ she said.", "‘Yes,’", true],
    ["two-apostrophe marks", "''Yes,'' she said.", "''Yes,''", true],
    ["a quotation running over paragraphs", "“One.\n\n“Two.”", "“One.\n\n“Two.”", true],
    ["nested marks", "“He said “go” twice.”", "“He said “go” twice.”", true],
    ["indirect speech with a quoted end", 'He said that the plan was "dead."', 'that the plan was "dead."', false],
    ["two quotations joined by words", '"A" and then "B"', '"A" and then "B"', false],
    ["a quoted start with an unquoted end", '"Yes" was all he said', '"Yes" was all he said', false],
    ["plain text", "The plan was dead.", "The plan was dead.", false],
  ])("%s", (_label, text, part, expected) => {
    expect(isDirectQuotation(text, at(text, part))).toBe(expected);
  });
});

describe("spansMatch", () => {
  it.each<[number, number, number, number, "exact" | "longer" | "shorter", boolean]>([
    [0, 10, 0, 10, "exact", true],
    [0, 10, 0, 9, "exact", false],
    [0, 10, 4, 10, "longer", true],
    [0, 10, 6, 10, "longer", false],
    [0, 10, 6, 10, "shorter", true],
    [0, 10, 12, 14, "shorter", false],
  ])("[%i,%i) vs [%i,%i) %s -> %s", (a, b, c, d, mode, expected) => {
    expect(spansMatch({ start: a, end: b }, { start: c, end: d }, mode)).toBe(expected);
    expect(spansMatch({ start: c, end: d }, { start: a, end: b }, mode)).toBe(expected);
  });

  it("compares spans without their marks and punctuation", () => {
    const text = '"We will win," he said.';
    expect(core(text, whole('"We will win,"'))).toEqual({ start: 1, end: 12 });
  });
});

// An invented article and brat annotation in PolNeAR's layout.
const TEXT = [
  '"We will rebuild the bridge," said Mara Holm, the engineer.',
  'Officials said the plan was "very costly" for the town.',
  '"The first part is easy," she said, "and the rest is not."',
  '"Step one is money.\n"Step two is time," said Joe Tan.',
].join("\n");

function ann(text: string): string {
  const s = (part: string, from = 0) => {
    const start = text.indexOf(part, from);
    return `${start} ${start + part.length}`;
  };
  const q3a = text.indexOf("The first part");
  return [
    `T1\tContent ${s('"We will rebuild the bridge,"')}\t"We will rebuild the bridge,"`,
    `T2\tSource ${s("Mara Holm, the engineer")}\tMara Holm, the engineer`,
    `T3\tCue ${s("said Mara")}\tsaid Mara`,
    "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
    `T4\tContent ${s('the plan was "very costly" for the town')}\tthe plan was "very costly" for the town`,
    `T5\tSource ${s("Officials")}\tOfficials`,
    "E2\tAttribution:T5 Content:T4 Source:T5",
    `T6\tContent ${s("The first part is easy,", q3a)};${s("and the rest is not.", q3a)}\tThe first part is easy, and the rest is not.`,
    `T7\tSource ${s("she", q3a)}\tshe`,
    "E3\tAttribution:T7 Content:T6 Source:T7",
    `T8\tContent ${s('"Step one is money.')};${s('"Step two is time,"')}\t"Step one is money. "Step two is time,"`,
    `T9\tSource ${s("Joe Tan")}\tJoe Tan`,
    "E4\tAttribution:T9 Content:T8 Source:T9",
  ].join("\n");
}

describe("readGold", () => {
  const gold = readGold(TEXT, ann(TEXT));

  it("keeps direct contents, one per contiguous fragment, and merges paragraphs of one quotation", () => {
    expect(gold.direct.map((g) => TEXT.slice(g.start, g.end))).toEqual([
      '"We will rebuild the bridge,"',
      '"The first part is easy,"',
      '"and the rest is not."',
      '"Step one is money.\n"Step two is time,"',
    ]);
    expect(gold.direct.map((g) => g.sources.map((s) => TEXT.slice(s.start, s.end)))).toEqual([
      ["Mara Holm, the engineer"],
      ["she"],
      ["she"],
      ["Joe Tan"],
    ]);
  });

  it("keeps indirect contents apart and checks the recorded text", () => {
    expect(gold.indirect.map((s) => TEXT.slice(s.start, s.end))).toEqual(['the plan was "very costly" for the town']);
    expect(gold.offsetMismatches).toBe(0);
    expect(readGold(TEXT, "T1\tContent 0 5\tnot this").offsetMismatches).toBe(1);
  });
});

describe("scoreArticle", () => {
  const gold = readGold(TEXT, ann(TEXT));
  const quote = (part: string, speaker?: string, from = 0): QuoteMention => {
    const start = TEXT.indexOf(part, from);
    const q: QuoteMention = { start, end: start + part.length, text: part, attribution: "" };
    if (speaker) {
      const s = TEXT.indexOf(speaker, start);
      q.speaker = { start: s, end: s + speaker.length, text: speaker, kind: "name" };
    }
    return q;
  };

  it("counts matches, ignores partial quotations inside indirect content and scores speakers", () => {
    const predicted = [
      quote("We will rebuild the bridge,", "Mara Holm"),
      quote("very costly", "Officials"),
      quote("The first part is easy,", "she"),
      quote("the rest is not", "Joe Tan"),
      quote("Step one is money.", "Joe Tan"),
    ];
    const s = scoreArticle(TEXT, gold, predicted);
    expect(s.ignored).toBe(1);
    expect(s.content).toEqual({ tp: 3, predicted: 4, gold: 4 });
    expect(s.contentExact).toEqual({ tp: 2, predicted: 4, gold: 4 });
    // "Mara Holm" is under half of "Mara Holm, the engineer": a match only when measured on the shorter span.
    expect(s.source).toEqual({ tp: 1, predicted: 4, gold: 4 });
    expect(s.sourceShorter).toEqual({ tp: 2, predicted: 4, gold: 4 });
  });

  it("compares a speaker's whole phrase with the gold source when the extractor gives one", () => {
    const named = quote("We will rebuild the bridge,", "Mara Holm");
    const s = scoreArticle(TEXT, gold, [named]);
    expect(s.source.tp).toBe(0);
    const phrase = "Mara Holm, the engineer";
    const speaker = named.speaker as NonNullable<QuoteMention["speaker"]>;
    speaker.phrase = { ...at(TEXT, phrase), text: phrase };
    expect(scoreArticle(TEXT, gold, [named]).source.tp).toBe(1);
  });
});

describe("evaluatePolnear", () => {
  const dir = mkdtempSync(join(tmpdir(), "polnear-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "text"));
  mkdirSync(join(dir, "attributions"));
  writeFileSync(join(dir, "text", "site_2016-01-01_story.txt"), TEXT);
  writeFileSync(join(dir, "attributions", "site_2016-01-01_story_b2.ann"), "");
  writeFileSync(join(dir, "attributions", "site_2016-01-01_story_a1.ann"), ann(TEXT));
  writeFileSync(join(dir, "text", "site_2016-01-02_unannotated.txt"), "No annotation here.");

  it("uses the first annotation file in sorted order and skips texts without one", () => {
    const articles = polnearArticles(dir);
    expect(articles.map((a) => a.annPath.split("/").pop())).toEqual(["site_2016-01-01_story_a1.ann"]);
  });

  it("scores the extractor on the folder", () => {
    const r = evaluatePolnear(dir);
    expect(r.articles).toBe(1);
    expect(r.content.gold).toBe(4);
    expect(r.content.recall).toBe(1);
    expect(r.content.precision).toBe(1);
    expect(r.ignored).toBe(1);
    expect(r.sourceShorter.tp).toBe(4);
    expect(formatPolnear(r)).toMatch(/content, overlap >= 50%\s+P 1\.000 {2}R 1\.000/u);
  });

  it("says what it expected when the folder is not PolNeAR", () => {
    expect(() => evaluatePolnear(join(dir, "text"))).toThrow(TriangulateError);
  });
});

const DEV = "/work/shared/data/quotes/polnear/dev";

describe.skipIf(!existsSync(DEV))(`PolNeAR dev (${DEV}; skipped when absent)`, () => {
  it("finds direct quotations and their speakers at the measured level", () => {
    const r = evaluatePolnear(DEV);
    expect(r.articles).toBe(84);
    // Measured 0.969 / 0.981; the bound allows 0.02 of drift.
    expect(r.content.precision).toBeGreaterThanOrEqual(0.949);
    expect(r.content.recall).toBeGreaterThanOrEqual(0.961);
    // Measured 0.773 / 0.734 (longer span) and 0.954 / 0.906 (shorter span).
    expect(r.source.precision).toBeGreaterThanOrEqual(0.753);
    expect(r.source.recall).toBeGreaterThanOrEqual(0.714);
    expect(r.sourceShorter.precision).toBeGreaterThanOrEqual(0.934);
    expect(r.sourceShorter.recall).toBeGreaterThanOrEqual(0.886);
  });
});
