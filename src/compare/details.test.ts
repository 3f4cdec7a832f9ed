import { describe, expect, it } from "vitest";
import { analyzeTexts } from "../../test/fixtures.js";

function story(...texts: [id: string, text: string][]) {
  return analyzeTexts(texts, "2026-03-06");
}

describe("details corroborated across sentences of their own", () => {
  const report = story(
    [
      "one",
      "Crowds filled the market square long before noon in Kestrel Bay. Fishermen held a minute of silence at the quay for the founder, who died on March 3 aged 91, before the ferries sailed. " +
        "Later a procession led by a brass band wound from the old town up to the chapel on the hill.",
    ],
    [
      "two",
      "Ada Marsh died on March 3, her family said in a short notice that also thanked the nurses of the coastal hospice for their patient care. " +
        "Her coffin was carried to the chapel by former dockers. Mourners said the brass band played her favourite hymn twice.",
    ],
    [
      "three",
      "The mayor said the town owed Ada Marsh its bridge. By the parish record she was aged 91, the oldest founder of any firm on the estuary. " +
        "Schools across the district closed for the afternoon, and shops lowered their shutters.",
    ],
  );
  const corroborated = report.facts.filter((f) => f.kind === "corroborated");
  // A fact supported by each of `sources` through words of its own that hold `words`.
  const supported = (words: string, sources: string[]) =>
    corroborated.some((f) =>
      sources.every((a) => f.sources.includes(a) && f.evidence.some((e) => e.article === a && e.text.includes(words))),
    );

  it.each([
    ["a day with its verb", "died on March 3", ["one", "two"]],
    ["an age", "aged 91", ["one", "three"]],
    ["two content words in a row", "brass band", ["one", "two"]],
  ])("finds %s", (_, words, sources) => {
    expect(supported(words, sources)).toBe(true);
  });

  it("states the claim as the clause that holds the detail, not the whole sentence", () => {
    const f = corroborated.find((x) => x.evidence.every((e) => e.text.includes("brass band")));
    expect(f?.text).toContain("brass band");
    expect(f?.text).not.toContain("Crowds");
  });

  it("makes no claim of a name said with different words around it", () => {
    const place = corroborated.filter((f) => f.evidence.every((e) => e.text.includes("Kestrel Bay")));
    expect(place.filter((f) => !f.evidence.every((e) => /died|aged|brass band/.test(e.text)))).toEqual([]);
  });
});
