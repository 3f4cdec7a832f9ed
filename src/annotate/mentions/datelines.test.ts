import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { placesOfDatelines } from "./datelines.js";

const run = (text: string, given: [string, Mention["type"]][]) => {
  const { tokens, sentences } = tokenize(text);
  return placesOfDatelines(mentionsIn(text, given), { text, tokens, sentences }).map((m) => `${m.text}/${m.type}`);
};

describe("placesOfDatelines", () => {
  it("makes the place in capitals opening a dateline line a place, found or not", () => {
    expect(run("Velmar port reopens\nTARVIK 2024-05-02\nThe port reopened on Thursday.", [])).toEqual(["TARVIK/place"]);
    expect(
      run("Talks resume\nOLMEN BAY , Velmaria 2024-05-03\nTalks resumed.", [
        ["OLMEN", "organization"],
        ["Velmaria", "place"],
      ]),
    ).toEqual(["OLMEN BAY/place", "Velmaria/place"]);
    expect(run("Talks resume\nTARVIK May 2\nTalks resumed.", [])).toEqual(["TARVIK/place"]);
  });
  it("leaves a body's seat, lines that go on after the date and places read as places alone (negative rows)", () => {
    expect(run("Vote due\nVELMAR COUNCIL 2024-05-02\nA vote is due.", [["VELMAR COUNCIL", "organization"]])).toEqual([
      "VELMAR COUNCIL/organization",
    ]);
    expect(run("NOTES 2024-05-02 were issued by the bank.", [])).toEqual([]);
    expect(run("Talks resume\nTARVIK 2024-05-02\nTalks resumed.", [["TARVIK", "place"]])).toEqual(["TARVIK/place"]);
  });
});
