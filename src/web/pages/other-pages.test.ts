import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { rate, renderOutletPage } from "./other-pages.js";
import type { OutletProfile } from "./profiles.js";

describe("rate", () => {
  it.each([
    [1, 4, undefined, "25%"],
    [0, 3, undefined, "0%"],
    [2, 0, undefined, "—"],
    [3, 1, "article", "3 per article"],
    [3, 2, "article", "1.5 per article"],
    [0, 2, "article", "0 per article"],
    [1, 0, "article", "—"],
  ])("%i of %i (per %s) reads %s", (n, of, per, expected) => {
    expect(rate(n, of, per)).toBe(expected);
  });
});

describe("renderOutletPage", () => {
  it("never gives a count that can pass its articles as a share over 100%", () => {
    const profile: OutletProfile = {
      name: "Invented Wire",
      articles: 1,
      stories: [{ id: "7", title: "An invented story", articles: 1 }],
      origin: 1,
      uniqueClaims: 3,
      contradicted: 2,
      overstatedHeadlines: 0,
      alteredQuotes: 1,
      quotes: 4,
      copiedBy: 2,
      copiesRun: 1,
    };
    const doc = new JSDOM(renderOutletPage(profile, { scanned: 1, complete: true })).window.document;
    const rows = [...doc.querySelectorAll("table.profile tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ["Is the origin report", "1", "100%", "its stories (1)"],
      ["Adds claims no one else has", "3", "3 per article", "its articles (1)"],
      ["Is contradicted by another outlet", "2", "2 per article", "its articles (1)"],
      ["Overstates a headline", "0", "0 per article", "its articles (1)"],
      ["Alters a quotation", "1", "25%", "its quotations (4)"],
      ["Has its report run again by another outlet", "2", "2 per article", "its articles (1)"],
      ["Runs another outlet's report as a copy", "1", "50%", "its articles and copies (2)"],
    ]);
    expect(doc.querySelector("header.page p")?.textContent).toMatch(
      /^1 article and 1 copy of others' reports in 1 story/,
    );
  });
});
