import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFiles } from "../ingest/index.js";
import type { Article, ReportCertainty } from "../model/index.js";
import { annotateArticle } from "../pipeline.js";
import { spanReader, toReportCertainty } from "../report/build.js";
import { groupQuotes, resolveEntities } from "../resolve/index.js";
import { certaintyLevel, certaintyOf as findCertainty } from "./certainty.js";
import { provenanceOf } from "./provenance.js";
import { storyUnits } from "./units.js";

type Draft = Pick<Article, "id" | "text"> & Partial<Article>;

function storyOf(...drafts: Draft[]) {
  const annotated = drafts.map((d) =>
    annotateArticle({ source: `${d.id}.txt`, removedBoilerplate: [], diagnostics: [], ...d }),
  );
  const entities = resolveEntities(annotated);
  const story = { articles: annotated, entities, quotes: groupQuotes(annotated, entities) };
  return { story, units: storyUnits(annotated, entities) };
}

/** The certainty findings as the report gives them, with their words. */
function certaintyOf(...args: Parameters<typeof findCertainty>): ReportCertainty[] {
  const { words, evidence } = spanReader(args[0].articles.map((a) => a.article));
  return findCertainty(...args).map((c) => toReportCertainty(c, words, evidence));
}

describe("certaintyLevel", () => {
  it.each([
    ["The strikers have agreed to end the walkout.", "asserted", []],
    ["The union will sign the deal on Friday.", "asserted", []],
    ["The union did not agree to the deal.", "asserted", []],
    ["The vote took place in May and the plant closed on May 5.", "asserted", []],
    ["Workers are considered eligible for the bonus.", "asserted", []],
    ["The strikers reportedly agreed to end the walkout.", "reported", ["reportedly"]],
    ["The union agreed to the deal, officials told Gulf Wire.", "reported", ["told"]],
    ["According to the Valley Times, the mill closed.", "reported", ["According to"]],
    ["“We may strike again next month,” the union leader said.", "reported", ["said"]],
    ["Rebels are prepared to give up their rifles.", "hedged", ["prepared to"]],
    ["Pilots are reportedly willing to return.", "hedged", ["reportedly", "willing to"]],
    ["The council is likely to approve the budget.", "hedged", ["likely"]],
    ["The pilots could strike next week.", "hedged", ["could"]],
    ["The firm is in talks with its lenders.", "hedged", ["in talks"]],
    ["Strikers are considering an offer to return.", "speculative", ["considering"]],
    ["The miners are not considering a return.", "speculative", ["considering"]],
    ["The board may sell the unit.", "speculative", ["may"]],
    ["The union may strike again.", "speculative", ["may"]],
    ["Ministers are mulling a new tax on fuel.", "speculative", ["mulling"]],
    ["Will the miners strike again?", "speculative", ["?"]],
    ["A sale could potentially close this year.", "speculative", ["could potentially"]],
    ["The company said it would consider a revised offer.", "speculative", ["said", "consider"]],
    ["The mayor wants an early end to the strike.", "hedged", ["wants"]],
    ["The union seeks a nine percent rise.", "hedged", ["seeks"]],
    ["The ferry company wanted by the tax office closed.", "asserted", []],
  ])("%s → %s", (text, level, cues) => {
    const reading = certaintyLevel(text);
    expect(reading.level).toBe(level);
    expect(reading.cues).toEqual(cues);
    // Each cue is where its span says.
    expect(reading.spans.map((s) => text.slice(s.start, s.end))).toEqual(cues);
  });

  it("gives a quotation cue the span of the quoted words, without their marks", () => {
    const text = "Ferry strike 'could last weeks'";
    const reading = certaintyLevel(text, [], true);
    expect(reading.cues).toEqual(["“could last weeks”"]);
    expect(reading.spans).toEqual([{ start: 14, end: 30, quotation: true }]);
    expect(text.slice(14, 30)).toBe("could last weeks");
  });

  it("reads single quotation marks as a quotation in a headline only", () => {
    expect(certaintyLevel("Ferry strike 'could last weeks'", [], true)).toMatchObject({
      level: "reported",
      quoted: true,
    });
    expect(certaintyLevel("Ferry strike 'could last weeks'").level).toBe("hedged");
    expect(certaintyLevel("Dockers' union may strike", [], true)).toMatchObject({
      level: "speculative",
      quoted: false,
    });
  });

  it("ignores cues inside the quotation spans it is given", () => {
    const text = "The union leader said the crews might return.";
    const start = text.indexOf("the crews might return");
    expect(certaintyLevel(text).level).toBe("speculative");
    expect(certaintyLevel(text, [{ start, end: start + 22 }]).level).toBe("reported");
  });
});

