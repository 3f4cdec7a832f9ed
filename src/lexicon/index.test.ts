import { describe, expect, it } from "vitest";
import { type CorpusCounts, createLexicon, defaultLexicon, type Lexicon } from "./index.js";
import { encodeWeights, rowOf } from "./tagger-weights.js";

/** Invented corpus counts: one capitalised word seen as a person's name, one first name, one lower-case word. */
const invented: CorpusCounts = {
  words: "Quorvane\t5\t0\t1\t0\t2\t4",
  firstNames: "Quorvane\t7",
  lower: "zelth\t9",
};

/** Capitalised words no corpus has: "Zq", then the index spelled in letters (base 26), then "x". */
function inventedWords(count: number): string[] {
  const letters = (i: number) => [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
  return Array.from({ length: count }, (_v, i) => `Zq${letters(i).join("")}x`);
}

describe("createLexicon", () => {
  it("answers from the counts it is given, and keeps the shipped gazetteers", () => {
    const lexicon = createLexicon({ counts: invented });
    expect(lexicon.wordCounts("Quorvane")).toEqual({
      person: 5,
      organization: 0,
      place: 1,
      misc: 0,
      none: 2,
      alone: 4,
    });
    expect(lexicon.firstNameCount("Quorvane")).toBe(7);
    expect(lexicon.lowerCount("zelth")).toBe(9);
    // Words the shipped counts know are unknown to these counts.
    expect(lexicon.wordCounts("London")).toBeUndefined();
    expect(lexicon.firstNameCount("John")).toBe(0);
    expect(lexicon.lookupPlace("Chile")?.kind).toBe("country");
    expect(lexicon.placeOfDemonym("Chilean")).toBe("Chile");
  });

  it("leaves every other lexicon as it was: training one does not change the default", () => {
    const before = defaultLexicon().wordCounts("London");
    expect(before).toBeDefined();
    createLexicon({ counts: invented });
    expect(defaultLexicon().wordCounts("London")).toEqual(before);
    expect(defaultLexicon().wordCounts("Quorvane")).toBeUndefined();
    expect(defaultLexicon().firstNameCount("John")).toBeGreaterThan(0);
  });

  it("lists every counted word, lower-case then capitalised, and no word it lacks (negative)", () => {
    const words = [...createLexicon({ counts: invented }).countedWords()];
    expect(words).toEqual(["zelth", "Quorvane"]);
    expect(words).not.toContain("London");
  });

  it("derives a table once per maker and per lexicon", () => {
    const lexicon = createLexicon({ counts: invented });
    let made = 0;
    const lowerTotal = (l: Lexicon) => {
      made++;
      let sum = 0;
      for (const word of l.countedWords()) sum += l.lowerCount(word);
      return { sum };
    };
    const first = lexicon.derived(lowerTotal);
    expect(first).toEqual({ sum: 9 });
    expect(lexicon.derived(lowerTotal)).toBe(first);
    expect(made).toBe(1);
    // Another lexicon makes its own from its own counts (negative: not the first one's table).
    const other = createLexicon({ counts: { ...invented, lower: "zelth\t2\nquorn\t3" } }).derived(lowerTotal);
    expect(other).toEqual({ sum: 5 });
    expect(made).toBe(2);
  });

  it("tells a dictionary's common words from its names, in any case, inflected forms too", () => {
    const { dictionaryKind } = createLexicon();
    const rows: [string, string][] = [
      ["notes", "common"],
      ["NOTES", "common"],
      ["Weather", "common"],
      ["indicators", "common"],
      ["Aaron", "name"],
      ["PARIS", "name"],
      ["Bill", "both"],
      ["bill", "both"],
      // Negative rows: invented names, initials and numbers are in no dictionary.
      ["Quorvane", "unknown"],
      ["U.N.", "unknown"],
      ["1996", "unknown"],
      ["", "unknown"],
    ];
    for (const [word, kind] of rows) expect([word, dictionaryKind(word)]).toEqual([word, kind]);
  });

  it("cannot be changed by its callers", () => {
    const lexicon = createLexicon();
    expect(Object.isFrozen(lexicon)).toBe(true);
    expect(() => Object.assign(lexicon, { lookupPlace: () => undefined })).toThrow(TypeError);
    const counts = lexicon.wordCounts("London");
    expect(Object.isFrozen(counts)).toBe(true);
    expect(Object.isFrozen(lexicon.lookupPlace("Chile"))).toBe(true);
  });

  it("keeps parsed rows of known words only, so lookups of new words do not grow it", () => {
    const lexicon = createLexicon();
    lexicon.wordCounts("London");
    lexicon.wordCounts("London");
    expect(lexicon.parsedWordCount()).toBe(1);
    const words = inventedWords(5000);
    expect(new Set(words).size).toBe(5000);
    for (const w of words) expect(lexicon.wordCounts(w)).toBeUndefined();
    expect(lexicon.parsedWordCount()).toBe(1);
    lexicon.wordCounts("Paris");
    expect(lexicon.parsedWordCount()).toBe(2);
  });

  it("takes other tagger weights, with rows as wide as their labels", () => {
    const encoded = encodeWeights([0xfeedf00d, 7], [1, -2, 3, 0, 0, 4], [0], 3);
    const lexicon = createLexicon({ tagger: { labels: "O,B-X,I-X", ...encoded } });
    const w = lexicon.taggerWeights();
    expect(w.size).toBe(2);
    const row = rowOf(w, 7);
    expect([...w.rows.subarray(row * 3, row * 3 + 3)]).toEqual([0, 0, 4]);
    expect(rowOf(w, 8)).toBe(-1);
    expect(lexicon.taggerWeights()).toBe(w);
  });
});

describe("defaultLexicon", () => {
  it("is one value, made once", () => {
    expect(defaultLexicon()).toBe(defaultLexicon());
    expect(defaultLexicon().taggerWeights()).toBe(defaultLexicon().taggerWeights());
  });

  it("knows the shipped gazetteer and counts", () => {
    const lexicon = defaultLexicon();
    expect(lexicon.lookupPlace("Paris")).toMatchObject({ kind: "city", country: "FR" });
    expect(lexicon.lookupPlace("Zqxvbrt")).toBeUndefined();
    expect(lexicon.firstNameCount("John")).toBeGreaterThan(0);
    expect(lexicon.taggerWeights().size).toBeGreaterThan(10_000);
  });
});
