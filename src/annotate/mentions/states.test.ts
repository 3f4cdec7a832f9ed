import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { statesAfterTowns } from "./states.js";

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
