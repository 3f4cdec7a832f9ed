import { describe, expect, it } from "vitest";
import { createLexicon } from "../../lexicon/index.js";
import { casingOf } from "./casing.js";

/** A lexicon without corpus counts, so only the gazetteers and the dictionary speak. */
const lexicon = createLexicon({ counts: { words: "", firstNames: "", lower: "" } });
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
