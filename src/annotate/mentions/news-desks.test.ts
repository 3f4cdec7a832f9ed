import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import type { Mention } from "../../model/index.js";
import { newsDesks } from "./news-desks.js";

const run = (text: string, given: [string, Mention["type"]][]) =>
  newsDesks(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);

describe("newsDesks", () => {
  it("makes a desk named with capitals one organisation over all its words", () => {
    expect(
      run("-- Ana Ruiz , Velmar Energy Desk +1 212 555 0100", [
        ["Ana Ruiz", "person"],
        ["Velmar", "place"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Velmar Energy Desk/organization"]);
    expect(run("-- Tarvik Newsdesk 312-555-0100", [["Tarvik Newsdesk", "person"]])).toEqual([
      "Tarvik Newsdesk/organization",
    ]);
  });
  it("leaves a desk in lower case and names that run past the desk alone (negative rows)", () => {
    expect(run("the Velmar foreign desk said", [["Velmar", "place"]])).toEqual(["Velmar/place"]);
    expect(run("He sat at his Desk.", [])).toEqual([]);
    expect(run("Kestrel Desk Supplies Ltd said", [["Kestrel Desk Supplies Ltd", "organization"]])).toEqual([
      "Kestrel Desk Supplies Ltd/organization",
    ]);
  });
});
