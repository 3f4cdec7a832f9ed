import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { clubsOfFixtures } from "./fixtures.js";

const lexicon = defaultLexicon();
const run = (text: string, given: [string, Mention["type"]][]) =>
  clubsOfFixtures(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);

describe("clubsOfFixtures", () => {
  it("makes the side of a fixture facing a club a club too", () => {
    expect(
      run("Fixtures : Velmar v Kestrel Rovers , Orrin United vs. Ana Ruiz , Tarvik v Okafor Athletic .", [
        ["Velmar", "place"],
        ["Kestrel Rovers", "organization"],
        ["Orrin United", "organization"],
        ["Ana Ruiz", "person"],
        ["Tarvik", "place"],
        ["Okafor Athletic", "organization"],
      ]),
    ).toEqual([
      "Velmar/organization",
      "Kestrel Rovers/organization",
      "Orrin United/organization",
      "Ana Ruiz/organization",
      "Tarvik/organization",
      "Okafor Athletic/organization",
    ]);
  });

  it("leaves two persons, two towns, a country and names not facing each other alone (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Ana Ruiz", "person"],
      ["Tomas Berg", "person"],
      ["Velmar", "place"],
      ["Portavel", "place"],
      ["Spain", "place"],
      ["Kestrel Rovers", "organization"],
      ["Okafor", "person"],
      ["Orrin United", "organization"],
    ];
    expect(
      run("Ana Ruiz v Tomas Berg ; Velmar v Portavel ; Spain v Kestrel Rovers ; Okafor joined Orrin United .", given),
    ).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});
