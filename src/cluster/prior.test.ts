import { describe, expect, it } from "vitest";
import { createLexicon, defaultLexicon } from "../lexicon/index.js";
import { stem } from "./features.js";
import { PRIOR_ARTICLE_WORDS, termPriors } from "./prior.js";

/**
 * Invented corpus counts of 1,000 tokens: "brell" is common in lower case (and as "brells"), "quaven" rare, and
 * "Ostrander" and "Vell" are capitalised words of names (the columns are PER ORG LOC MISC O ALONE).
 */
const lexicon = createLexicon({
  counts: {
    words: "Ostrander\t6\t0\t0\t0\t0\t5\nVell\t0\t0\t40\t0\t0\t40\nOrvo\t0\t0\t0\t0\t4\t0",
    firstNames: "",
    lower: "brell\t600\nbrells\t300\nquaven\t2\nvell\t48",
  },
});
const share = (count: number) => 1 - Math.exp((-count * PRIOR_ARTICLE_WORDS) / 1000);

describe("termPriors", () => {
  const priors = termPriors(lexicon);
  const rows: { field: "body" | "title" | "entities"; term: string; count: number; why: string }[] = [
    { field: "body", term: stem("brells"), count: 900, why: "a content word counts all its inflections" },
    { field: "title", term: stem("quaven"), count: 2, why: "a rare word" },
    { field: "body", term: stem("vell"), count: 88, why: "a content word counts its capitalised uses too" },
    { field: "body", term: "zorp", count: 0, why: "a word the corpora never had (negative)" },
    { field: "entities", term: "ostrander", count: 6, why: "a name by its capitalised uses" },
    { field: "entities", term: "vell", count: 40, why: "a name not by its lower-case uses (negative)" },
    { field: "entities", term: "ostrander vell", count: 6, why: "a name of two words as its rarer word" },
    { field: "entities", term: "ostrander quaven", count: 2, why: "a part never capitalised by its word count" },
    { field: "entities", term: "ostrander zorp", count: 0, why: "a part never seen (negative)" },
    { field: "entities", term: "brell", count: 0, why: "a lower-case word is no name (negative)" },
    { field: "entities", term: "2031", count: 0, why: "a figure (negative)" },
  ];
  for (const row of rows) {
    it(`${row.field} "${row.term}": ${row.why}`, () => {
      expect(priors.share(row.field, row.term)).toBeCloseTo(share(row.count), 10);
    });
  }

  it("gives shares between 0 and 1 that grow with the count", () => {
    const [quaven, vell, brell] = ["quaven", "vell", "brell"].map((w) => priors.share("body", stem(w))) as [
      number,
      number,
      number,
    ];
    expect(quaven).toBeGreaterThan(0);
    expect(vell).toBeGreaterThan(quaven);
    expect(brell).toBeGreaterThan(vell);
    expect(brell).toBeLessThanOrEqual(1);
  });

  it("reads the shipped counts: a function word is in nearly every article, an unknown word in none", () => {
    const shipped = termPriors(defaultLexicon());
    expect(shipped.share("body", stem("the"))).toBeGreaterThan(0.99);
    expect(shipped.share("body", stem("qzxvorblat"))).toBe(0);
  });

  it("is made once per lexicon by `derived`, and another lexicon's counts give another table", () => {
    const again = lexicon.derived(termPriors);
    expect(lexicon.derived(termPriors)).toBe(again);
    expect(again.share("body", stem("brell"))).toBeCloseTo(priors.share("body", stem("brell")), 12);
    expect(defaultLexicon().derived(termPriors).share("body", stem("brell"))).not.toBeCloseTo(share(900), 3);
  });
});
