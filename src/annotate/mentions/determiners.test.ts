import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { noPersonAfterThe } from "./determiners.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  noPersonAfterThe(mentionsIn(text, given), text, defaultLexicon()).map((m) => `${m.text}/${m.type}`);

describe("noPersonAfterThe", () => {
  it("makes a one-word name right after 'the' a body, or a place the gazetteers know", () => {
    expect(run("Markets waited for the Velfed to act.", [["Velfed", "person"]])).toEqual(["Velfed/organization"]);
    expect(run("The Kestrex fell 2 percent.", [["Kestrex", "person"]])).toEqual(["Kestrex/organization"]);
    expect(run("Troops moved towards the Ukraine border.", [["Ukraine", "person"]])).toEqual(["Ukraine/person"]);
    expect(run("Boats sailed up the Amazon.", [["Amazon", "person"]])).toEqual(["Amazon/place"]);
  });

  it("leaves described people, families, modifiers and longer names (negative rows)", () => {
    const rows: [string, [string, Mention["type"]][]][] = [
      ["The 26-year-old Okafor scored twice.", [["Okafor", "person"]]],
      ["We will be guests of the Okafors, she said.", [["Okafors", "person"]]],
      ["The Okafor case went to court.", [["Okafor", "person"]]],
      ["It was not the Ana Ruiz I knew.", [["Ana Ruiz", "person"]]],
      ["Then Okafor left.", [["Okafor", "person"]]],
    ];
    for (const [text, given] of rows) expect(run(text, given)).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});
