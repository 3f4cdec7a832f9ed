import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { adjectivesBeforeNouns } from "./adjectives.js";

const lexicon = defaultLexicon();
const run = (text: string, given: [string, Mention["type"]][]) =>
  adjectivesBeforeNouns(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);

describe("adjectivesBeforeNouns", () => {
  it("makes a capitalised adjective before the noun it qualifies a name of type other", () => {
    expect(
      run("Ana Ruiz addressed the Democratic convention in Kestrel Bay .", [
        ["Ana Ruiz", "person"],
        ["Democratic", "organization"],
        ["Kestrel Bay", "place"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Democratic/other", "Kestrel Bay/place"]);
    expect(run("A Socialist deputy from Portavel resigned .", [["Socialist", "organization"]])).toEqual([
      "Socialist/other",
    ]);
  });

  it("leaves persons, known places, names before articles or verbs and other endings alone (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Jean", "person"],
      ["Pacific", "place"],
      ["Cooperative", "organization"],
      ["Labour", "organization"],
    ];
    expect(
      run("Jean visited the Pacific coast ; Cooperative the bank cut rates and Labour leaders met .", given),
    ).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});
