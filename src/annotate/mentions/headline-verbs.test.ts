import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { namesBeforeHeadlineVerbs } from "./headline-verbs.js";

const lexicon = defaultLexicon();
const run = (text: string, given: [string, Mention["type"]][]) => {
  const { tokens, sentences } = tokenize(text);
  return namesBeforeHeadlineVerbs(mentionsIn(text, given), [], { text, tokens, sentences }, lexicon).map(
    (m) => `${m.text}/${m.type}`,
  );
};

describe("namesBeforeHeadlineVerbs", () => {
  it("ends a name in a headline in capitals at the verb or small word after it", () => {
    expect(run("SOCCER - VELMAR ROUTS PORTAVEL IN CUP FINAL .", [["VELMAR ROUTS PORTAVEL", "organization"]])).toEqual([
      "VELMAR/organization",
      "PORTAVEL/organization",
    ]);
    expect(run("ATHLETICS - OKAFOR UPSTAGES RIVALS AT HOME .", [["OKAFOR UPSTAGES", "person"]])).toEqual([
      "OKAFOR/person",
    ]);
    expect(run("SPAIN WELCOMES VELMAR ACCORD .", [["SPAIN WELCOMES VELMAR", "organization"]])).toEqual([
      "SPAIN/place",
      "VELMAR/organization",
    ]);
    expect(run("TENNIS - RUIZ TO PLAY BERG IN FINAL .", [["RUIZ TO", "person"]])).toEqual(["RUIZ/person"]);
  });

  it("leaves a club's plural name, names outside headlines and names without verbs alone (negative rows)", () => {
    expect(run("SOCCER - KESTREL HORNETS WIN CUP .", [["KESTREL HORNETS", "organization"]])).toEqual([
      "KESTREL HORNETS/organization",
    ]);
    expect(run("Fans said Velmar Routs Portavel was the play's title .", [["Velmar Routs Portavel", "other"]])).toEqual(
      ["Velmar Routs Portavel/other"],
    );
    expect(run("SOCCER - PORTAVEL UNITED SIGN OKAFOR .", [["PORTAVEL UNITED", "organization"]])).toEqual([
      "PORTAVEL UNITED/organization",
    ]);
  });
});
