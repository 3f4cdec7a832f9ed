import { describe, expect, it } from "vitest";
import { entityQuery, namesEntity } from "./queries.js";

describe("namesEntity", () => {
  const ruiz = { id: "person:ana-ruiz", name: "Ana Ruiz", aliases: ["Ruiz", "Dr. Ana Ruíz"] };
  it.each<[string, boolean]>([
    ["person:ana-ruiz", true],
    ["Ana Ruiz", true],
    ["ana ruiz", true],
    ["  ANA   RUIZ ", true],
    ["ruiz", true],
    ["dr ana ruiz", true],
    // Negative rows: parts, other names, an id's other case, nothing left once punctuation goes.
    ["Ana", false],
    ["Ana Ruiz Okafor", false],
    ["Okafor", false],
    ["PERSON:ANA-RUIZ", false],
    ["...", false],
  ])("%s: %s", (text, expected) => {
    expect(namesEntity(ruiz, entityQuery(text))).toBe(expected);
  });
});
