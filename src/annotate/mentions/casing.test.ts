import { describe, expect, it } from "vitest";
import { createLexicon, defaultLexicon } from "../../lexicon/index.js";
import { tokenize } from "../tokens/index.js";
import { casingOf, collectCaseStats, lineKind } from "./casing.js";

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

describe("collectCaseStats", () => {
  const text =
    "KESTREL BAY PORT REOPENS AFTER STRIKE\nDock Workers Agree New Contract With Harbour Board Officials\nAna Ruiz said the port of Kestrel Bay would reopen on Monday.";
  const { tokens, sentences } = tokenize(text);
  const stats = collectCaseStats(tokens, sentences, defaultLexicon());

  it("says how each sentence is set, once for all who read it", () => {
    expect(sentences.length).toBe(3);
    expect(stats.lines).toEqual(["headline", "title", "plain"]);
    const one = sentences.map((s) => lineKind(tokens.slice(s.tokenStart, s.tokenEnd), defaultLexicon()));
    expect(one).toEqual(stats.lines);
  });

  it("counts capitals only in sentences whose case means something", () => {
    expect(stats.capitalised.get("kestrel")).toBe(1);
    expect(stats.capitalised.get("workers")).toBeUndefined();
  });
});
