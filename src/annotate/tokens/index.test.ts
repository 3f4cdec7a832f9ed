import { describe, expect, it } from "vitest";
import { tokenize } from "./index.js";

const sentencesOf = (text: string) => tokenize(text).sentences.map((s) => text.slice(s.start, s.end));
const tokensOf = (text: string) => tokenize(text).tokens.map((t) => t.text);

describe("tokenize", () => {
  it("keeps words with inner apostrophes, hyphens and periods, and numbers with separators", () => {
    expect(tokensOf("The U.S. envoy's long-range plan cost $3.50 for 1,100 Shi’ite workers.")).toEqual([
      "The",
      "U.S.",
      "envoy's",
      "long-range",
      "plan",
      "cost",
      "$",
      "3.50",
      "for",
      "1,100",
      "Shi’ite",
      "workers",
      ".",
    ]);
  });

  it.each([
    ["Dr. Reyes met Mr. Okafor. They talked.", ["Dr. Reyes met Mr. Okafor.", "They talked."]],
    ['"We are ready," he said. The talks ended.', ['"We are ready," he said.', "The talks ended."]],
    ["He said: “Fine.” Then he left!", ["He said: “Fine.”", "Then he left!"]],
    ["Headline Without a Stop\nThe body starts here.", ["Headline Without a Stop", "The body starts here."]],
    ["It rose 3.5 percent. Prices fell.", ["It rose 3.5 percent.", "Prices fell."]],
    ["Officials in the U.S. Navy said so.", ["Officials in the U.S. Navy said so."]],
    ["Is it over? Nobody knows.", ["Is it over?", "Nobody knows."]],
    ["港口关闭了。工人罢工！「结束了。」Velmar说。", ["港口关闭了。", "工人罢工！", "「结束了。」", "Velmar说。"]],
  ])("splits %j", (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it("gives tokens and sentences offsets that point at their text", () => {
    const text = "Dock workers walked out.\n\n“We will not move,” said Ana Ruiz, 42. Talks resume on Monday.";
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const s of sentences) {
      expect(s.start).toBe(tokens[s.tokenStart]?.start);
      expect(s.end).toBe(tokens[s.tokenEnd - 1]?.end);
    }
    expect(sentences.map((s) => s.tokenEnd - s.tokenStart).reduce((a, b) => a + b, 0)).toBe(tokens.length);
  });
});
