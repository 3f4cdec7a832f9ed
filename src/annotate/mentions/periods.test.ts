import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { withoutPeriods } from "./periods.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  withoutPeriods(mentionsIn(text, given)).map((m) => `${m.text}/${m.type}`);

describe("withoutPeriods", () => {
  it("leaves out periods of months or days written as one word", () => {
    expect(
      run("Velmar trade balance Jan-May - $ 93 million ( Jan-April - $ 77 million ).", [
        ["Velmar", "place"],
        ["Jan-May", "organization"],
        ["Jan-April", "organization"],
      ]),
    ).toEqual(["Velmar/place"]);
    expect(run("Portavel Mills said its January-June profit fell.", [["January-June", "organization"]])).toEqual([]);
    expect(
      run("Orders Jul/Aug rose; the desk opens Mon-Fri.", [
        ["Jul/Aug", "other"],
        ["Mon-Fri", "organization"],
      ]),
    ).toEqual([]);
  });

  it("keeps names that merely contain a month or are one (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["May", "person"],
      ["Ana Ruiz-May", "person"],
      ["March-Okafor Group", "organization"],
      ["Kestrel Bay", "place"],
    ];
    expect(run("May said Ana Ruiz-May and March-Okafor Group met in Kestrel Bay.", given)).toEqual(
      given.map(([n, t]) => `${n}/${t}`),
    );
  });
});
