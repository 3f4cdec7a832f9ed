import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { personsAfterHonorifics } from "./honorifics.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  personsAfterHonorifics(mentionsIn(text, given), text, defaultLexicon()).map((m) => `${m.text}/${m.type}`);

describe("personsAfterHonorifics", () => {
  it("makes a name after a courtesy title a person's", () => {
    expect(run("Ms Ana Ruiz, a member of the work group, said.", [["Ana Ruiz", "organization"]])).toEqual([
      "Ana Ruiz/person",
    ]);
    expect(run("Mdm Okafor agreed.", [["Okafor", "place"]])).toEqual(["Okafor/person"]);
    expect(run("Dr. Tomas Berg left.", [["Tomas Berg", "other"]])).toEqual(["Tomas Berg/person"]);
  });

  it("leaves names of bodies and places after a title, and names after other words (negative rows)", () => {
    expect(run("Dr Ruiz Clinic opened.", [["Ruiz Clinic", "organization"]])).toEqual(["Ruiz Clinic/organization"]);
    expect(run("Velmar Bank, a member of the group, said.", [["Velmar Bank", "organization"]])).toEqual([
      "Velmar Bank/organization",
    ]);
    expect(run("Drs Velmar said.", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
    expect(run("She was Miss Poland in 2001.", [["Poland", "place"]])).toEqual(["Poland/place"]);
  });
});
