import { describe, expect, it } from "vitest";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { organisationsOpeningSentences } from "./opening-names.js";

/** A mention of `name` at its last occurrence in `text`. */
const last = (text: string, name: string, type: Mention["type"]): Mention => {
  const start = text.lastIndexOf(name);
  return { start, end: start + name.length, text: name, type };
};

const run = (text: string, given: Mention[]) => {
  const { tokens, sentences } = tokenize(text);
  return organisationsOpeningSentences(given, { text, tokens, sentences }).map((m) => `${m.text}/${m.type}@${m.start}`);
};

describe("organisationsOpeningSentences", () => {
  it("names an organisation found inside a sentence where the same words open another", () => {
    const text = "Velmarco posted a loss. Analysts said Velmarco would cut jobs.";
    expect(run(text, [last(text, "Velmarco", "organization")])).toEqual([
      "Velmarco/organization@0",
      "Velmarco/organization@38",
    ]);
    const quoted = '" Kestrel Rovers are fifth , " he said of Kestrel Rovers.';
    expect(run(quoted, [last(quoted, "Kestrel Rovers", "organization")])).toEqual([
      "Kestrel Rovers/organization@2",
      "Kestrel Rovers/organization@42",
    ]);
  });
  it("leaves openings named elsewhere only at a sentence's start, or as a person or place (negative rows)", () => {
    const text = "Kestrel are fifth. Kestrel lost again.";
    expect(run(text, [last(text, "Kestrel", "organization")])).toEqual(["Kestrel/organization@19"]);
    const person = "Okafor won. Coach Tomas Okafor said so.";
    expect(run(person, [last(person, "Okafor", "person")])).toEqual(["Okafor/person@24"]);
    const place = "Portavel voted. Rain fell in Portavel.";
    expect(run(place, [last(place, "Portavel", "place")])).toEqual(["Portavel/place@29"]);
  });
});
