import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../annotate/tokens/index.js";
import { countWords, isWord, tokenSpans, wordSpans } from "./tokens.js";

describe("wordSpans", () => {
  it.each([
    ["Fire at the port — live.", ["Fire", "at", "the", "port", "live"]],
    ["The U.S. envoy's long-range plan cost $3.50.", ["The", "U.S.", "envoy's", "long-range", "plan", "cost", "3.50"]],
    ["Mr. Ali counted 1,100 ships.", ["Mr.", "Ali", "counted", "1,100", "ships"]],
    ["— $ % ... !", []],
    ["Velmar表示，Velmar Group的港口", ["Velmar", "表", "示", "Velmar", "Group", "的", "港", "口"]],
    ["港口でVelmar社", ["港", "口", "で", "Velmar", "社"]],
  ])("%s", (text, words) => {
    expect(wordSpans(text).map((w) => w.text)).toEqual(words);
  });

  it("points every word at its characters in the text", () => {
    const text = "Dockers met at 9:30, said Dr. Vance.";
    for (const w of wordSpans(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
  });
});

describe("isWord", () => {
  it.each(["a", "U.S.", "1,100", "don't", "Ελλάδα"])("%s is a word", (t) => {
    expect(isWord(t)).toBe(true);
  });
  it.each(["—", "$", ".", "“", "-"])("%s is not a word", (t) => {
    expect(isWord(t)).toBe(false);
  });
});

describe("the tokenizer and the word counts agree", () => {
  it("makes the tokenizer's tokens", () => {
    const text = "Gen. Ortiz said. The U.S.-led talks ended at 5pm; 3,000 left.";
    expect(tokenize(text).tokens).toEqual(tokenSpans(text));
  });

  it("counts as words exactly the tokenizer's tokens that have a letter or a digit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const words = tokenize(text).tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
        return countWords(text) === words && wordSpans(text).length === words;
      }),
    );
  });
});

describe("the scanner makes the tokens of the regular expression that defines them", () => {
  const L = "[^\\P{L}\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]";
  const TOKEN = new RegExp(
    `\\p{N}+(?:[.,:]\\p{N}+)*(?:${L}+)?|(?:${L}\\.){2,}|${L}(?:${L}|\\p{M}|\\p{N})*(?:['’‑-](?:${L}|\\p{N})+)*\\.?|\\S`,
    "gu",
  );
  /** The tokens' spans by the expression, each with a word's final period cut off where `tokenSpans` cuts it. */
  const expected = (text: string) =>
    [...text.matchAll(TOKEN)].flatMap((m) => {
      const start = m.index;
      const end = start + m[0].length;
      return tokenSpans(m[0]).length === 2 && m[0].endsWith(".")
        ? [`${start}:${end - 1}`, `${end - 1}:${end}`]
        : [`${start}:${end}`];
    });
  // Letters, marks, digits of several scripts, separators, joiners, spaces of several kinds, lone surrogates.
  const pieces = [
    "a",
    "B",
    "é",
    "\u0301",
    "1",
    "٣",
    "²",
    "Ⅻ",
    ".",
    ",",
    ":",
    "'",
    "’",
    "‑",
    "-",
    " ",
    "\u00a0",
    "\n",
    "\t",
  ]
    .concat(["表", "カ", "ひ", "𝐀", "𝟏", "😀", "\ud800", "\udc00", "Ω", "ß", "$", "Mr", "St", "U", "\u3000", "\ufeff"])
    .concat(["\u2028", "\u3099"]);

  it("on strings of letters, digits, separators and spaces of many scripts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        const spans = tokenSpans(text);
        expect(spans.map((t) => `${t.start}:${t.end}`)).toEqual(expected(text));
        for (const t of spans) expect(t.text).toBe(text.slice(t.start, t.end));
        expect(wordSpans(text)).toEqual(spans.filter((t) => isWord(t.text)));
        expect(countWords(text)).toBe(wordSpans(text).length);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["U.S.A. forces", ["U.S.A.", "forces"]],
    ["U.S.A forces", ["U.S.", "A", "forces"]],
    ["3.5km and 1,100.", ["3.5km", "and", "1,100", "."]],
    ["Gen. Ortiz's re-run.", ["Gen.", "Ortiz's", "re-run", "."]],
    ["𝐀𝐁 1\u0301", ["𝐀𝐁", "1", "\u0301"]],
  ])("%s", (text, tokens) => {
    expect(tokenSpans(text).map((t) => t.text)).toEqual(tokens);
  });
});
