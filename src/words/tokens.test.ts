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
