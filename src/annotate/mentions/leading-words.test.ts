import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { personsWithoutLeadingWords } from "./leading-words.js";

const lexicon = defaultLexicon();
const run = (text: string, given: [string, Mention["type"]][]) =>
  personsWithoutLeadingWords(mentionsIn(text, given), lexicon).map((m) => `${text.slice(m.start, m.end)}/${m.type}`);

describe("personsWithoutLeadingWords", () => {
  it("cuts a nationality or a hyphenated title off the front of a person's name", () => {
    expect(run("Argentine Tomas Berg came fourth .", [["Argentine Tomas Berg", "person"]])).toEqual([
      "Tomas Berg/person",
    ]);
    expect(run("The farm owned by Dutchman Ana Ruiz burned .", [["Dutchman Ana Ruiz", "person"]])).toEqual([
      "Ana Ruiz/person",
    ]);
    expect(run("Lieutenant-Colonel Okafor said .", [["Lieutenant-Colonel Okafor", "person"]])).toEqual([
      "Okafor/person",
    ]);
  });

  it("keeps a faith's adjective, common words, the last word and other types (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Christian Okafor", "person"],
      ["Mate Velmar", "person"],
      ["Italian", "person"],
      ["French Kestrel Bank", "organization"],
    ];
    expect(run("Christian Okafor and Mate Velmar met Italian staff of French Kestrel Bank .", given)).toEqual(
      given.map(([n, t]) => `${n}/${t}`),
    );
  });
});
