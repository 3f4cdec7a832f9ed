import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { competitionsOfSportReports } from "./competitions.js";

const run = (text: string, given: [string, Mention["type"]][]) => {
  const { tokens, sentences } = tokenize(text);
  return competitionsOfSportReports(mentionsIn(text, given), { text, tokens, sentences }).map(
    (m) => `${m.text}/${m.type}`,
  );
};

describe("competitionsOfSportReports", () => {
  it("makes a league of a sports report or a standings table the competition, an 'other' name", () => {
    expect(
      run("The striker scored two goals as the club climbed the Velmar Premier League before the season ends.", [
        ["Velmar Premier League", "organization"],
      ]),
    ).toEqual(["Velmar Premier League/other"]);
    const table =
      "ORRIN LEAGUE STANDINGS\nKestrel 10 4 .714 -\nPortavel 8 6 .571 2\nTarvik 7 7 .500 3\nOlmen 3 11 .214 7";
    expect(run(table, [["ORRIN LEAGUE", "organization"]])).toEqual(["ORRIN LEAGUE/other"]);
  });
  it("leaves leagues elsewhere and other names in sports reports alone (negative rows)", () => {
    expect(run("The Velmar Farmers League said prices fell.", [["Velmar Farmers League", "organization"]])).toEqual([
      "Velmar Farmers League/organization",
    ]);
    expect(
      run("The striker scored two goals as the club beat Kestrel Rovers before the season ends.", [
        ["Kestrel Rovers", "organization"],
      ]),
    ).toEqual(["Kestrel Rovers/organization"]);
  });
});
