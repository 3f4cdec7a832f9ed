import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { statesAfterTowns, statesMissedAfterTowns } from "./states.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  statesAfterTowns(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("statesAfterTowns", () => {
  it("makes a state's abbreviation after a town and a comma a place", () => {
    expect(
      run("a plant in Tarvik , Calif. closed", [
        ["Tarvik", "place"],
        ["Calif.", "organization"],
      ]),
    ).toEqual(["Tarvik/place", "Calif./place"]);
    expect(
      run("Orrin, PA, said", [
        ["Orrin", "place"],
        ["PA", "organization"],
      ]),
    ).toEqual(["Orrin/place", "PA/place"]);
  });
  it("leaves abbreviations after a person or without the comma, and other acronyms, alone (negative rows)", () => {
    expect(
      run("Ana Ruiz , PA to the minister", [
        ["Ana Ruiz", "person"],
        ["PA", "organization"],
      ]),
    ).toEqual(["Ana Ruiz/person", "PA/organization"]);
    expect(
      run("Tarvik and CA Holdings", [
        ["Tarvik", "place"],
        ["CA", "organization"],
      ]),
    ).toEqual(["Tarvik/place", "CA/organization"]);
    expect(
      run("Tarvik , NATO said", [
        ["Tarvik", "place"],
        ["NATO", "organization"],
      ]),
    ).toEqual(["Tarvik/place", "NATO/organization"]);
  });
});

describe("statesMissedAfterTowns", () => {
  const find = (text: string, given: [string, Mention["type"]][]) =>
    statesMissedAfterTowns(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);
  it("adds a state's abbreviation that ends a dateline or an address after a town", () => {
    expect(find("KESTREL BAY , Calif. 1996-08-23\nThe Velmar plant closed .", [["KESTREL BAY", "place"]])).toEqual([
      "KESTREL BAY/place",
      "Calif./place",
    ]);
    expect(find("TARVIK , Mo .\nSales rose .", [["TARVIK", "place"]])).toEqual(["TARVIK/place", "Mo/place"]);
  });
  it("adds nothing inside a word, before other words, after a person or where a mention is (negative rows)", () => {
    expect(find("Tarvik , Mo.-based Velmar Corp said", [["Tarvik", "place"]])).toEqual(["Tarvik/place"]);
    expect(find("in Tarvik , IN a statement", [["Tarvik", "place"]])).toEqual(["Tarvik/place"]);
    expect(find("Ana Ruiz , Pa .", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(
      find("Orrin , PA .", [
        ["Orrin", "place"],
        ["PA", "organization"],
      ]),
    ).toEqual(["Orrin/place", "PA/organization"]);
  });
});
