import { describe, expect, it } from "vitest";
import { createLexicon } from "../../lexicon/index.js";
import { type CaseStats, casingOf, judgeName } from "./casing.js";

/** A lexicon without corpus counts, so only the gazetteers and the dictionary speak. */
const lexicon = createLexicon({ counts: { words: "", firstNames: "", lower: "" } });
const noStats = (): CaseStats => ({
  capitalised: new Map(),
  alone: new Map(),
  lower: new Map(),
  acronyms: new Set(),
  phrases: new Set(),
});

describe("judgeName reads the dictionary", () => {
  it("takes a common word whose capital says nothing for a common word", () => {
    for (const word of ["Weather", "Drizzle", "NOTES"])
      expect([word, judgeName(word, noStats(), true, lexicon)]).toEqual([word, "no"]);
  });

  it("leaves names, words listed as both and unknown words open (negative rows)", () => {
    for (const word of ["Aaron", "Bill", "Quorvane"])
      expect([word, judgeName(word, noStats(), false, lexicon)]).toEqual([word, "weak"]);
    // The document's own use still comes first: written capitalised mid-sentence elsewhere, it is a name.
    const stats = noStats();
    stats.capitalised.set("drizzle", 2);
    stats.alone.set("drizzle", 2);
    expect(judgeName("Drizzle", stats, false, lexicon)).toBe("yes");
  });
});

describe("casingOf reads capitals in a mixed-case sentence", () => {
  const token = (text: string) => ({ text, start: 0, end: text.length });
  it("takes a long common word in capitals for a label, not an acronym", () => {
    expect(casingOf(token("NOTES"), false, false, false, lexicon)).toBe("ambiguous");
    expect(casingOf(token("WEATHER"), false, false, false, lexicon)).toBe("ambiguous");
  });

  it("keeps short capitals and unknown ones as acronyms (negative rows)", () => {
    expect(casingOf(token("CAP"), false, false, false, lexicon)).toBe("name");
    expect(casingOf(token("QORV"), false, false, false, lexicon)).toBe("name");
    expect(casingOf(token("AARON"), false, false, false, lexicon)).toBe("name");
  });
});
