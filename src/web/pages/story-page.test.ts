import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleArticles, hostileArticles, RTL_OVERRIDE } from "../../../test/server-fixtures.js";
import { articleNames, type ReportCopy, type StoryReport } from "../../model/index.js";
import { analyzeStory } from "../../pipeline.js";
import {
  CLAIMS_PER_PAGE,
  FINDING_KINDS,
  MAX_CLAIM_ROWS,
  renderClaimsPage,
  renderStoryPage,
  withLabels,
} from "./story-page.js";

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

  it("marks each side's disputed words inside its sentence in the article", () => {
    const doc = dom(renderStoryPage(example));
    let marked = 0;
    for (const d of example.discrepancies) {
      for (const v of d.values) {
        const sentence = doc.getElementById(
          doc.querySelector(`#disc-${d.id} a.ev`)?.getAttribute("href")?.slice(1) ?? "",
        );
        expect(sentence).not.toBeNull();
        const at = v.evidence.toLowerCase().indexOf(v.value.toLowerCase());
        if (at < 0 || v.start === undefined) continue;
        const start = v.start + at;
        const id = `s${example.articles.findIndex((a) => a.id === v.article)}-${start}-${start + v.value.length}`;
        const words = [...doc.querySelectorAll(".article-text .mark.k-disputed")].filter((m) => m.id === id);
        expect(words.length, `${d.id} ${v.article}`).toBe(1);
        expect(words[0]?.textContent?.toLowerCase()).toBe(v.value.toLowerCase());
        expect(words[0]?.closest(".k-value")).not.toBeNull();
        marked++;
      }
    }
    expect(marked).toBeGreaterThan(1);
    // Only the values' words: no other marked words are drawn as disputed.
    expect(doc.querySelectorAll(".article-text .mark.k-disputed").length).toBeLessThanOrEqual(marked);
  });

  it("names the articles of a discrepancy's explanation as the page does, by outlet", () => {
    const named: StoryReport = {
      ...example,
      articles: example.articles.map((a, i) => ({ ...a, outlet: `Invented Outlet ${i + 1}` })),
    };
    const doc = dom(renderStoryPage(named));
    const d = named.discrepancies.find((x) => x.values.length >= 2);
    const text = doc.querySelector(`#disc-${d?.id} > p`)?.textContent ?? "";
    for (const v of d?.values ?? []) {
      expect(text).not.toContain(v.article);
      expect(text).toContain(`Invented Outlet ${named.articles.findIndex((a) => a.id === v.article) + 1}`);
    }
  });

  it("names an article without an outlet by its headline or number everywhere, never by its file id", () => {
    const doc = dom(renderStoryPage(example));
    const unnamed = example.articles.filter((a) => !a.outlet?.trim());
    expect(unnamed.length).toBeGreaterThan(0);
    // Filters, citations, tables and article headers: the visible text and the outlet links.
    const visible = [
      ...doc.querySelectorAll(
        "form.filters label, .cite, #outlets th, #claims thead th, #discrepancies, #quotes, #certainty, #articles h3",
      ),
    ]
      .map((e) => e.textContent)
      .join("\n");
    for (const a of unnamed) {
      expect(visible).not.toContain(a.id);
      expect(doc.querySelector(`a[href="/outlets/${encodeURIComponent(a.id)}"]`)).toBeNull();
    }
    // A brief stored before it named articles so is named on the page.
    const older: StoryReport = {
      ...example,
      brief: [{ text: `Only ${unnamed[0]?.id} reports: a fire broke out.`, citations: [unnamed[0]?.id ?? ""] }],
    };
    expect(dom(renderStoryPage(older)).querySelector("#brief li")?.textContent).not.toContain(unnamed[0]?.id);
    // The filter still sends the article's id, and shows its name.
    const first = unnamed[0];
    const box = doc.querySelector(`form.filters input[value="${first?.id}"]`);
    expect(box?.parentElement?.textContent?.trim()).toMatch(/^(“.+”|article \d+ \(no outlet named\))$/);
    // Each article's header gives its number, which the names "article N" refer to.
    const headers = [...doc.querySelectorAll("#articles h3")].map((h) => h.textContent ?? "");
    headers.forEach((h, i) => {
      expect(h.startsWith(`${i + 1}. `)).toBe(true);
    });
    expect(headers.filter((h) => h.includes("No outlet named")).length).toBe(unnamed.length);
  });

  it("draws provenance as a graph: who reused whose text and whom each article cites", () => {
    const [a, b, c] = example.articles;
    const withProvenance: StoryReport = {
      ...example,
      provenance: {
        origin: { name: "Invented Wire" },
        citations: [
          { article: a?.id ?? "", cites: "Invented Wire", evidence: "" },
          { article: a?.id ?? "", cites: "Invented Wire", evidence: "" },
          { article: b?.id ?? "", cites: "Invented Harbour Office", evidence: "" },
        ],
        reuse: [{ from: a?.id ?? "", to: b?.id ?? "", sharedFraction: 0.42, passages: 3 }],
      },
    };
    const svg = dom(renderStoryPage(withProvenance)).querySelector("#provenance svg.graph");
    expect(svg?.getAttribute("role")).toBe("img");
    const edges = [...(svg?.querySelectorAll(".edge-label") ?? [])].map((e) => e.textContent);
    // One arrow per article and source, however often it cites it.
    expect(edges.sort()).toEqual(["cites", "cites", "reused 42%"]);
    const nodes = [...(svg?.querySelectorAll("g title") ?? [])].map((t) => t.textContent);
    expect(nodes).toContain("Invented Wire");
    expect(nodes).toContain("Invented Harbour Office");
    // An article that neither reused nor cited anything is not drawn, and no node is named by a file id.
    const names = renderStoryPage(withProvenance);
    expect(nodes).not.toContain(c?.id);
    expect(nodes.some((n) => example.articles.some((x) => x.id === n))).toBe(false);
    expect(names).toContain("Who reused whose text");
    const none = { ...example, provenance: { citations: [], reuse: [] } };
    expect(dom(renderStoryPage(none)).querySelector("#provenance svg")).toBeNull();
  });

  it("lists each reused passage, linked to its words in both articles, which are marked there", () => {
    const [a, b] = example.articles as [StoryReport["articles"][number], StoryReport["articles"][number]];
    const words = (x: typeof a, start: number, end: number) => ({
      article: x.id,
      start,
      end,
      text: x.text.slice(start, end),
    });
    const passage = { from: words(a, 0, 30), to: words(b, 4, 40) };
    const report: StoryReport = {
      ...example,
      provenance: {
        citations: [],
        reuse: [{ from: a.id, to: b.id, sharedFraction: 0.3, passages: 1, evidence: [passage] }],
      },
    };
    const doc = dom(renderStoryPage(report));
    const links = [...doc.querySelectorAll("#provenance ol.passages a")];
    const targets = links.map((l) => doc.getElementById(l.getAttribute("href")?.slice(1) ?? ""));
    expect(targets.map((t) => t?.textContent)).toEqual([passage.to.text, passage.from.text]);
    for (const t of targets) expect(t?.classList.contains("k-reuse")).toBe(true);
    expect(targets[0]?.closest("article")?.id).toBe("art-1");
    expect(targets[1]?.closest("article")?.id).toBe("art-0");
    // Negative: with the earlier article filtered out, its words are named but not linked or marked.
    const only = dom(renderStoryPage(report, { outlets: [b.outlet ?? b.id] }));
    expect(only.querySelectorAll("#provenance ol.passages a")).toHaveLength(1);
    expect(only.querySelectorAll(".article-text .k-reuse")).toHaveLength(1);
    // Negative: a report made before passages had words lists none.
    const older: StoryReport = {
      ...report,
      provenance: { citations: [], reuse: [{ from: a.id, to: b.id, sharedFraction: 0.3, passages: 1 }] },
    };
    expect(dom(renderStoryPage(older)).querySelector("ol.passages")).toBeNull();
  });

  it("lists a stored story's copies beside the articles they copy, linked to their stored text", () => {
    const [a, b] = example.articles;
    const copies: ReportCopy[] = [
      {
        article: a?.id ?? "",
        copy: { id: "c1", storeId: 12, outlet: "Invented <b>Wire</b>", published: "2031-01-02T08:00" },
      },
      { article: a?.id ?? "", copy: { id: "c2", title: "A headline only" } },
      { article: b?.id ?? "", copy: { id: "c3", storeId: 14, outlet: "Third Desk" } },
    ];
    const withCopies: StoryReport = { ...example, provenance: { ...example.provenance, copies } };
    const doc = dom(renderStoryPage(withCopies));
    const items = [...doc.querySelectorAll("#provenance ul.copies li")];
    expect(items.map((li) => li.textContent)).toEqual([
      `${articleNames(example.articles).get(a?.id ?? "")} was run again by Invented <b>Wire</b> (2031-01-02) and “A headline only”`,
      `${articleNames(example.articles).get(b?.id ?? "")} was run again by Third Desk`,
    ]);
    // The original links to its text on this page; a copy to its stored text, or to nothing when the report has no store id.
    const original = items[0]?.querySelector("a")?.getAttribute("href") ?? "";
    expect(doc.getElementById(original.slice(1))?.tagName).toBe("ARTICLE");
    expect(
      [...doc.querySelectorAll("#provenance ul.copies a[href^='/articles/']")].map((x) => x.getAttribute("href")),
    ).toEqual(["/articles/12", "/articles/14"]);
    expect(doc.querySelectorAll("#provenance b").length).toBe(0);
    const edges = [...doc.querySelectorAll("#provenance svg.graph .edge-label")].map((e) => e.textContent);
    expect(edges.filter((e) => e === "copied")).toHaveLength(3);
    // The copied article says who ran it again; the others say nothing of copies.
    const copied = doc.getElementById(original.slice(1))?.querySelector("p.copied");
    expect(copied?.querySelector('a[href="/articles/12"]')?.textContent).toBe("Invented <b>Wire</b>");
    expect(doc.querySelectorAll("article.source p.copied")).toHaveLength(2);
    expect(doc.querySelector("header.page p")?.textContent).toContain("3 copies of them not compared again");

    // Negative: filtered to another outlet, the copies of the articles left out go too; no copies, no word of them.
    const other = example.articles.find((x) => x.outlet && x.outlet !== a?.outlet && x.outlet !== b?.outlet);
    expect(other).toBeDefined();
    const filtered = dom(renderStoryPage(withCopies, { outlets: [other?.outlet ?? ""] }));
    expect(filtered.querySelectorAll("ul.copies li, p.copied")).toHaveLength(0);
    expect(filtered.querySelector("header.page p")?.textContent).not.toContain("cop");
    const plain = dom(renderStoryPage(example));
    expect(plain.querySelectorAll("ul.copies, p.copied")).toHaveLength(0);
    expect(plain.querySelector("header.page p")?.textContent).not.toContain("cop");
  });

  it.each([
    ["file_01 says 3, web-2 says 4.", ["file_01", "web-2"], "Ledger says 3, Post says 4."],
    [
      "file_01x and xfile_01 and file_01-b are other words",
      ["file_01"],
      "file_01x and xfile_01 and file_01-b are other words",
    ],
    ["report says 3", ["report"], "report says 3"],
    ["solo says 3", ["solo"], "solo says 3"],
    ["a.b (a.b) says", ["a.b"], "Ledger (Ledger) says"],
  ])("withLabels(%j) reads %j", (text, ids, expected) => {
    const label = new Map([
      ["file_01", "Ledger"],
      ["web-2", "Post"],
      ["report", "Herald"],
      ["a.b", "Ledger"],
    ]);
    expect(withLabels(text, ids, { label })).toBe(expected);
  });

  it("names in its header only the outlets the articles give, counting the others as the story list does", () => {
    const header = (r: StoryReport) => dom(renderStoryPage(r)).querySelector("header.page p");
    const sub = header(example);
    const named = [...new Set(example.articles.map((a) => a.outlet?.trim()).filter(Boolean))];
    const without = example.articles.filter((a) => !a.outlet?.trim()).length;
    expect(without).toBeGreaterThan(0);
    expect(sub?.textContent).toContain(
      `${named.length} outlet${named.length === 1 ? "" : "s"}: ${named.join(", ")}, ${without} articles without one`,
    );
    for (const a of example.articles.filter((x) => !x.outlet?.trim())) {
      expect(sub?.querySelector(`a[href="/outlets/${encodeURIComponent(a.id)}"]`)).toBeNull();
    }
    const none = { ...example, articles: example.articles.map(({ outlet: _, ...a }) => a) };
    expect(header(none)?.textContent).toContain("No outlet named");
    expect(header(none)?.querySelectorAll('a[href^="/outlets/"]').length).toBe(0);
  });

  it("shows the quotation renderings with word differences", () => {
    const doc = dom(renderStoryPage(example));
    const compared = example.quotes.filter((q) => q.occurrences.length > 1);
    expect(compared.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll("#quotes .rendering").length).toBe(
      compared.reduce((n, q) => n + q.occurrences.length, 0),
    );
    expect(doc.querySelectorAll("#quotes ins, #quotes del").length).toBeGreaterThan(0);
  });

  it("gives a quotation said in one article once, without the comma that hands it back to the sentence", () => {
    const single = example.quotes.find((q) => q.occurrences.length === 1);
    const o = single?.occurrences[0];
    expect(o).toBeDefined();
    const quote = { ...(single as StoryReport["quotes"][number]), text: "We will not reopen it on a guess," };
    const one = { ...(o as NonNullable<typeof o>), text: "We will not reopen it on a guess,", attribution: "" };
    const doc = dom(renderStoryPage({ ...example, quotes: [{ ...quote, occurrences: [one] }] }));
    const card = doc.getElementById(`quote-${quote.id}`);
    expect(card?.querySelector("blockquote")?.textContent).toBe("We will not reopen it on a guess");
    expect(card?.querySelectorAll(".rendering")).toHaveLength(0);
    // No attribution: the link alone, not a dangling separator.
    expect(card?.querySelector(".attr")?.textContent).toBe("its words in the article");
    // Negative: a full stop may be the speaker's, and stays.
    const stop = dom(renderStoryPage({ ...example, quotes: [{ ...quote, occurrences: [{ ...one, text: "No." }] }] }));
    expect(stop.querySelector(`#quote-${quote.id} blockquote`)?.textContent).toBe("No.");
  });

  it("leaves out a section with nothing in it", () => {
    const empty: StoryReport = { ...example, relations: [], timeline: [], quotes: [], statements: [] };
    const doc = dom(renderStoryPage(empty));
    expect(doc.getElementById("relations")).toBeNull();
    expect(doc.getElementById("timeline")).toBeNull();
    expect(doc.getElementById("quotes")).toBeNull();
    expect(doc.querySelector('nav.toc a[href="#relations"]')).toBeNull();
    expect(doc.getElementById("discrepancies")).not.toBeNull();
    for (const s of doc.querySelectorAll("main section")) expect(s.children.length).toBeGreaterThan(1);
  });

  it("lists reported speech by speaker, each statement linked to its words marked in its article", () => {
    const statements = example.statements ?? [];
    expect(statements.length).toBeGreaterThan(0);
    const doc = dom(renderStoryPage({ ...example, quotes: [] }));
    const items = [...doc.querySelectorAll("#quotes ul.speech li li")];
    expect(items).toHaveLength(statements.length);
    for (const item of items) {
      const target = doc.getElementById(item.querySelector("a.ev")?.getAttribute("href")?.slice(1) ?? "");
      expect(target?.classList.contains("k-speech")).toBe(true);
      // Its words start where the statement does (another finding's words inside it may cut the element short).
      expect(item.querySelector("a.ev")?.textContent?.startsWith(target?.textContent ?? "~")).toBe(true);
    }
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
    // The header's counts are the story's; it says how many of its articles are shown, and whose.
    expect(doc.querySelector("header.page p")?.textContent).toContain(
      `${example.articles.length} articles compared (${mine.length} shown: ${outlet})`,
    );
    // Negative: unfiltered, nothing is said to be shown apart.
    expect(dom(renderStoryPage(example)).querySelector("header.page p")?.textContent).not.toContain("shown:");
  });

  it("says so when no article is from the outlets chosen, and not otherwise", () => {
    const none = dom(renderStoryPage(example, { outlets: ["No Such Outlet"] }));
    expect(none.querySelector("main p.none")?.textContent).toContain(
      "No article of this story is from the outlets chosen",
    );
    expect(none.querySelector("main p.none a")?.getAttribute("href")).toBe("?");
    expect(none.querySelectorAll("article.source")).toHaveLength(0);
    const outlet = example.articles.find((a) => a.outlet)?.outlet ?? "";
    expect(dom(renderStoryPage(example, { outlets: [outlet] })).querySelector("main p.none")).toBeNull();
    expect(dom(renderStoryPage(example)).querySelector("main p.none")).toBeNull();
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

describe("the claims table past its first rows", () => {
  /** Ids of the elements a page's links to the story page land on. */
  function targets(doc: Document, prefix: string): string[] {
    return [...doc.querySelectorAll("#claims td a")].map((a) => {
      const href = a.getAttribute("href") ?? "";
      expect(href.startsWith(`${prefix}#`), href).toBe(true);
      return href.slice(prefix.length + 1);
    });
  }

  it("shows the first claims on the story page, disputed first, and links every claim's list", () => {
    expect(example.facts.length).toBeGreaterThan(MAX_CLAIM_ROWS);
    const doc = dom(renderStoryPage(example, { claimsHref: "/stories/7/claims" }));
    const rows = [...doc.querySelectorAll("#claims tbody tr")];
    expect(rows).toHaveLength(MAX_CLAIM_ROWS);
    const disputed = example.facts.filter((f) => f.kind === "disputed").length;
    expect(rows.slice(0, disputed).every((r) => r.classList.contains("disputed"))).toBe(true);
    expect(rows.slice(disputed).some((r) => r.classList.contains("disputed"))).toBe(false);
    expect(doc.querySelector("#claims a.all-claims")?.getAttribute("href")).toBe("/stories/7/claims");
    expect(doc.querySelector("#claims a.all-claims")?.textContent).toBe(`All ${example.facts.length} claims`);
    // Without the address of the full list every claim stays on the page.
    const full = dom(renderStoryPage(example));
    expect(full.querySelectorAll("#claims tbody tr")).toHaveLength(example.facts.length);
    expect(full.querySelector("#claims a.all-claims")).toBeNull();
    // The words of the left-out claims are marked all the same, so the page's articles do not change.
    const marks = (d: Document) => [...d.querySelectorAll(".article-text .k-fact")].map((m) => m.id);
    expect(marks(doc)).toEqual(marks(full));
  });

  it("keeps the link out when every claim fits", () => {
    const few: StoryReport = { ...example, facts: example.facts.slice(0, MAX_CLAIM_ROWS) };
    const doc = dom(renderStoryPage(few, { claimsHref: "/stories/7/claims" }));
    expect(doc.querySelectorAll("#claims tbody tr")).toHaveLength(MAX_CLAIM_ROWS);
    expect(doc.querySelector("#claims a.all-claims")).toBeNull();
  });

  it("lists every claim on the claims page, its words linked to where the story page marks them", () => {
    const claims = dom(renderClaimsPage(example, { storyHref: "/stories/7" }));
    expect(claims.querySelectorAll("#claims tbody tr")).toHaveLength(example.facts.length);
    const story = dom(renderStoryPage(example, { claimsHref: "/stories/7/claims" }));
    const linked = targets(claims, "/stories/7");
    expect(linked.length).toBeGreaterThan(example.facts.length);
    for (const id of linked)
      expect(story.getElementById(id)?.closest(".article-text, article.source"), id).not.toBeNull();
    expect(claims.querySelector('header.page a[href="/stories/7"]')).not.toBeNull();
  });

  it("keeps the outlet filter: the columns, the links and the story page it links to", () => {
    const outlet = example.articles.find((a) => a.outlet)?.outlet ?? "";
    const query = `?outlet=${encodeURIComponent(outlet)}`;
    // Each claim twice, so that the outlet's claims are more than the page shows whatever the example holds.
    const many: StoryReport = {
      ...example,
      facts: [...example.facts, ...example.facts.map((f) => ({ ...f, id: `${f.id}x` }))],
    };
    const claims = dom(renderClaimsPage(many, { storyHref: "/stories/7", outlets: [outlet] }));
    expect(claims.querySelectorAll("#claims thead th")).toHaveLength(2);
    const story = dom(renderStoryPage(many, { outlets: [outlet], claimsHref: "/stories/7/claims" }));
    for (const id of targets(claims, `/stories/7${query}`)) expect(story.getElementById(id), id).not.toBeNull();
    const involved = story.querySelectorAll("#claims tbody tr").length;
    expect(involved).toBe(MAX_CLAIM_ROWS);
    expect(story.querySelector("#claims a.all-claims")?.getAttribute("href")).toBe(`/stories/7/claims${query}`);
  });

  it("pages a long list of claims", () => {
    const many: StoryReport = {
      ...example,
      facts: Array.from({ length: 3 }, (_, k) => example.facts.map((f) => ({ ...f, id: `${f.id}-${k}` }))).flat(),
    };
    expect(many.facts.length).toBeGreaterThan(CLAIMS_PER_PAGE);
    const first = dom(renderClaimsPage(many, { storyHref: "/stories/7" }));
    expect(first.querySelectorAll("#claims tbody tr")).toHaveLength(CLAIMS_PER_PAGE);
    expect(first.querySelector('a[rel="prev"]')).toBeNull();
    expect(first.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(`?offset=${CLAIMS_PER_PAGE}`);
    const lastAt = Math.floor((many.facts.length - 1) / CLAIMS_PER_PAGE) * CLAIMS_PER_PAGE;
    const last = dom(renderClaimsPage(many, { storyHref: "/stories/7", offset: lastAt }));
    expect(last.querySelectorAll("#claims tbody tr")).toHaveLength(many.facts.length - lastAt);
    expect(last.querySelector('a[rel="next"]')).toBeNull();
    expect(last.querySelector('a[rel="prev"]')).not.toBeNull();
    // Every claim is on exactly one page.
    const ids = [0, CLAIMS_PER_PAGE, 2 * CLAIMS_PER_PAGE].flatMap((offset) =>
      [...dom(renderClaimsPage(many, { storyHref: "/stories/7", offset })).querySelectorAll("#claims tbody tr")].map(
        (r) => r.id,
      ),
    );
    expect(new Set(ids).size).toBe(many.facts.length);
    // An offset past the end shows the last claim rather than an empty table.
    const past = dom(renderClaimsPage(many, { storyHref: "/stories/7", offset: 10_000 }));
    expect(past.querySelectorAll("#claims tbody tr")).toHaveLength(1);
  });
});
