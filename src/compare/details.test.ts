import { describe, expect, it } from "vitest";
import { analyzeTexts, plainArticle } from "../../test/fixtures.js";
import { unitKey } from "../annotate/numbers/index.js";
import { annotateArticle } from "../pipeline.js";
import { resolveEntities } from "../resolve/index.js";
import { detailKeys } from "./details.js";
import { storyUnits, type Unit } from "./units.js";

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
        "Her coffin was carried to the chapel by former dockers. Mourners said the brass band played her favourite hymn twice at the chapel on the hill.",
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

  it("credits no sentence that shares only the two words in a row (negative row)", () => {
    const engines = analyzeTexts(
      [
        ["one", "The operator said pickets at the main gate had held up the first fire engines for several minutes."],
        ["two", "Police closed the coast road past the depot to keep traffic away from the fire engines."],
      ],
      "2026-03-06",
    );
    expect(engines.facts.filter((f) => f.kind === "corroborated")).toEqual([]);
  });

  it("makes no claim of a name said with different words around it", () => {
    const place = corroborated.filter((f) => f.evidence.every((e) => e.text.includes("Kestrel Bay")));
    expect(place.filter((f) => !f.evidence.every((e) => /died|aged|brass band/.test(e.text)))).toEqual([]);
  });
});

describe("detail keys read from the article's tokens", () => {
  const texts = [
    "The Corvane Trust, a post-Harbour charity, said on 4 May 2026 that 212 households of the old quay had been moved. " +
      'Gen. Tolland Brisk (ret.) spoke at St. Ives-on-Sea about the U.N. relief fund: "fresh water" and dry rice, 1,100 tonnes.',
    "Rain fell.",
    "Dock pay talks — stalled since March — resumed at the Brisk Shipping hall; the union's co-op shop stayed shut.",
  ];
  const annotated = texts.map((t, i) => annotateArticle(plainArticle(`a${i}`, t)));
  const units = storyUnits(annotated, resolveEntities(annotated));
  // The same unit without the article's tokens: its words are split from its own text.
  const own = (u: Unit): Unit => {
    const { tokens: _tokens, ...rest } = u;
    return rest;
  };

  it("finds the keys that splitting the sentence itself finds", () => {
    expect(units.length).toBeGreaterThan(3);
    for (const u of units) expect([...detailKeys(u, unitKey)]).toEqual([...detailKeys(own(u), unitKey)]);
    expect(units.some((u) => detailKeys(u, unitKey).size > 0)).toBe(true);
  });

  it("reads the sentence's tokens, not the article's others", () => {
    const u = units.find((x) => x.text.startsWith("Dock pay")) as Unit;
    const keys = [...detailKeys(u, unitKey).keys()];
    expect(keys).toContain("b:pay talk");
    expect(keys.some((k) => k.includes("rain") || k.includes("household"))).toBe(false);
  });
});

describe("details and sentence groups", () => {
  it("lists a claim once when a detail's claim is a whole sentence a sentence group already claims", () => {
    const report = analyzeTexts(
      [
        ["one", "Police said the strikers had blocked the coast road at the depot during the night of the fire."],
        ["two", "Police said the strikers blocked the coast road at the depot on the night of the fire."],
        ["three", "Police closed the coast road at the depot before dawn to let the fire crews through."],
      ],
      "2026-03-06",
    );
    const claims = report.facts.map((f) => `${f.evidence[0]?.article}:${f.evidence[0]?.start}:${f.text}`);
    expect(claims.length).toBeGreaterThan(0);
    expect(new Set(claims).size).toBe(claims.length);
  });
});
