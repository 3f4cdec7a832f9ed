import { describe, expect, it } from "vitest";
import { analyzeTexts } from "../../test/fixtures.js";
import type { Article } from "../model/index.js";
import { analyzeStory } from "../pipeline.js";
import { statesTest } from "./claims.js";

function story(...texts: [id: string, text: string][]) {
  return analyzeTexts(texts);
}

const VOTE = (tally: string, length: string) =>
  `The Kestrel Bay council voted ${tally} on Tuesday to close the Harlow bridge ${length} after cracks were found in its deck. ` +
  "Engineers from the Marlow Institute will inspect the bridge next week. " +
  "Ferries will carry commuters across the estuary while the bridge is shut.";

describe("claims: support, contradiction and silence", () => {
  const report = story(
    ["one", VOTE("7 to 2", "for six months")],
    ["two", VOTE("7 to 2", "for six months")],
    ["three", VOTE("6-3", "for a year")],
    ["four", "The Harlow Arts Festival opened on Friday with a parade through the old town of Kestrel Bay."],
  );
  const claim = report.facts.find((f) => f.text.includes("7 to 2"));

  it("credits only the supporters, and lists the contradicting article apart", () => {
    expect(claim?.kind).toBe("disputed");
    expect(claim?.sources.sort()).toEqual(["one", "two"]);
    expect(claim?.contradictedBy).toEqual(["three"]);
  });

  it("keeps the contradicting article's words as evidence, pointing at its sentence", () => {
    const words = claim?.evidence.find((e) => e.article === "three");
    const three = report.articles.find((a) => a.id === "three");
    expect(words && three?.text.slice(words.start, words.end)).toBe(words?.text);
    expect(words?.text).toContain("6-3");
  });

  it("treats the silent article as neither", () => {
    expect(claim?.sources).not.toContain("four");
    expect(claim?.contradictedBy).not.toContain("four");
  });

  it("never cites an article in the brief for a value it contradicts", () => {
    for (const s of report.brief) {
      if (/7 to 2|six months/.test(s.text) && !/6-3/.test(s.text)) expect(s.citations).not.toContain("three");
      if (/6-3|a year/.test(s.text) && !/7 to 2/.test(s.text)) {
        expect(s.citations).not.toContain("one");
        expect(s.citations).not.toContain("two");
      }
    }
  });

  it("leaves claims that agree, or that differ within compatible ranges, corroborated", () => {
    const agreed = story(
      ["one", "More than 300 workers walked out at the Velmar terminal in Portavel on Monday, the union said."],
      ["two", "Around 350 workers walked out at the Velmar terminal in Portavel on Monday, the union said."],
    );
    expect(agreed.facts.filter((f) => f.kind === "disputed")).toEqual([]);
    expect(agreed.facts.some((f) => f.kind === "corroborated" && f.sources.length === 2)).toBe(true);
  });
});

describe("headlines", () => {
  it("are metadata: a headline joins no fact, corroborated or not", () => {
    const title = "Harlow bridge to close after council vote in Kestrel Bay";
    const articles: Article[] = [
      {
        id: "one",
        source: "one.txt",
        title,
        text: `${title}\n\nThe Kestrel Bay council voted on Tuesday to close the Harlow bridge after cracks were found.`,
        removedBoilerplate: [],
        diagnostics: [],
      },
      {
        id: "two",
        source: "two.txt",
        text: "The Harlow bridge in Kestrel Bay will close after a council vote on Tuesday, officials said.",
        removedBoilerplate: [],
        diagnostics: [],
      },
    ];
    const report = analyzeStory(articles);
    expect(report.facts.filter((f) => f.evidence.some((e) => e.text === title))).toEqual([]);
  });
});

describe("statesTest", () => {
  const states = statesTest();
  it.each([
    ["The council voted 7 to 2 on Tuesday.", "7 to 2", true],
    ["THE BRIDGE CLOSES FOR SIX MONTHS.", "six months", true],
    ["It closes on Wednesday, the council said.", "on Wednesday (2031-09-17)", true],
    ["Some 120 people came.", "12", false],
    ["The festival opened on Wednesdays.", "on Wednesday", false],
    ["The council voted 6-3.", "7 to 2", false],
    ["Anything at all.", "", false],
  ])("%s holds %s: %s", (text, value, held) => {
    expect(states(text, value)).toBe(held);
    // Asked again, with the pattern and the lowered text kept, it answers the same.
    expect(states(text, value)).toBe(held);
    // Given the text in lower case, it answers the same.
    expect(states(text, value, text.toLowerCase())).toBe(held);
  });

  it("reads the lower case given, not its own", () => {
    expect(statesTest()("Six months", "six months", "six months")).toBe(true);
    expect(statesTest()("Six months", "six months", "another text")).toBe(false);
  });
});
