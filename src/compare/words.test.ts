import { describe, expect, it } from "vitest";
import { contentStems, stemsAt } from "./words.js";

describe("stemsAt", () => {
  it("gives the content stems with where each word starts", () => {
    const text = "The dockers walked out; talks resumed.";
    const stems = stemsAt(text);
    expect(stems.map((s) => s.stem)).toEqual(contentStems(text));
    expect(stems.map((s) => text.slice(s.at, s.at + 4))).toEqual(["dock", "walk", "out;", "talk", "resu"]);
  });

  it("leaves out function words and keeps numbers whole", () => {
    expect(stemsAt("It was 1100 of the ships").map((s) => s.stem)).toEqual(["1100", "ship"]);
    expect(stemsAt("of the and").length).toBe(0);
  });

  it("gives a clause the stems its words have in the whole sentence", () => {
    const text = "Ships waited offshore — cranes stood idle; unions met";
    const cut = text.indexOf("cranes");
    const end = text.indexOf(";");
    expect(
      stemsAt(text)
        .filter((s) => s.at >= cut && s.at < end)
        .map((s) => s.stem),
    ).toEqual(contentStems(text.slice(cut, end)));
  });
});
