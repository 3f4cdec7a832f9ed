import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { organisationsAfterTheirKind } from "./org-kinds.js";

const lexicon = defaultLexicon();

const run = (text: string, given: [string, Mention["type"]][]) =>
  organisationsAfterTheirKind(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);

describe("organisationsAfterTheirKind", () => {
  it("makes a name right after a kind of organisation that organisation", () => {
    expect(run("said the pro-government daily Le Velmar in an editorial.", [["Le Velmar", "person"]])).toEqual([
      "Le Velmar/organization",
    ]);
    expect(run("comment from investment banks Orrin Kestrel lifted shares.", [["Orrin Kestrel", "person"]])).toEqual([
      "Orrin Kestrel/organization",
    ]);
    expect(run("Supermarkets group Portavel gained 2 percent.", [["Portavel", "place"]])).toEqual([
      "Portavel/organization",
    ]);
  });
  it("leaves countries, a person's trade, a relative clause's subject and other words before a name alone (negative rows)", () => {
    expect(run("The daily Spain reported.", [["Spain", "place"]])).toEqual(["Spain/place"]);
    expect(run('"Prices will rise," said broker Ana Ruiz.', [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(run("He met owner Ana Ruiz.", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(run("The bank's Ana Ruiz said.", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(run("She left the company Ana Ruiz founded in 2010.", [["Ana Ruiz", "person"]])).toEqual([
      "Ana Ruiz/person",
    ]);
  });
});
