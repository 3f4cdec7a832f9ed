import { describe, expect, it } from "vitest";
import { tokenize } from "../tokens/index.js";
import { matchSides } from "./evidence.js";
import { detectMentions } from "./index.js";

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