describe("certaintyOf", () => {
  const find = (entries: ReportCertainty[], article: string, headline: boolean) =>
    entries.find((e) => e.article === article && e.headline === headline);

  it("flags a headline that asserts what its lead only weighs", () => {
    const title = "Bus Drivers Agree to End Walkout";
    const { story, units } = storyOf({
      id: "a",
      title,
      text: `${title}\n\nStriking bus drivers in the town of Orvelle are considering an offer to end their walkout, the union said on Tuesday.\n\nNo vote has been called yet.`,
    });
    const entries = certaintyOf(story, units);
    expect(entries).toHaveLength(2);
    const head = find(entries, "a", true);
    expect(head).toMatchObject({ level: "asserted", overstated: true });
    expect(head?.claim).toContain("Agree to End Walkout");
    expect(find(entries, "a", false)).toMatchObject({ level: "speculative", overstated: false });
    expect(find(entries, "a", false)?.evidence).toContain("considering");
  });

  it.each([
    [
      "a headline that says what its lead says",
      "Bus Drivers End Walkout After Pay Offer",
      "Bus drivers in the town of Orvelle ended their walkout on Tuesday after accepting a new pay offer.",
    ],
    [
      "a headline about something other than its lead",
      "Orvelle Opens New Library",
      "The town council is considering a tax on parking near the harbour to pay for its schools.",
    ],
    [
      "a headline that only drops its lead's attribution",
      "Bus Drivers End Walkout After Pay Offer",
      "Bus drivers in the town of Orvelle ended their walkout on Tuesday after a new pay offer, the union said.",
    ],
    [
      "a headline less sure than its lead",
      "Drivers May Accept Offer",
      "Bus drivers in Orvelle accepted the pay offer on Tuesday and will return to work.",
    ],
    [
      "a headline that leaves out the detail its lead hedges",
      "Orvelle Bus Depot Hit by Fire",
      "A fire hit the bus depot in Orvelle on Tuesday that potentially destroyed 40 vehicles and two workshops.",
    ],
    [
      "a headline that quotes what its lead hedges",
      "Orvelle bus strike 'to last for weeks'",
      "The bus strike in Orvelle could last for weeks, the union leader said on Tuesday.",
    ],
  ])("does not flag %s", (_, title, lead) => {
    const { story, units } = storyOf({ id: "a", title, text: `${title}\n\n${lead}` });
    const entries = certaintyOf(story, units);
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => !e.overstated)).toBe(true);
  });

  it("flags a headline that reports as agreed what its lead only weighs", () => {
    const title = "Bus Drivers Reportedly Agree to End Walkout";
    const { story, units } = storyOf({
      id: "a",
      title,
      text: `${title}\n\nStriking bus drivers in the town of Orvelle are considering an offer to end their walkout.`,
    });
    expect(find(certaintyOf(story, units), "a", true)).toMatchObject({ level: "reported", overstated: true });
  });

  it("flags a headline that asserts what its lead hedges in the clause the headline is about", () => {
    const title = "Orvelle Bus Depot Fire Destroys 40 Vehicles";
    const { story, units } = storyOf({
      id: "a",
      title,
      text: `${title}\n\nA fire hit the bus depot in Orvelle on Tuesday that potentially destroyed 40 vehicles and two workshops.`,
    });
    expect(find(certaintyOf(story, units), "a", true)).toMatchObject({ level: "asserted", overstated: true });
  });

  it("takes the first statement as the lead, past short lines and questions", () => {
    const { story, units } = storyOf({
      id: "a",
      text: "By a staff reporter.\n\nWhat comes next for the port?\n\nThe port of Orvelle may reopen next week, officials hope.",
    });
    const entries = certaintyOf(story, units);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.claim).toContain("may reopen next week");
    expect(entries[0]?.level).toBe("speculative");
    expect(entries[0]?.headline).toBe(false);
  });

  it("grades a headline given only as metadata", () => {
    const { story, units } = storyOf({
      id: "a",
      title: "Ferry Crews Agree to Return",
      text: "Ferry crews in Orvelle are weighing a return to work after a week on strike, their union said.",
    });
    const head = find(certaintyOf(story, units), "a", true);
    expect(head).toMatchObject({ claim: "Ferry Crews Agree to Return", level: "asserted", overstated: true });
  });

  describe("against the origin report", () => {
    const origin = {
      id: "wire",
      published: "2026-05-02",
      text: "Rebel groups in the Kessan valley are prepared to give up their rifles for the first time, four commanders said.",
    };
    const later = {
      id: "later",
      published: "2026-05-03",
      text: "Rebel groups in the Kessan valley have agreed to give up their rifles for the first time.",
    };

    it("flags a lead that asserts what the origin only hedges", () => {
      const { story, units } = storyOf(origin, later);
      const entries = certaintyOf(story, units, "wire");
      expect(find(entries, "later", false)).toMatchObject({ level: "asserted", overstated: true });
      expect(find(entries, "wire", false)).toMatchObject({ level: "hedged", overstated: false });
    });

    it("does not flag a lead that only drops the origin's attribution", () => {
      const attributed = {
        ...origin,
        text: "Rebel groups in the Kessan valley have agreed to give up their rifles for the first time, four commanders said.",
      };
      const { story, units } = storyOf(attributed, later);
      expect(find(certaintyOf(story, units, "wire"), "wire", false)?.level).toBe("reported");
      expect(certaintyOf(story, units, "wire").some((e) => e.overstated)).toBe(false);
    });

    it("does not flag it without an origin, nor against an unrelated origin sentence", () => {
      const { story, units } = storyOf(origin, later);
      expect(certaintyOf(story, units).some((e) => e.overstated)).toBe(false);
      const unrelated = {
        ...origin,
        text: "Farmers in the Kessan valley may lose much of their harvest to the drought, officials said.",
      };
      const other = storyOf(unrelated, later);
      expect(certaintyOf(other.story, other.units, "wire").some((e) => e.overstated)).toBe(false);
    });
  });
});

describe("certainty on the example story", () => {
  const dir = join(import.meta.dirname, "../../examples/port-strike-fire");
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
    certainty: { overstated: { article: string; keys: string[] }[] };
  };

  it("finds the overstated headline and nothing else overstated", async () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(dir, f));
    const { articles } = await readArticleFiles(files);
    const { story, units } = storyOf(...articles);
    const entries = certaintyOf(story, units, provenanceOf(story, units).origin?.article);
    expect(entries.filter((e) => !e.headline).map((e) => e.article)).toEqual(articles.map((a) => a.id));
    expect(entries.filter((e) => e.headline).map((e) => e.article)).toEqual(["001_talks-resume", "003_dockers-agree"]);
    for (const want of expected.certainty.overstated) {
      const got = entries.find((e) => e.article === want.article && e.overstated);
      expect(got, want.article).toBeDefined();
      for (const key of want.keys) expect(got?.claim).toContain(key);
    }
    expect(entries.filter((e) => e.overstated)).toHaveLength(expected.certainty.overstated.length);
    expect(entries.find((e) => e.article === "003_dockers-agree" && !e.headline)?.level).toBe("speculative");
  });
});
