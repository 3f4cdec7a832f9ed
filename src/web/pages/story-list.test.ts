import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { hostileArticles } from "../../../test/server-fixtures.js";
import type { StoryReport } from "../../model/index.js";
import { analyzeStory } from "../../pipeline.js";
import { readableTime, timeSpan } from "./common.js";
import {
  articleCount,
  isNewSince,
  renderBars,
  renderOutlets,
  renderStoryList,
  type StorySummary,
  summarizeArticles,
  summarizeStory,
} from "./story-list.js";

const report: StoryReport = analyzeStory(hostileArticles());

function summary(extra: Partial<StorySummary>): StorySummary {
  return { ...summarizeStory(report), ...extra };
}

describe("summarizeStory", () => {
  it("counts articles by outlet and by day, and the contested findings", () => {
    const s = summarizeStory(report);
    expect(s.articleCount).toBe(3);
    expect(s.days).toEqual([
      { day: "2031-04-08", articles: 1 },
      { day: "2031-04-09", articles: 2 },
    ]);
    expect(s.undated).toBe(0);
    expect(s.outlets.map((o) => o.articles)).toEqual([1, 1, 1]);
    expect(s.discrepancies).toBe(report.discrepancies.filter((d) => d.compatible !== true).length);
    expect(s.disputedFacts).toBe(report.facts.filter((f) => f.kind === "disputed").length);
  });
});

describe("summarizeArticles", () => {
  it("counts copies among the articles, and their outlets and days with the rest, as the CLI's list does", () => {
    const s = summarizeArticles([
      { outlet: "Invented Wire", published: "2031-04-08T06:00:00Z" },
      { outlet: "Invented Herald", published: "2031-04-08", copy: true },
      { outlet: " ", published: "2031-04-09" },
      {},
    ]);
    expect(s).toEqual({
      articleCount: 4,
      copies: 1,
      outlets: [
        { name: "Invented Herald", articles: 1 },
        { name: "Invented Wire", articles: 1 },
      ],
      withoutOutlet: 2,
      days: [
        { day: "2031-04-08", articles: 2 },
        { day: "2031-04-09", articles: 1 },
      ],
      undated: 1,
    });
  });

  it.each([
    [{ articleCount: 4, copies: 1 }, "4 articles (1 copy)"],
    [{ articleCount: 5, copies: 2 }, "5 articles (2 copies)"],
    [{ articleCount: 1, copies: 0 }, "1 article"],
  ])("says %j as %j", (counts, text) => {
    expect(articleCount(counts)).toBe(text);
  });
});

describe("timeSpan", () => {
  it.each([
    ["2026-03-09", "2026-03-10T08:15", "2026-03-09 to 2026-03-10"],
    ["2026-03-10T06:00", "2026-03-10T08:15", "2026-03-10"],
    [undefined, "2026-03-10", "2026-03-10"],
    [undefined, undefined, ""],
    ["March 2026", undefined, "March 2026"],
  ])("from %j to %j reads %j", (first, last, text) => {
    expect(timeSpan(first, last)).toBe(text);
  });
});

