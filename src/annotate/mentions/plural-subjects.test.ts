import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { teamsOfPluralVerbs } from "./plural-subjects.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  teamsOfPluralVerbs(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("teamsOfPluralVerbs", () => {
  it("makes a name read as a person with a plural verb after it a team, with its other mentions", () => {
    expect(
      run("Kestrel Rovers beat Orrin 2-1.\nKestrel Rovers win 4-2 on aggregate.", [
        ["Kestrel Rovers", "person"],
        ["Orrin", "organization"],
        ["Kestrel Rovers", "person"],
      ]),
    ).toEqual(["Kestrel Rovers/organization", "Orrin/organization", "Kestrel Rovers/organization"]);
    expect(run("But Portavel were unable to score.", [["Portavel", "person"]])).toEqual(["Portavel/organization"]);
    expect(run("Despite the defeat, Portavel are well placed.", [["Portavel", "person"]])).toEqual([
      "Portavel/organization",
    ]);
  });
  it("leaves singular verbs, lists and subjunctives alone (negative rows)", () => {
    expect(run("Ana Ruiz wins the stage.", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(
      run("Tomas Orrin and Ana Ruiz are injured.", [
        ["Tomas Orrin", "person"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Tomas Orrin/person", "Ana Ruiz/person"]);
    expect(run("He said if Ruiz were elected, taxes would rise.", [["Ruiz", "person"]])).toEqual(["Ruiz/person"]);
    expect(
      run("Neither Tomas Orrin nor Ana Ruiz were at the hearing.", [
        ["Tomas Orrin", "person"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Tomas Orrin/person", "Ana Ruiz/person"]);
    expect(
      run("Veldman, his team mate Ana Ruiz are injured.", [
        ["Veldman", "person"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Veldman/person", "Ana Ruiz/person"]);
  });
});
