import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { papersOfPressReview, reportingOutlets } from "./press-review.js";

const lexicon = defaultLexicon();

const run = (text: string, given: [string, Mention["type"]][] = []) =>
  papersOfPressReview(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);

const review = (opening: string) =>
  `${opening}\nThese are the leading stories in the Velmarian press.\nEL VELMARIO\n- Ana Ruiz meets the miners.\nAL-KESTREL\n- Port fees rise again.\nTHE ORRIN POST\n- Okafor wins the vote.`;

describe("papersOfPressReview", () => {
  it("makes a name in capitals alone on a line of a press review a paper, an organisation", () => {
    expect(
      run(review("PRESS DIGEST - Velmaria - May 4 ."), [
        ["Velmaria", "place"],
        ["Velmarian", "other"],
        ["EL", "person"],
        ["VELMARIO", "place"],
        ["Ana Ruiz", "person"],
        ["THE ORRIN POST", "organization"],
        ["Okafor", "person"],
      ]),
    ).toEqual([
      "Velmaria/place",
      "Velmarian/other",
      "EL VELMARIO/organization",
      "Ana Ruiz/person",
      "AL-KESTREL/organization",
      "THE ORRIN POST/organization",
      "Okafor/person",
    ]);
    expect(run(review("Velmaria newspaper editorials - May 4"))).toEqual([
      "EL VELMARIO/organization",
      "AL-KESTREL/organization",
      "THE ORRIN POST/organization",
    ]);
  });
  it("leaves other documents, known places, sections and calendar words alone (negative rows)", () => {
    expect(run(review("Velmar port fees rise again"))).toEqual([]);
    expect(run("Velmar newspaper changes hands\nANALYSIS\nThe Orrin group bought the paper.")).toEqual([]);
    const text =
      "PRESS DIGEST - Spain - May 4 .\nSPAIN\n- Ana Ruiz meets the miners.\nFRONT PAGE\n- Rain.\nMONDAY\n- Sun.";
    expect(run(text, [["SPAIN", "place"]])).toEqual(["SPAIN/place"]);
  });
});

describe("reportingOutlets", () => {
  const reported = (text: string, given: [string, Mention["type"]][]) =>
    reportingOutlets(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  it("makes a name read as a person's right before 'reported' an outlet or firm", () => {
    expect(reported("Troops moved north, El Velmario reported.", [["El Velmario", "person"]])).toEqual([
      "El Velmario/organization",
    ]);
  });
  it("leaves known first names, people named in full, other verbs and other types alone (negative rows)", () => {
    expect(reported("Michael Velmar reported the fire.", [["Michael Velmar", "person"]])).toEqual([
      "Michael Velmar/person",
    ]);
    expect(
      reported("Tomas Okafor called. Okafor reported the fire.", [
        ["Tomas Okafor", "person"],
        ["Okafor", "person"],
      ]),
    ).toEqual(["Tomas Okafor/person", "Okafor/person"]);
    expect(reported("El Velmario said so.", [["El Velmario", "person"]])).toEqual(["El Velmario/person"]);
    expect(reported("Portavel reported rain.", [["Portavel", "place"]])).toEqual(["Portavel/place"]);
  });
});
