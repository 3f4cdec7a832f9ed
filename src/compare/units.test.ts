import { describe, expect, it } from "vitest";
import { plainArticle } from "../../test/fixtures.js";
import { annotateArticle } from "../pipeline.js";
import { resolveEntities } from "../resolve/index.js";
import { storyUnits } from "./units.js";
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
