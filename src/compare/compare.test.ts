import { describe, expect, it } from "vitest";
import type { Article } from "../model/index.js";
import { analyzeStory, annotateArticle } from "../pipeline.js";
import { groupQuotes, resolveEntities } from "../resolve/index.js";
import { alignUnits, unitSimilarity } from "./align.js";
import { shareLexical, storyUnits } from "./units.js";

const mk = (id: string, text: string, published?: string): Article => ({
  id,
  source: `${id}.txt`,
  text,
  removedBoilerplate: [],
  diagnostics: [],
  ...(published ? { published } : {}),
});

const articles = [
  mk(
    "one",
    "Dock workers in Portavel walked off the job on Thursday over pay. A fire destroyed dozens of containers on the north quay on Sunday. The Velmar Group threatened the Transport Workers Union with legal action.",
    "2026-03-09",
  ),
  mk(
    "two",
    "A blaze destroyed dozens of containers on the north quay late on Sunday. Dock workers in Portavel have been on strike over pay since Thursday. The mayor opened a new library.",
    "2026-03-10",
  ),
  mk(
    "three",
    "The Velmar Group threatened the Transport Workers Union with legal action on Monday. Ships waited at anchor.",
  ),
];

function unitsOf(list: Article[]) {
  const annotated = list.map((a) => annotateArticle(a));
  const entities = resolveEntities(annotated);
  return storyUnits(annotated, entities);
}

describe("statement similarity and alignment", () => {
  const units = unitsOf(articles);

  it("is symmetric, in [0, 1], and 1 for a statement with itself", () => {
    for (const a of units) {
      for (const b of units) {
        const s = unitSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(unitSimilarity(b, a), 12);
      }
      if (a.stems.length) expect(unitSimilarity(a, a)).toBeCloseTo(1, 6);
    }
  });

  it("aligns restatements across articles and not unrelated sentences", () => {
    const text = (i: number) => units[i]?.text ?? "";
    const pairs = alignUnits(units, 0.25).map((p) => [text(p.a), text(p.b)].sort().join(" | "));
    expect(pairs).toContain(
      [
        "A blaze destroyed dozens of containers on the north quay late on Sunday.",
        "A fire destroyed dozens of containers on the north quay on Sunday.",
      ].join(" | "),
    );
    expect(pairs.some((p) => p.includes("library"))).toBe(false);
    expect(pairs.some((p) => p.includes("Ships waited"))).toBe(false);
  });

  it("does not depend on the order of the articles", () => {
    const facts = (list: Article[]) =>
      analyzeStory(list)
        .facts.map(
          (f) =>
            `${f.kind}:${[...f.sources].sort().join(",")}:${f.evidence
              .map((e) => e.text)
              .sort()
              .join("|")}`,
        )
        .sort();
    expect(facts([...articles].reverse())).toEqual(facts(articles));
  });
});

describe("timeline and relations", () => {
  const report = analyzeStory(articles);

  it("merges one dated event told by several articles and sorts by date", () => {
    const sunday = report.timeline.find((t) => t.date === "2026-03-08");
    expect(sunday?.sources.sort()).toEqual(["one", "two"]);
    const dates = report.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("reads subject–predicate–object between named entities, merged across articles", () => {
    const threat = report.relations.find((r) => r.predicate === "threatens");
    const name = (id: string | undefined) => report.entities.find((e) => e.id === id)?.name;
    expect(name(threat?.subject)).toBe("Velmar Group");
    expect(threat?.sources.sort()).toEqual(["one", "three"]);
  });

  it("groups quotations independently of article order", () => {
    const quoted = [
      mk("x", '"We will rebuild the terminal," said Ana Ruiz.'),
      mk("y", 'Ana Ruiz said: "We will rebuild the terminal before summer."'),
    ];
    const count = (list: Article[]) => {
      const annotated = list.map((a) => annotateArticle(a));
      return groupQuotes(annotated, resolveEntities(annotated)).length;
    };
    expect(count(quoted)).toBe(1);
    expect(count([...quoted].reverse())).toBe(1);
  });
});

describe("shareLexical", () => {
  const [ships, sank, names, other] = unitsOf([
    mk("a", "Two cargo ships sank off Portavel on Sunday."),
    mk("b", "A ship sank near the harbour."),
    mk("c", "Later Tolland Brisk and Ada Marsh reached Portavel."),
    mk("d", "Yesterday Tolland Brisk thanked Ada Marsh warmly."),
  ]);
  it.each([
    ["a stem in common", ships, sank, true],
    ["the same, the other way round", sank, ships, true],
    ["only names in common", names, other, false],
    ["nothing in common", names, sank, false],
  ])("%s", (_, a, b, want) => {
    expect(shareLexical(a as NonNullable<typeof a>, b as NonNullable<typeof b>)).toBe(want);
  });
});
