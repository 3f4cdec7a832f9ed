import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { emptyReport } from "../../../test/fixtures.js";
import type { StoryReport } from "../../model/index.js";
import { articleInStory, rate, renderArticlePage, renderOutletPage } from "./other-pages.js";
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
    const doc = new JSDOM(renderOutletPage(profile, { storyCount: 1, offset: 0, limit: 20 })).window.document;
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

describe("articleInStory", () => {
  const text = "The Vell ferry ran again on Monday, the harbour office said.";
  const report: StoryReport = {
    ...emptyReport([]),
    articles: [
      { id: "a", storeId: 3, source: "a.txt", outlet: "Velmar Post", text, wordCount: 11, removedBoilerplate: [] },
      {
        id: "b",
        storeId: 8,
        source: "b.txt",
        outlet: "Portavel Daily",
        text: `Velmar: ${text}`,
        wordCount: 12,
        removedBoilerplate: [],
      },
    ],
    provenance: {
      citations: [],
      reuse: [
        {
          from: "a",
          to: "b",
          sharedFraction: 0.9,
          passages: 1,
          evidence: [
            {
              from: { article: "a", start: 0, end: 33, text: text.slice(0, 33) },
              to: { article: "b", start: 8, end: 41, text: text.slice(0, 33) },
            },
          ],
        },
      ],
      copies: [{ article: "a", copy: { id: "a-copy", storeId: 11 } }],
    },
  };

  it("finds an article's column and its passages by its store id, a copy's by the article it copies", () => {
    expect(articleInStory(report, 8, "/stories/3")).toEqual({
      name: "Portavel Daily",
      column: "/stories/3#art-1",
      shared: [
        {
          start: 8,
          end: 41,
          text: text.slice(0, 33),
          direction: "from",
          other: "Velmar Post",
          otherWords: "/stories/3#s0-0-33",
          otherPage: "/articles/3",
        },
      ],
    });
    expect(articleInStory(report, 11, "/stories/3")).toEqual({
      name: "Velmar Post",
      column: "/stories/3#art-0",
      shared: [],
    });
    // Negative: an article the report does not have.
    expect(articleInStory(report, 99, "/stories/3")).toBeUndefined();
  });

  it("marks a passage on the article page only where its offsets hold its words", () => {
    const place = articleInStory(report, 8, "/stories/3");
    const view = {
      storeId: 8,
      article: { source: "b.txt", text: `Velmar: ${text}` },
      story: { id: "3", title: "Ferry" },
      copies: [],
      ...(place ? { inStory: place } : {}),
    };
    const doc = new JSDOM(renderArticlePage(view)).window.document;
    expect(doc.querySelector(".article-text .k-reuse")?.textContent).toBe(text.slice(0, 33));
    const changed = new JSDOM(renderArticlePage({ ...view, article: { ...view.article, text: `Portavel: ${text}` } }))
      .window.document;
    expect(changed.querySelector(".article-text .k-reuse")).toBeNull();
    expect(changed.querySelector("#shared a.ev")).toBeNull();
  });
});
