import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { namesBeforeTheirAcronyms } from "./acronyms.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  namesBeforeTheirAcronyms(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("namesBeforeTheirAcronyms", () => {
  it("joins the pieces of a name its bracketed acronym spells into one organisation", () => {
    expect(
      run("monitors of the Council for Trade and Security in Velmaria ( CTSV ) arrived.", [
        ["Council for Trade", "organization"],
        ["Security", "organization"],
        ["Velmaria", "place"],
      ]),
    ).toEqual(["Council for Trade and Security in Velmaria/organization"]);
    expect(
      run("rebels of the Kestrel Liberation Front of Orrin Bay (KLFOB) said", [
        ["Kestrel Liberation Front", "organization"],
        ["Orrin Bay", "person"],
      ]),
    ).toEqual(["Kestrel Liberation Front of Orrin Bay/organization"]);
  });
  it("leaves whole names, pieces with no organisation and letters that spell nothing alone (negative rows)", () => {
    expect(run("the Velmar Trade Council ( VTC ) said", [["Velmar Trade Council", "organization"]])).toEqual([
      "Velmar Trade Council/organization",
    ]);
    expect(
      run("cases of Orrin Kestrel Syndrome ( OKS ) rose", [
        ["Orrin Kestrel", "person"],
        ["Syndrome", "other"],
      ]),
    ).toEqual(["Orrin Kestrel/person", "Syndrome/other"]);
    expect(
      run("the Velmar Council and Ana Ruiz ( VTC ) met", [
        ["Velmar Council", "organization"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Velmar Council/organization", "Ana Ruiz/person"]);
  });
});