describe("a story's outlets in the list", () => {
  // The first article keeps its outlet; the others name none, one read from a URL, one from a file.
  const [first, second, third] = report.articles;
  const mixed: StoryReport = {
    ...report,
    articles: [
      { ...(first as (typeof report.articles)[number]), outlet: "Invented Ledger" },
      { ...(second as (typeof report.articles)[number]), outlet: "  ", source: "https://www.news.invalid/a/1" },
      { ...(third as (typeof report.articles)[number]), source: "third-file.txt" },
    ],
  };
  delete (mixed.articles[2] as { outlet?: string }).outlet;
  const text = (s: Pick<StorySummary, "outlets" | "withoutOutlet">) =>
    new JSDOM(`<p>${renderOutlets(s).value}</p>`).window.document.querySelector("p");

  it("counts only the outlets articles name, the rest apart, as the CLI does", () => {
    const s = summarizeStory(mixed);
    expect(s.outlets).toEqual([{ name: "Invented Ledger", articles: 1 }]);
    expect(s.withoutOutlet).toBe(2);
    const p = text(s);
    expect(p?.textContent).toBe("1 outlet: Invented Ledger, 2 articles without one");
    expect([...(p?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"))).toEqual([
      "/outlets/Invented%20Ledger",
    ]);
  });

  it.each([
    [
      {
        outlets: [
          { name: "A", articles: 2 },
          { name: "B", articles: 1 },
        ],
        withoutOutlet: 0,
      },
      "2 outlets: A ×2, B",
    ],
    [{ outlets: [{ name: "A", articles: 1 }], withoutOutlet: 1 }, "1 outlet: A, 1 article without one"],
    [{ outlets: [], withoutOutlet: 3 }, "No outlet named"],
  ])("%j reads %s, with no host or id named as an outlet", (s, expected) => {
    expect(text(s)?.textContent).toBe(expected);
  });

  it("draws the articles without an outlet as a bar of their own, named so", () => {
    const page = renderStoryList({
      stories: [summarizeStory(mixed)],
      more: false,
      offset: 0,
      limit: 10,
      query: { sort: "newest" },
    });
    const doc = new JSDOM(page).window.document;
    const titles = [...doc.querySelectorAll("svg.bars")][0]?.querySelectorAll("title");
    expect([...(titles ?? [])].map((t) => t.textContent)).toEqual(["Invented Ledger: 1", "no outlet named: 2"]);
    const figures = [...doc.querySelectorAll("figure.chart")][0]?.querySelectorAll("ul.figures li");
    expect([...(figures ?? [])].map((t) => t.textContent)).toEqual(["Invented Ledger: 1", "no outlet named: 2"]);
    expect(page).not.toContain("news.invalid");
    expect(page).not.toContain(`/outlets/${mixed.articles[2]?.id}`);
  });
});

describe("readableTime", () => {
  it.each([
    ["2031-04-09T08:15:30.000Z", "2031-04-09 08:15 UTC"],
    ["2031-04-09T08:15Z", "2031-04-09 08:15 UTC"],
    ["2031-04-09T08:15", "2031-04-09 08:15"],
    // Negative rows: a date alone, or what is no instant, stays as it is.
    ["2031-04-09", "2031-04-09"],
    ["2031-04-09T08:15:30+02:00", "2031-04-09T08:15:30+02:00"],
    ["soon", "soon"],
  ])("%s reads %s", (time, expected) => {
    expect(readableTime(time)).toBe(expected);
  });
});

describe("isNewSince", () => {
  it.each([
    ["2031-04-09", "2031-04-08", true],
    ["2031-04-09T10:00", "2031-04-09T09:00", true],
    ["2031-04-08", "2031-04-08", false],
    ["2031-04-07", "2031-04-08", false],
    [undefined, "2031-04-08", false],
    ["2031-04-01", "2031-04-08", true, "2031-04-09T08:00:00Z"],
    ["2031-04-09", undefined, false],
  ])("last %s, since %s: %s (updated %s)", (last, since, expected, updatedAt?: string) => {
    expect(isNewSince({ ...(last ? { lastPublished: last } : {}), ...(updatedAt ? { updatedAt } : {}) }, since)).toBe(
      expected,
    );
  });
});

describe("renderBars", () => {
  const figure = (items: { label: string; value: number }[]) =>
    new JSDOM(`<!DOCTYPE html><body>${renderBars(items, "Articles by day").value}</body>`).window.document;

  it("shows every figure as text beside the bars, captioned, the bars hidden from screen readers", () => {
    const doc = figure([
      { label: "2031-04-08", value: 3 },
      { label: "2031-04-09", value: 1 },
    ]);
    expect(doc.querySelector("figure.chart figcaption")?.textContent).toBe("Articles by day");
    expect([...doc.querySelectorAll("ul.figures li")].map((li) => li.textContent)).toEqual([
      "2031-04-08: 3",
      "2031-04-09: 1",
    ]);
    const svg = doc.querySelector("svg.bars");
    expect(svg?.getAttribute("aria-hidden")).toBe("true");
    expect(svg?.querySelectorAll("rect")).toHaveLength(2);
  });

  it("sums the items past the last bar in one figure, so that the figures still add up", () => {
    const items = Array.from({ length: 20 }, (_, k) => ({ label: `d${k}`, value: k + 1 }));
    const doc = figure(items);
    expect(doc.querySelectorAll("svg.bars rect")).toHaveLength(14);
    const figures = [...doc.querySelectorAll("ul.figures li")].map((li) => li.textContent ?? "");
    expect(figures).toHaveLength(15);
    expect(figures.at(-1)).toBe(`6 more: ${15 + 16 + 17 + 18 + 19 + 20}`);
    const total = figures.reduce((n, f) => n + Number(f.split(": ")[1]), 0);
    expect(total).toBe(items.reduce((n, i) => n + i.value, 0));
    // Negative: a chart that fits has no summed line.
    expect([...figure(items.slice(0, 14)).querySelectorAll("ul.figures li")].map((li) => li.textContent)).not.toContain(
      expect.stringMatching(/more/),
    );
  });

  it("escapes its labels", () => {
    const doc = figure([{ label: "<b>Post</b>", value: 2 }]);
    expect(doc.querySelectorAll("b")).toHaveLength(0);
    expect(doc.querySelector("ul.figures li")?.textContent).toBe("<b>Post</b>: 2");
  });

  it("draws one bar per item, tallest for the largest, nothing for no items", () => {
    const svg = renderBars(
      [
        { label: "a", value: 1 },
        { label: "b", value: 4 },
      ],
      "t",
    ).value;
    const heights = [...svg.matchAll(/height="(\d+)"><title>/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([7, 28]);
    expect(renderBars([], "t").value).toBe("");
  });
});

describe("renderStoryList", () => {
  const view = {
    more: true,
    offset: 0,
    limit: 2,
    query: { sort: "newest" as const, outlet: "x&y" },
    since: "2031-04-08T12:00",
  };

  it("marks stories new since the last visit, links pages, and keeps the filters in the links", () => {
    const page = renderStoryList({
      ...view,
      stories: [summary({ id: "1" }), summary({ id: "2", lastPublished: "2031-04-01" })],
    });
    expect(new JSDOM(page).window.document.querySelector("header.page p")?.textContent).toContain(
      "1 new since your last visit (2031-04-08 12:00)",
    );
    const doc = new JSDOM(
      renderStoryList({ ...view, stories: [summary({ id: "1" }), summary({ id: "2", lastPublished: "2031-04-01" })] }),
    ).window.document;
    const items = [...doc.querySelectorAll("li.story")];
    expect(items.map((li) => li.classList.contains("new"))).toEqual([true, false]);
    expect(items[0]?.querySelector("h2 a")?.getAttribute("href")).toBe("/stories/1");
    expect(doc.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/?sort=newest&outlet=x%26y&offset=2");
    expect(doc.querySelector('a[rel="prev"]')).toBeNull();
    expect(doc.querySelectorAll("li.story svg.bars").length).toBe(4);
    expect(doc.querySelector("main")).not.toBeNull();
    expect(doc.querySelector('form[role="search"] label')?.getAttribute("for")).toBe("site-q");
  });

  it("asks for a date to mark stories new since, and keeps the date asked for in its page links", () => {
    const asked = renderStoryList({
      ...view,
      query: { ...view.query, since: "2031-04-08" },
      since: "2031-04-08",
      stories: [summary({ id: "1" })],
    });
    const doc = new JSDOM(asked).window.document;
    expect(doc.querySelector('form.filters input[name="since"]')?.getAttribute("value")).toBe("2031-04-08");
    expect(doc.querySelector('form.filters input[name="since"]')?.closest("label")?.textContent).toContain("New since");
    expect(doc.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(
      "/?sort=newest&outlet=x%26y&since=2031-04-08&offset=2",
    );
    // Negative: a last visit from the cookie marks the list but is no date the reader asked for.
    const remembered = new JSDOM(renderStoryList({ ...view, stories: [summary({ id: "1" })] })).window.document;
    expect(remembered.querySelector('form.filters input[name="since"]')?.getAttribute("value")).toBe("");
    expect(remembered.querySelector('a[rel="next"]')?.getAttribute("href")).not.toContain("since");
  });

  it("escapes titles and outlet names", () => {
    const page = renderStoryList({ ...view, stories: [summary({ id: "1", title: "<script>x()</script>" })] });
    expect(page).not.toContain("<script>x()");
    expect(page).not.toContain("<b>Post");
    expect(new JSDOM(page).window.document.querySelector("li.story h2 a")?.textContent).toBe("<script>x()</script>");
  });

  it("says when nothing matches", () => {
    const page = renderStoryList({ ...view, more: false, stories: [] });
    expect(page).toContain("No stories match.");
    expect(page).not.toContain('rel="next"');
  });
});
