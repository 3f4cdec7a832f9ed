import { describe, expect, it } from "vitest";
import { tokenize } from "../tokens/index.js";
import { isSportReport, matchSides } from "./evidence.js";
import { detectMentions } from "./index.js";
import { detectMentionsByRules } from "./rules.js";

/** The sides matchSides finds in a one-line text, as the words they cover. */
function sides(line: string): string[] {
  const { tokens, sentences } = tokenize(line);
  const sentence = sentences[0];
  if (!sentence) return [];
  return matchSides(tokens, sentence).map(([a, b]) =>
    tokens
      .slice(a, b)
      .map((t) => t.text)
      .join(" "),
  );
}

describe("matchSides", () => {
  const rows: [string, string[]][] = [
    ["Velmar 2 Tarsin Rovers 1", ["Velmar", "Tarsin Rovers"]],
    ["Olmen Town 0 Norby 0.", ["Olmen Town", "Norby"]],
    ["Velmar 3 (Okafor 12th, Brandt 40th) Tarsin 1 (Ruiz 88th)", ["Velmar", "Tarsin"]],
    // Not a match result: one name and several scores (a golf card), prose, a third name, a missing score.
    ["Greg Norby 68 70 67", []],
    ["Velmar won 2 1 at home", []],
    ["Velmar 2 Tarsin 1 Olmen 0", []],
    ["Velmar 2 Tarsin", []],
    ["Velmar Tarsin 2 1", []],
    // A label before a colon is no side; a colon after a score is no label.
    ["In Olmen : Velmar ( Spain ) 2 Tarsin ( Malta ) 1", ["Velmar", "Tarsin"]],
    ["Group B: Velmar 2 Tarsin Rovers 1", ["Velmar", "Tarsin Rovers"]],
    ["Velmar 2 : Tarsin 1", []],
  ];
  it.each(rows)("%s -> %j", (line, expected) => {
    expect(sides(line)).toEqual(expected);
  });
});

describe("detectMentions reads both sides of a match result as teams", () => {
  const typeIn = (text: string, name: string) =>
    detectMentions({ text, ...tokenize(text) }).find((m) => m.text === name)?.type;
  it("a side whose first word is also an uncommon given name is a team", () => {
    expect(typeIn("Results on Saturday:\nOlmen 3 Paris Tarvik 1\nVelmar 0 Norby 2", "Paris Tarvik")).toBe(
      "organization",
    );
  });
  it("a side named with initials or a title stays a person", () => {
    expect(typeIn("Results on Saturday:\nJ. Tarvik 3 Norby 1", "J. Tarvik")).toBe("person");
    expect(typeIn("Results on Saturday:\nDr. Tarvik 3 Norby 1", "Tarvik")).toBe("person");
  });
});

describe("isSportReport", () => {
  const rows: [string, boolean][] = [
    ["The striker missed a penalty and the club fell in the league.", true],
    ["SOCCER - Velmar sack coach after goalless draw", true],
    // Negative rows: fewer than four different words of sport, or one repeated.
    ["The club said the league would meet the coach.", false],
    ["Coach, coach, coach and coach again.", false],
    ["The council approved the budget on Tuesday.", false],
  ];
  it.each(rows)("%s -> %s", (text, expected) => {
    expect(isSportReport(tokenize(text).tokens)).toBe(expected);
  });
});

describe("detectMentionsByRules reads a city's name in a sports report as its team", () => {
  const typeIn = (text: string, name: string) =>
    detectMentionsByRules({ text, ...tokenize(text) }).find((m) => m.text === name)?.type;
  const sport = "The striker missed a penalty and the club fell in the league.";
  it("without a score line, from the words of sport around it", () => {
    expect(typeIn(`Lyon parted with their coach after a goalless draw.\n${sport}`, "Lyon")).toBe("organization");
  });
  it("but not after a preposition of place, nor outside a sports report (negative)", () => {
    expect(typeIn(`Fans celebrated in Lyon after a goalless draw.\n${sport}`, "Lyon")).toBe("place");
    expect(typeIn("Lyon parted with their coach after a long dispute.\nThe hospital said it had closed.", "Lyon")).toBe(
      "place",
    );
  });
  it("reads a league there as a competition, elsewhere as an organisation (negative)", () => {
    expect(
      typeIn(`Olmen moved to the top of the Velmar League after a goalless draw.\n${sport}`, "Velmar League"),
    ).toBe("other");
    expect(typeIn("The Velmar League said its members would meet on Tuesday.", "Velmar League")).toBe("organization");
  });
});

describe("detectMentionsByRules reads a cooperative or a wire service as an organisation", () => {
  const rows: [string, string, string][] = [
    [
      "The owner of the barge, the Tarvik Freight Cooperative, said its captain had reported a fault.",
      "Tarvik Freight Cooperative",
      "organization",
    ],
    ["The figures were first reported by Olmen Wire on Monday.", "Olmen Wire", "organization"],
    // Negative row: a person's name is not read from its last word.
    ["Marta Olmen said on Monday that the figures were wrong.", "Marta Olmen", "person"],
  ];
  it.each(rows)("%s", (text, name, type) => {
    expect(detectMentionsByRules({ text, ...tokenize(text) }).find((m) => m.text === name)?.type).toBe(type);
  });
});

describe("detectMentionsByRules leaves a line's opening common word alone", () => {
  const names = (text: string) => detectMentionsByRules({ text, ...tokenize(text) }).map((m) => m.text);
  it("when a dictionary lists it only in lower case and no capitalised word follows", () => {
    expect(names("Velmar 2 Tarsin 1\nHalftime 1-0.")).toEqual(["Velmar", "Tarsin"]);
    expect(names("Velmar 2 Tarsin 1\nExtras 12.")).toEqual(["Velmar", "Tarsin"]);
  });
  it("but not where a name follows it, nor a name of its own (negative)", () => {
    expect(names("Tropical Storm Velma gained strength on Monday.")).toEqual(["Tropical Storm Velma"]);
    expect(names("Velmar 2 Tarsin 1\nNorby 1-0.")).toContain("Norby");
  });
});

describe("detectMentionsByRules reads a longer name holding a place's name as of that place, not the place", () => {
  const rows: [string, string, string][] = [
    ["Fans of the Seattle Quorvels sang all night.", "Seattle Quorvels", "organization"],
    ["Shares in Seattle Velmarco fell on Monday.", "Seattle Velmarco", "organization"],
    // Negative rows: a known given name makes a person, a place's head a place, the place alone stays one.
    ["John Seattle said the vote would be held on Monday.", "John Seattle", "person"],
    ["Flights from Seattle Airport were cancelled.", "Seattle Airport", "place"],
    ["Officials in Seattle said the road was closed.", "Seattle", "place"],
  ];
  it.each(rows)("%s", (text, name, type) => {
    expect(detectMentionsByRules({ text, ...tokenize(text) }).find((m) => m.text === name)?.type).toBe(type);
  });
});

describe("detectMentionsByRules reads a name after a kind of place as that place", () => {
  const rows: [string, string, string][] = [
    ["Fighting broke out in the regional capital Velgrad on Thursday.", "Velgrad", "place"],
    ["The buses collided between the towns of Tarvik and Norby on Monday.", "Norby", "place"],
    // Negative row: "state" before a name is an owner's word, not a kind of place.
    ["The state Velmarco said it would cut jobs.", "Velmarco", "organization"],
  ];
  it.each(rows)("%s", (text, name, type) => {
    expect(detectMentionsByRules({ text, ...tokenize(text) }).find((m) => m.text === name)?.type).toBe(type);
  });
});
