import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { teamsOwningInSportReports } from "./sport-possessives.js";

const lexicon = defaultLexicon();
const run = (text: string, given: [string, Mention["type"]][]) => {
  const { tokens, sentences } = tokenize(text);
  return teamsOwningInSportReports(mentionsIn(text, given), { text, tokens, sentences }, lexicon).map(
    (m) => `${m.text}/${m.type}`,
  );
};
const REPORT = "The striker scored twice and the goalkeeper saved a penalty as the season opened in the league .";

describe("teamsOwningInSportReports", () => {
  it("makes a town that owns something in a sports report the club named after it", () => {
    expect(
      run(`${REPORT}\nKestrel Bay 's 3-1 win left Velmar 's coach , Ana Ruiz , under pressure .`, [
        ["Kestrel Bay", "place"],
        ["Velmar", "place"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Kestrel Bay/organization", "Velmar/organization", "Ana Ruiz/person"]);
  });

  it("leaves countries, continents, towns owning a named site, and other reports alone (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Spain", "place"],
      ["Europe", "place"],
      ["Velmar", "place"],
    ];
    expect(run(`${REPORT}\nSpain 's coach left Europe 's top league for Velmar 's Kestrel Hospital .`, given)).toEqual(
      given.map(([n, t]) => `${n}/${t}`),
    );
    expect(run("Prices rose .\nVelmar 's mayor spoke .", [["Velmar", "place"]])).toEqual(["Velmar/place"]);
  });
});
