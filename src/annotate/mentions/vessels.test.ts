import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { vesselNames } from "./vessels.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  vesselNames(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("vesselNames", () => {
  it("makes a ship's name after its kind and 'the', or behind a prefix, a name of type other, with its other mentions", () => {
    expect(
      run("The barge, the Kestrel Star, hit the pier.\nThe Kestrel Star was towed away.", [
        ["Kestrel Star", "person"],
        ["Kestrel Star", "person"],
      ]),
    ).toEqual(["Kestrel Star/other", "Kestrel Star/other"]);
    expect(
      vesselNames(
        mentionsIn("The ferry, the Kestrel Star, left.", [["Kestrel Star", "person"]]),
        "The ferry, the Kestrel Star, left.",
      )[0]?.settled,
    ).toBe(true);
    expect(run("Crew of the cargo ship the Velmar Dawn were rescued.", [["Velmar Dawn", "organization"]])).toEqual([
      "Velmar Dawn/other",
    ]);
    expect(
      run("MV Portavel Trader sank.\nThe Portavel Trader carried grain.", [
        ["MV Portavel Trader", "organization"],
        ["Portavel Trader", "organization"],
      ]),
    ).toEqual(["MV Portavel Trader/other", "Portavel Trader/other"]);
  });

  it("leaves a name right after the kind, and names elsewhere, as read (negative rows)", () => {
    expect(run("She missed the ferry Ana Ruiz took to Kestrel Bay.", [["Ana Ruiz", "person"]])).toEqual([
      "Ana Ruiz/person",
    ]);
    expect(
      run("The ferry left Kestrel Bay at noon, the Portavel Times said.", [["Portavel Times", "organization"]]),
    ).toEqual(["Portavel Times/organization"]);
    expect(run("Ana Ruiz boarded the boat with Okafor.", [["Okafor", "person"]])).toEqual(["Okafor/person"]);
    // The apposition after "the owner of the barge" may be the owner's.
    expect(
      run("The owner of the barge, the Kestrel Ferrymen, blamed the tide.", [["Kestrel Ferrymen", "person"]]),
    ).toEqual(["Kestrel Ferrymen/person"]);
    // A name that says it is an organisation is no ship's.
    expect(
      run("The barge, the Portavel Freight Cooperative, hit the pier.", [
        ["Portavel Freight Cooperative", "organization"],
      ]),
    ).toEqual(["Portavel Freight Cooperative/organization"]);
  });
});
