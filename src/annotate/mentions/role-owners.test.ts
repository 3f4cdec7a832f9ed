import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { firmsHeldIn, ownersOfPosts } from "./role-owners.js";

const lexicon = defaultLexicon();

const run = (text: string, given: [string, Mention["type"]][]) =>
  ownersOfPosts(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);

describe("ownersOfPosts", () => {
  it("makes a name before a team's or firm's post and its holder the team or firm", () => {
    expect(
      run("said Lyon manager Ana Ruiz.", [
        ["Lyon", "place"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Lyon/organization", "Ana Ruiz/person"]);
    expect(
      run("Velmarco analyst Tomas Okafor said.", [
        ["Velmarco", "person"],
        ["Tomas Okafor", "person"],
      ]),
    ).toEqual(["Velmarco/organization", "Tomas Okafor/person"]);
  });
  it("leaves countries, people named in full, other posts and other words alone (negative rows)", () => {
    expect(
      run("Spain coach Ana Ruiz", [
        ["Spain", "place"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Spain/place", "Ana Ruiz/person"]);
    expect(
      run("Tomas Okafor spoke. Okafor spokesman Ana Ruiz said.", [
        ["Tomas Okafor", "person"],
        ["Okafor", "person"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Tomas Okafor/person", "Okafor/person", "Ana Ruiz/person"]);
    expect(
      run("Lyon mayor Ana Ruiz", [
        ["Lyon", "place"],
        ["Ana Ruiz", "person"],
      ]),
    ).toEqual(["Lyon/place", "Ana Ruiz/person"]);
    expect(run("Lyon manager said", [["Lyon", "place"]])).toEqual(["Lyon/place"]);
  });
});

describe("firmsHeldIn", () => {
  const held = (text: string, given: [string, Mention["type"]][]) =>
    firmsHeldIn(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  it("makes a name after what is held in a firm the firm", () => {
    expect(held("Shares in Kestrel Abbey rose 4 pence.", [["Kestrel Abbey", "place"]])).toEqual([
      "Kestrel Abbey/organization",
    ]);
    expect(held("It sold its stake in the Orrin group.", [["Orrin", "person"]])).toEqual(["Orrin/organization"]);
  });
  it("leaves countries and names after other words alone (negative rows)", () => {
    expect(held("Foreigners bought shares in Spain.", [["Spain", "place"]])).toEqual(["Spain/place"]);
    expect(held("The stake was sold in Kestrel Abbey.", [["Kestrel Abbey", "place"]])).toEqual(["Kestrel Abbey/place"]);
  });
});
