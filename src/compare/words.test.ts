import { describe, expect, it } from "vitest";
import { tokenize } from "../annotate/tokens/index.js";
import { contentStems, stem, stemsAt, tokenStems } from "./words.js";

describe("stemsAt", () => {
  it("gives the content stems with where each word starts", () => {
    const text = "The dockers walked out; talks resumed.";
    const stems = stemsAt(text);
    expect(stems.map((s) => s.stem)).toEqual(contentStems(text));
    expect(stems.map((s) => text.slice(s.at, s.at + 4))).toEqual(["dock", "walk", "out;", "talk", "resu"]);
  });

  it("leaves out function words and keeps numbers whole", () => {
    expect(stemsAt("It was 1100 of the ships").map((s) => s.stem)).toEqual(["1100", "ship"]);
    expect(stemsAt("of the and").length).toBe(0);
  });

  it.each([
    ["a number's groups, each where it starts", "about 1,200 dockers", ["1", "200", "docker"], [6, 8, 12]],
    ["a decimal kept whole", "rose 3.5 percent", ["rose", "3.5", "percent"], [0, 5, 9]],
    [
      "the shared splitter's words: U.S. and a hyphenated word",
      "U.S.-backed long-range craft",
      ["us", "back", "long-rang", "craft"],
      [0, 5, 12, 23],
    ],
    ["a possessive without its ending", "the port's crane", ["port", "cran"], [4, 11]],
    ["no punctuation", "— ; $", [], []],
  ])("%s", (_, text, stems, at) => {
    expect(stemsAt(text).map((s) => s.stem)).toEqual(stems);
    expect(stemsAt(text).map((s) => s.at)).toEqual(at);
  });

  it("gives a clause the stems its words have in the whole sentence", () => {
    const text = "Ships waited offshore — cranes stood idle; unions met";
    const cut = text.indexOf("cranes");
    const end = text.indexOf(";");
    expect(
      stemsAt(text)
        .filter((s) => s.at >= cut && s.at < end)
        .map((s) => s.stem),
    ).toEqual(contentStems(text.slice(cut, end)));
  });
});

describe("tokenStems", () => {
  it("gives each sentence of a tokenized text the stems of its own text, at the same places", () => {
    const text =
      "Mr. Ali left the U.S. at 9 a.m. on Monday. Dockers’ pay rose 3.5% — to 1,250 dollars!\nSt. Kilda's port-side cranes stopped.";
    const { tokens, sentences } = tokenize(text);
    expect(sentences.length).toBeGreaterThan(2);
    for (const s of sentences) {
      expect(tokenStems(tokens, s.tokenStart, s.tokenEnd, s.start)).toEqual(stemsAt(text.slice(s.start, s.end)));
    }
  });

  it("counts places from the offset given, and takes only the tokens asked for", () => {
    const tokens = [
      { start: 10, end: 15, text: "ships" },
      { start: 16, end: 20, text: "sank" },
    ];
    expect(tokenStems(tokens, 0, 2, 10)).toEqual([
      { at: 0, stem: "ship" },
      { at: 6, stem: "sank" },
    ]);
    expect(tokenStems(tokens, 1, 2, 0)).toEqual([{ at: 16, stem: "sank" }]);
    expect(tokenStems(tokens, 0, 0, 0)).toEqual([]);
  });
});

describe("stem", () => {
  it.each([
    ["stopped", "stop"],
    ["planned", "plan"],
    ["dollars", "dollar"],
    ["port's", "port"],
    ["port’s", "port"],
    ["Attacks", "attack"],
    // Negative rows: a doubled vowel or a short word keeps its letters.
    ["bamboo", "bamboo"],
    ["free", "free"],
    ["hill", "hill"],
    ["boss", "boss"],
  ])("%s -> %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
