import { describe, expect, it } from "vitest";
import { plainArticle } from "../../test/fixtures.js";
import { annotateArticle } from "../pipeline.js";
import { resolveEntities } from "../resolve/index.js";
import { storyUnits, withinEach } from "./units.js";
import { contentStems } from "./words.js";

describe("storyUnits: the lexical stems of a unit", () => {
  const texts = [
    "Crews from Velmar Shipping cleared the Harbour Road by noon; Mira Vance's office said so.",
    // Name words that do not end where a token does: a digit after the letters, a combining mark, a hyphen.
    "Workers at Area51 depot and Jose\u0301 Ortiz met inspectors near the Dock.",
    "Inspectors left. Ortiz stayed at the gate with U.S.-led crews, Port Kell reported.",
  ];
  const annotated = texts.map((t, i) => annotateArticle(plainArticle(`a${i}`, t)));
  const units = storyUnits(annotated, resolveEntities(annotated));
  /** The definition: the content stems of the text with each capitalised word after the first blanked out. */
  const NAME_WORD = /(?<=[\p{L}\p{N},;:'"’”)]\s+)\p{Lu}[\p{L}'’.-]*/gu;
  const fromText = (text: string) => [...new Set(contentStems(text.replace(NAME_WORD, " ")))];

  it("are the stems of the text without its name words, read from the article's tokens", () => {
    expect(units.length).toBe(4);
    for (const u of units) expect([...u.lexical]).toEqual(fromText(u.text));
  });

  it("leave out the name words but keep the first word and the words between names", () => {
    const first = [...(units[0]?.lexical ?? [])];
    expect(first).toEqual(expect.arrayContaining(["crew", "clear", "noon", "offic"]));
    for (const name of ["velmar", "shipping", "harbour", "road", "mira", "vance"]) expect(first).not.toContain(name);
    // "Area51" is not a name word whole: its digits stay, as in the text with the name blanked.
    const second = [...(units[1]?.lexical ?? [])];
    expect(second).toContain("51");
    expect(second).not.toContain("area51");
    // "U.S.-led" is a name word whole, its tokens blanked with it.
    const fourth = [...(units[3]?.lexical ?? [])];
    expect(fourth).toEqual(expect.arrayContaining(["stay", "gate", "crew"]));
    expect(fourth).not.toContain("led");
  });
});

describe("withinEach", () => {
  const span = (start: number, end: number) => ({ start, end });
  /** The definition: each sentence filters the items. */
  const byFilter = (sentences: { start: number; end: number }[], items: { start: number; end: number }[]) =>
    sentences.map((s) => items.filter((x) => x.start >= s.start && x.end <= s.end));

  it("gives each sentence the items inside it, in the items' order", () => {
    const sentences = [span(0, 10), span(11, 20), span(20, 30)];
    const items = [span(12, 14), span(1, 3), span(20, 25), span(15, 20), span(0, 10)];
    expect(withinEach(sentences, items)).toEqual([
      [span(1, 3), span(0, 10)],
      [span(12, 14), span(15, 20)],
      [span(20, 25)],
    ]);
  });

  it("leaves out items that cross a sentence's end or lie between or outside the sentences", () => {
    const sentences = [span(5, 10), span(12, 20)];
    const items = [span(8, 13), span(10, 12), span(0, 4), span(18, 21), span(25, 30), span(3, 7)];
    expect(withinEach(sentences, items)).toEqual([[], []]);
  });

  it("puts an empty item where two sentences meet in both, as filtering does", () => {
    const sentences = [span(0, 10), span(10, 20)];
    const items = [span(10, 10), span(4, 4), span(20, 20)];
    expect(withinEach(sentences, items)).toEqual(byFilter(sentences, items));
    expect(withinEach(sentences, items)[0]).toContainEqual(span(10, 10));
    expect(withinEach(sentences, items)[1]).toContainEqual(span(10, 10));
  });

  it("is filtering where the sentences overlap, are out of order or empty", () => {
    const items = [span(2, 4), span(6, 8), span(9, 12), span(5, 5), span(0, 15)];
    for (const sentences of [
      [span(0, 10), span(5, 15)],
      [span(10, 20), span(0, 10)],
      [span(0, 10), span(5, 5), span(10, 15)],
    ])
      expect(withinEach(sentences, items)).toEqual(byFilter(sentences, items));
  });
});
