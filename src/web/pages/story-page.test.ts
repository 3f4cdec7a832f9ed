import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleArticles, hostileArticles, RTL_OVERRIDE } from "../../../test/server-fixtures.js";
import type { StoryReport } from "../../model/index.js";
import { analyzeStory } from "../../pipeline.js";
import { FINDING_KINDS, renderStoryPage } from "./story-page.js";

let example: StoryReport;
let hostile: StoryReport;

beforeAll(async () => {
  example = analyzeStory(await exampleArticles());
  hostile = analyzeStory(hostileArticles());
});

function dom(page: string): Document {
  return new JSDOM(page).window.document;
}

describe("renderStoryPage", () => {
  it("aligns every claim across the outlets' columns: support, contradiction or silence", () => {
    const doc = dom(renderStoryPage(example));
    const table = doc.querySelector("#claims table.claims");
    expect(table).not.toBeNull();
    const columns = table?.querySelectorAll("thead th").length ?? 0;
    expect(columns).toBe(example.articles.length + 1);
    const disputed = example.facts.find((f) => f.kind === "disputed");
    expect(disputed).toBeDefined();
    const row = doc.getElementById(`fact-${disputed?.id}`);
    expect(row?.querySelectorAll("td.against").length).toBe(disputed?.contradictedBy?.length);
    expect(row?.querySelectorAll("td.support").length).toBe(disputed?.sources.length);
    expect(row?.querySelectorAll("td").length).toBe(example.articles.length);
    // Every link in a cell lands on words drawn in an article.
    for (const a of row?.querySelectorAll("td a") ?? []) {
      const target = doc.getElementById(a.getAttribute("href")?.slice(1) ?? "");
      expect(target?.closest(".article-text")).not.toBeNull();
    }
  });

  it("links both sides of a discrepancy to their words in their articles", () => {
    const doc = dom(renderStoryPage(example));
    const d = example.discrepancies[0];
    const card = doc.getElementById(`disc-${d?.id}`);
    const links = [...(card?.querySelectorAll("a.ev") ?? [])];
    expect(links.length).toBe(d?.values.length);
    for (const [k, a] of links.entries()) {
      const target = doc.getElementById(a.getAttribute("href")?.slice(1) ?? "");
      expect(target?.classList.contains("k-value")).toBe(true);
      expect(target?.textContent).toBe(d?.values[k]?.evidence);
    }
  });

  it("shows the quotation renderings with word differences", () => {
    const doc = dom(renderStoryPage(example));
    expect(doc.querySelectorAll("#quotes .rendering").length).toBe(
      example.quotes.reduce((n, q) => n + q.occurrences.length, 0),
    );
    expect(doc.querySelectorAll("#quotes ins, #quotes del").length).toBeGreaterThan(0);
  });

  it("leaves out a section with nothing in it", () => {
    const empty: StoryReport = { ...example, relations: [], timeline: [], quotes: [] };
    const doc = dom(renderStoryPage(empty));
    expect(doc.getElementById("relations")).toBeNull();
    expect(doc.getElementById("timeline")).toBeNull();
    expect(doc.getElementById("quotes")).toBeNull();
    expect(doc.querySelector('nav.toc a[href="#relations"]')).toBeNull();
    expect(doc.getElementById("discrepancies")).not.toBeNull();
    for (const s of doc.querySelectorAll("main section")) expect(s.children.length).toBeGreaterThan(1);
  });

  it("filters by outlet: other outlets' articles and the findings only they carry are left out", () => {
    const outlet = example.articles.find((a) => a.outlet)?.outlet ?? "";
    const doc = dom(renderStoryPage(example, { outlets: [outlet] }));
    expect(doc.querySelectorAll("article.source").length).toBe(
      example.articles.filter((a) => a.outlet === outlet).length,
    );
    expect(doc.querySelectorAll("#claims thead th").length).toBe(2);
    const mine = example.articles.filter((a) => a.outlet === outlet).map((a) => a.id);
    const shownDisc = doc.querySelectorAll("#discrepancies .card").length;
    expect(shownDisc).toBe(example.discrepancies.filter((d) => d.values.some((v) => mine.includes(v.article))).length);
    expect(shownDisc).toBeLessThan(example.discrepancies.length + 1);
    expect(doc.querySelector(`input[name="outlet"][value="${outlet}"]`)?.hasAttribute("checked")).toBe(true);
  });

  it("filters by kind of finding", () => {
    const doc = dom(renderStoryPage(example, { kinds: ["discrepancies"] }));
    const ids = [...doc.querySelectorAll("main section")].map((s) => s.id);
    expect(ids).toEqual(["discrepancies", "articles"]);
    expect(FINDING_KINDS.length).toBeGreaterThan(5);
  });

  it("shows hostile article text as text: no element, handler or script link comes from it", () => {
    const page = renderStoryPage(hostile);
    const doc = dom(page);
    expect(doc.querySelectorAll("script:not([src])").length).toBe(0);
    expect([...doc.querySelectorAll("script")].map((s) => s.getAttribute("src"))).toEqual(["/assets/site.js"]);
    expect(doc.querySelectorAll("img, svg[onload], [onerror], [onload], b").length).toBe(0);
    expect([...doc.querySelectorAll("a")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? ""))).toEqual(
      [],
    );
    expect(doc.body.textContent).toContain('<script>document.title="pwned"</script>');
    expect(doc.body.textContent).toContain("Lakeside <b>Post</b>");
    expect(page).not.toContain(RTL_OVERRIDE);
    expect(page).not.toContain("<script>document");
  });
});
