import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleArticles, hostileArticles } from "../../../test/server-fixtures.js";
import type { StoryReport } from "../../model/index.js";
import { analyzeStory } from "../../pipeline.js";
import { renderEntityPage, renderOutletPage, renderSearchPage } from "./other-pages.js";
import { type EntityView, profileOutlet, type StoryRef, viewEntity } from "./profiles.js";
import { renderStoryPage } from "./story-page.js";

let stories: StoryRef[];
let example: StoryReport;

beforeAll(async () => {
  example = analyzeStory(await exampleArticles());
  stories = [
    { id: "1", report: example },
    { id: "2", report: analyzeStory(hostileArticles()) },
  ];
});

describe("profileOutlet", () => {
  it("counts an outlet's origin reports, unique and contradicted claims, headlines and quotations", () => {
    const origin = example.provenance.origin?.article ?? "";
    // The example's origin article names no outlet; here it is given one.
    const name = "Invented Origin Wire";
    const named: StoryReport = {
      ...example,
      articles: example.articles.map((a) => (a.id === origin ? { ...a, outlet: name } : a)),
    };
    const p = profileOutlet(name, [{ id: "1", report: named }, ...stories.slice(1)]);
    expect(p.articles).toBe(1);
    expect(p.stories.map((s) => s.id)).toEqual(["1"]);
    expect(p.origin).toBe(1);
    expect(p.uniqueClaims).toBe(example.facts.filter((f) => f.kind === "unique" && f.sources.includes(origin)).length);
    expect(p.contradicted).toBe(
      example.facts.filter((f) => f.sources.includes(origin) && (f.contradictedBy ?? []).length > 0).length,
    );
    expect(p.quotes).toBe(example.quotes.flatMap((q) => q.occurrences).filter((o) => o.article === origin).length);
  });

  it("matches the name ignoring case, and finds nothing for an outlet with no article", () => {
    expect(profileOutlet("NORTHSHORE DAILY", stories).articles).toBe(1);
    // An article without an outlet is no outlet's, not even under its own id.
    const unnamed = example.articles.find((a) => !a.outlet)?.id ?? "";
    expect(unnamed).not.toBe("");
    expect(profileOutlet(unnamed, stories).articles).toBe(0);
    const none = profileOutlet("No Such Outlet", stories);
    expect(none).toMatchObject({ articles: 0, origin: 0, uniqueClaims: 0, stories: [] });
  });
});

describe("profileOutlet with copies", () => {
  it("counts the copies others ran of an outlet's reports, and the copies an outlet ran of others'", () => {
    const origin = example.articles.find((a) => a.outlet);
    if (!origin?.outlet) throw new Error("fixture: no example article names its outlet");
    const copy = (id: string, outlet: string) => ({ article: origin.id, copy: { id, outlet } });
    const report: StoryReport = {
      ...example,
      provenance: {
        ...example.provenance,
        copies: [copy("c1", "Invented Copy Desk"), copy("c2", "invented copy desk"), copy("c3", origin.outlet)],
      },
    };
    const runs = profileOutlet("Invented Copy Desk", [{ id: "1", report }]);
    expect(runs).toMatchObject({ articles: 0, copiesRun: 2, copiedBy: 0 });
    expect(runs.stories).toEqual([{ id: "1", title: example.story.title, articles: 2 }]);
    // Its own report run again under its own name is not another outlet's copy of it.
    const copied = profileOutlet(origin.outlet, [{ id: "1", report }]);
    expect(copied).toMatchObject({ copiedBy: 2, copiesRun: 1 });
    // Negative: without copies in the report, nothing of the kind is counted, and an outlet that ran none has no story.
    expect(profileOutlet(origin.outlet, [{ id: "1", report: example }])).toMatchObject({ copiedBy: 0, copiesRun: 0 });
    expect(profileOutlet("Invented Copy Desk", [{ id: "1", report: example }]).stories).toEqual([]);
  });
});

describe("viewEntity", () => {
  it("gathers an entity's stories, aliases and quotations across reports", () => {
    const speaker = example.quotes.find((q) => q.speaker.entity)?.speaker.entity ?? "";
    const view = viewEntity(speaker, stories);
    expect(view?.stories.map((s) => s.id)).toEqual(["1"]);
    expect(view?.quotes.length).toBe(
      example.quotes.filter((q) => q.speaker.entity === speaker).flatMap((q) => q.occurrences).length,
    );
    expect(view?.aliases).not.toContain(view?.name);
    // Outlets are the ones the articles name; articles without one are counted, their ids never listed.
    const ids = new Set(example.articles.map((a) => a.id));
    const story = view?.stories[0];
    expect(story?.outlets.some((o) => ids.has(o))).toBe(false);
    const mentioning = new Set(example.entities.find((e) => e.id === speaker)?.mentions.map((m) => m.article) ?? []);
    expect((story?.outlets.length ?? 0) + (story?.articlesWithoutOutlet ?? 0)).toBe(mentioning.size);
    expect(story?.articlesWithoutOutlet).toBeGreaterThan(0);
    expect(view?.quotes.some((q) => ids.has(q.outlet))).toBe(false);
    expect(viewEntity("person:nobody-at-all", stories)).toBeUndefined();
  });
});

describe("what an entity said where", () => {
  it("links each quotation and relation of the entity page to its words on the story page", () => {
    const storyPage = new JSDOM(renderStoryPage(example)).window.document;
    const entityIds = new Set([
      ...example.quotes.flatMap((q) => (q.speaker.entity ? [q.speaker.entity] : [])),
      ...example.relations.flatMap((r) => [r.subject, r.object]),
    ]);
    let quotes = 0;
    let relations = 0;
    for (const id of entityIds) {
      const view = viewEntity(id, stories);
      const page = new JSDOM(renderEntityPage(view as EntityView, { storyCount: 2, offset: 0, limit: 20 })).window
        .document;
      for (const q of view?.quotes ?? []) {
        quotes++;
        const target = storyPage.getElementById(q.words ?? "");
        expect(target?.classList.contains("k-quote")).toBe(true);
        expect(target?.textContent?.replace(/\s+/g, " ")).toBe(q.text.replace(/\s+/g, " "));
        expect(page.querySelector(`#said a.ev[href="/stories/1#${q.words}"]`)).not.toBeNull();
      }
      for (const r of view?.relations ?? []) {
        relations++;
        const target = storyPage.getElementById(r.words ?? "");
        expect(target?.closest(".article-text, article.source")).not.toBeNull();
        expect(page.querySelector(`#relations a[href="/stories/1#${r.words}"]`)).not.toBeNull();
      }
    }
    expect(quotes).toBeGreaterThan(0);
    expect(relations).toBeGreaterThan(0);
  });

  it("links the whole article, never a guess, when a quotation's words are not where the report says", () => {
    const q = example.quotes.find((x) => x.speaker.entity);
    if (!q?.speaker.entity) throw new Error("fixture: no attributed quotation");
    const moved: StoryReport = {
      ...example,
      quotes: example.quotes.map((x) =>
        x === q ? { ...x, occurrences: x.occurrences.map((o) => ({ ...o, start: o.start + 1, end: o.end + 1 })) } : x,
      ),
    };
    const view = viewEntity(q.speaker.entity, [{ id: "1", report: moved }]);
    // Not words elsewhere, never a guess: the whole article.
    expect(view?.quotes.filter((x) => x.quote === q.id).every((x) => /^art-\d+$/.test(x.words ?? ""))).toBe(true);
  });
});

describe("entity, outlet and search pages", () => {
  it("render escaped, with their sections and no empty ones", () => {
    const speaker = example.quotes.find((q) => q.speaker.entity)?.speaker.entity ?? "";
    const view = viewEntity(speaker, stories);
    if (!view) throw new Error("no entity");
    const doc = new JSDOM(renderEntityPage({ ...view, relations: [] }, { storyCount: 2, offset: 0, limit: 20 })).window
      .document;
    expect(doc.getElementById("stories")).not.toBeNull();
    expect(doc.getElementById("relations")).toBeNull();
    const outlet = new JSDOM(
      renderOutletPage(profileOutlet("Lakeside <b>Post</b>", stories), { storyCount: 3, offset: 0, limit: 1, next: 1 }),
    ).window.document;
    expect(outlet.querySelector("h1")?.textContent).toBe("Lakeside <b>Post</b>");
    expect(outlet.querySelectorAll("table.profile tbody tr").length).toBe(7);
    // A page of its stories says which ones and links to the next page at the outlet's own address.
    expect(outlet.querySelector("#stories .lede")?.textContent).toBe("Stories 1–1 of 3, most recent first");
    expect(outlet.querySelector('nav.pages a[rel="next"]')?.getAttribute("href")).toBe(
      "/outlets/Lakeside%20%3Cb%3EPost%3C%2Fb%3E?offset=1&limit=1",
    );
  });

  it("marks the matched words of a search hit and escapes the rest", () => {
    const page = renderSearchPage("fire", [
      { storyId: "1", storyTitle: "t", name: "a", snippet: "<i>the</i> «fire» spread" },
    ]);
    const doc = new JSDOM(page).window.document;
    expect(doc.querySelector(".results mark")?.textContent).toBe("fire");
    // A hit without the article's store id links to its story; with it, to the article, its story beside.
    expect(doc.querySelector(".results li > a")?.getAttribute("href")).toBe("/stories/1");
    const linked = new JSDOM(
      renderSearchPage("fire", [{ articleId: 9, storyId: "1", storyTitle: "t", name: "a", snippet: "«fire»" }]),
    ).window.document;
    expect(linked.querySelector(".results li > a")?.getAttribute("href")).toBe("/articles/9");
    expect(linked.querySelector(".results .meta a")?.getAttribute("href")).toBe("/stories/1");
    expect(doc.querySelector(".results i")).toBeNull();
    // An untitled hit is named by its first words, never by its file id; a headline comes first.
    const named = (hit: { title?: string; opening?: string }) =>
      new JSDOM(
        renderSearchPage("fire", [{ storyId: "1", storyTitle: "t", name: "003_draft", snippet: "«fire»", ...hit }]),
      ).window.document.querySelector(".results li > a")?.textContent;
    expect(named({ opening: "The <b>fire</b> spread to the quay…" })).toBe("“The <b>fire</b> spread to the quay…”");
    expect(named({ title: "Quay fire", opening: "The fire spread" })).toBe("Quay fire");
    expect(named({})).toBe("003_draft");
    expect(renderSearchPage("zzz", [])).toContain("No article matches.");
    expect(renderSearchPage("", [])).toContain("Type words");
  });
});
