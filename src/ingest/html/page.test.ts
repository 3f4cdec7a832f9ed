import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { TriangulateError } from "../../model/index.js";
import { type ArticlePage, extractPage, type NotArticle } from "./page.js";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/html/${name}`, import.meta.url));

function article(name: string, url?: string): ArticlePage {
  const page = extractPage({ bytes: fixture(name), id: "x", source: name, ...(url ? { url } : {}) });
  if (page.kind !== "article") throw new Error(`${name}: not an article: ${page.reasons.join("; ")}`);
  return page;
}

describe("extractPage on a modern news page", () => {
  const page = article("news-article.html");
  const a = page.article;

  it("reads metadata from JSON-LD, OpenGraph and the canonical link", () => {
    expect(a.title).toBe("Ferry service suspended after harbour crane collapse");
    expect(a.outlet).toBe("The Coastal Ledger");
    expect(a.author).toBe("Mara Lindqvist, Tomas Ek");
    expect(a.published).toBe("2024-11-03T07:45");
    expect(page.url).toBe("https://ledger.example.org/news/2024/11/03/ferry-crane-collapse");
    expect(page.language).toBe("en");
  });

  it("keeps the article's paragraphs and subheading, in order", () => {
    expect(a.text.startsWith("The island ferry service was suspended")).toBe(true);
    expect(a.text).toContain("Passengers rebooked");
    expect(a.text.indexOf("harbour master")).toBeLessThan(a.text.indexOf("Local businesses"));
  });

  it("leaves out navigation, captions, share tools, related links, comments, cookie notice and footer", () => {
    for (const furniture of [
      "Weather",
      "Photo: Coastal Ledger staff",
      "Share on Facebook",
      "Storm closes coastal road",
      "I was on the early boat",
      "We use cookies",
      "All rights reserved",
      "By Mara Lindqvist",
    ]) {
      expect(a.text).not.toContain(furniture);
    }
  });

  it("lists the boilerplate lines it removed from inside the article", () => {
    expect(a.removedBoilerplate).toContain("Share this article");
    expect(a.removedBoilerplate.some((l) => l.startsWith("Subscribe to our newsletter"))).toBe(true);
    expect(a.text).not.toContain("Subscribe");
  });
});

describe("extractPage on an old table layout without markup", () => {
  const a = article("old-table-layout.html").article;

  it("finds the text in the middle cell and splits it at double line breaks", () => {
    expect(a.text.split("\n\n")).toHaveLength(5);
    expect(a.text).not.toContain("Most read");
    expect(a.text).not.toContain("Contact");
  });

  it("takes the title from <title> without the site name and the date from the visible date line", () => {
    expect(a.title).toBe("Valley council approves new bridge");
    expect(a.published).toBe("2009-03-14");
    expect(a.text).not.toContain("Posted on");
  });
});

describe("extractPage decoding", () => {
  it("reads a Windows-1252 page declared in <meta charset>", () => {
    const a = article("cp1252-article.html").article;
    expect(a.title).toBe("Café owners “relieved” as rent freeze extended");
    expect(a.text).toContain("city’s housing office");
    expect(a.text).toContain("six months – a condition");
  });

  it("reads a gzip-compressed page", () => {
    const page = extractPage({ bytes: gzipSync(fixture("news-article.html")), id: "gz", source: "a.html.gz" });
    expect(page.kind).toBe("article");
  });

  it("names a truncated gzip stream", () => {
    const gz = gzipSync(fixture("news-article.html"));
    expect(() => extractPage({ bytes: gz.subarray(0, gz.length / 2), id: "t", source: "t.html.gz" })).toThrow(
      /gzip stream, found one cut short/,
    );
  });

  it("refuses binary data with BINARY", () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i * 7) % 32);
    try {
      extractPage({ bytes, id: "b", source: "b.html" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TriangulateError);
      expect((err as TriangulateError).code).toBe("BINARY");
    }
  });
});

describe("pages that are not articles", () => {
  const notArticle = (name: string) => {
    const page = extractPage({ bytes: fixture(name), id: "x", source: name });
    expect(page.kind).toBe("not-article");
    return page as NotArticle;
  };

  it("reports a section front as link-dense, with the figure", () => {
    const page = notArticle("section-front.html");
    expect(page.reasons.some((r) => /^mostly links: \d+%/.test(r))).toBe(true);
  });

  it("reports an error page by its title and its lack of text", () => {
    const page = notArticle("not-found.html");
    expect(page.reasons).toContain('an error page: titled "Page not found"');
    expect(page.reasons.some((r) => r.startsWith("only "))).toBe(true);
  });

  it("does not call a short but real article an error page", () => {
    const html = `<html><head><title>Error in tax letters corrected</title></head><body><article><p>${"The tax office said on Monday that letters sent to about two thousand households had shown the wrong amount, and that corrected letters would go out this week. ".repeat(3)}</p></article></body></html>`;
    const page = extractPage({ html, id: "e", source: "e.html" });
    expect(page.kind).toBe("article");
  });
});

describe("extractPage readability modes", () => {
  it("can take Readability's text, and says so", () => {
    const page = extractPage(
      { bytes: fixture("news-article.html"), id: "r", source: "r.html" },
      { readability: "always" },
    );
    expect(page.kind).toBe("article");
    const a = (page as ArticlePage).article;
    expect((page as ArticlePage).extractor).toBe("readability");
    expect(a.text).toContain("The island ferry service was suspended");
    expect(a.diagnostics.some((d) => d.code === "READABILITY")).toBe(true);
  });

  it("falls back to Readability when the structure gives little prose", () => {
    const sentence =
      "The committee met again on Tuesday and agreed to publish its findings before the end of the month";
    const lines = Array.from({ length: 12 }, (_, i) => `<span>${sentence}, member ${i + 1} said</span><br>`).join("");
    const html = `<html><body><div class="x">${lines}</div></body></html>`;
    const page = extractPage({ html, id: "f", source: "f.html" });
    expect(page.kind).toBe("article");
    expect((page as ArticlePage).article.text).toContain("member 12 said");
  });
});

describe("the article's own text, not its neighbours", () => {
  const p = (s: string) => `<p>${s}</p>`;
  const story = [
    "The regional airport will close its second runway for resurfacing from May, the operator said on Thursday.",
    "Flights will be moved to the main runway, which can handle all current traffic outside the summer peak, it said.",
    "The work is expected to take eleven weeks and to cost about four million, paid from the airport's reserves.",
  ];

  it("leaves out a comment section that has more prose than the article", () => {
    const comment =
      "I live under the flight path and honestly the noise has been getting worse every single year since they expanded.";
    const html = `<html><body><div id="content"><div class="item">${story.map(p).join("")}</div><div id="comments">${Array.from({ length: 6 }, () => p(comment)).join("")}</div></div></body></html>`;
    const page = extractPage({ html, id: "c", source: "c.html" }) as ArticlePage;
    expect(page.article.text).toContain("eleven weeks");
    expect(page.article.text).not.toContain("flight path");
  });

  it("cuts the tail that a related-reading line announces, and date lines anywhere", () => {
    const html = `<html><body><article>${story.map(p).join("")}<p>Published: 03.04.2024, 12:35</p><h3>Read more</h3><p>Fares at the airport are to rise next year, the operator announced in a separate statement on its website.</p></article></body></html>`;
    const page = extractPage({ html, id: "t", source: "t.html" }) as ArticlePage;
    expect(page.article.text).toBe(story.join("\n\n"));
    expect(page.article.removedBoilerplate).toContain("Read more");
  });

  it.each([
    "Verwandte Themenbereiche",
    "Explore further",
    "Contenido relacionado",
    "À lire également",
    "Zobacz również",
  ])("cuts the tail that '%s' announces", (marker) => {
    const html = `<html><body><article>${story.map(p).join("")}<p>${marker}</p><p>Fares at the airport are to rise next year, the operator announced in a separate statement.</p></article></body></html>`;
    const page = extractPage({ html, id: "m", source: "m.html" }) as ArticlePage;
    expect(page.article.text).toBe(story.join("\n\n"));
  });

  it.each([
    "5 min read",
    "Lesezeit: 3 Minuten",
    "3:59 PM",
    "2 months ago",
    "Last Modified:",
    "Aktualisiert am 17.01.2021.",
  ])("drops the metadata line '%s' wherever it stands", (line) => {
    const html = `<html><body><article><p>${line}</p>${story.map(p).join(`<p>${line}</p>`)}</article></body></html>`;
    const page = extractPage({ html, id: "d", source: "d.html" }) as ArticlePage;
    expect(page.article.text).toBe(story.join("\n\n"));
  });

  it("keeps a recipe's time and a sentence that starts with a date word", () => {
    const lines = ["15 – 30 Min", "Date night is on Friday, the organisers said."];
    const html = `<html><body><article>${[...story, ...lines].map(p).join("")}</article></body></html>`;
    const page = extractPage({ html, id: "e", source: "e.html" }) as ArticlePage;
    expect(page.article.text).toBe([...story, ...lines].join("\n\n"));
  });

  it("keeps a line that only starts like a marker word ('Relatedness', 'Seealso')", () => {
    const html = `<html><body><article>${story.map(p).join("")}<p>Relatedness of the two plans</p></article></body></html>`;
    const page = extractPage({ html, id: "r", source: "r.html" }) as ArticlePage;
    expect(page.article.text.endsWith("Relatedness of the two plans")).toBe(true);
  });

  it("keeps a 'read more' line that comes before most of the article", () => {
    const html = `<html><body><article><p>Read more about the plan</p>${story.map(p).join("")}</article></body></html>`;
    const page = extractPage({ html, id: "k", source: "k.html" }) as ArticlePage;
    expect(page.article.text.startsWith("Read more about the plan")).toBe(true);
  });

  it("ends the text at an unmarked comment section's heading, even when the comments are longer", () => {
    const comment =
      "Posted by a reader: the runway has needed this work for years and the noise at night was getting unbearable.";
    const html = `<html><body><div>${story.map(p).join("")}<div class="hd">12 Comments</div>${Array.from({ length: 8 }, () => p(comment)).join("")}</div></body></html>`;
    const page = extractPage({ html, id: "u", source: "u.html" }) as ArticlePage;
    expect(page.article.text).toBe(story.join("\n\n"));
    expect(page.article.removedBoilerplate).toContain("12 Comments");
  });

  it("keeps a 'Comments' heading that opens the page, before any article", () => {
    const html = `<html><body><div><h2>Comments</h2>${story.map(p).join("")}</div></body></html>`;
    const page = extractPage({ html, id: "v", source: "v.html" }) as ArticlePage;
    expect(page.article.text).toContain("eleven weeks");
  });
});

describe("pages that render their text from scripts", () => {
  const paragraphs = [
    "The harbour authority reopened the northern quay on Tuesday after divers had checked the wall for damage.",
    "Ferries will return to their usual berths from Thursday, and the temporary landing stage will be taken down.",
    "Repairs to the southern quay are to start in the spring and to last until the end of the summer season.",
  ];
  const ld = (body: string) =>
    `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Quay reopens", articleBody: body })}</script>`;

  it("takes the text from the JSON-LD articleBody when the markup has next to none", () => {
    const html = `<html><head>${ld(paragraphs.join("\n"))}</head><body><div id="root">Loading…</div></body></html>`;
    const page = extractPage({ html, id: "s", source: "s.html" }) as ArticlePage;
    expect(page.extractor).toBe("json-ld");
    expect(page.article.text).toBe(paragraphs.join("\n\n"));
    expect(page.article.diagnostics.map((d) => d.code)).toContain("JSON_LD_BODY");
  });

  it("keeps the markup's text when the articleBody is only a teaser", () => {
    const html = `<html><head>${ld("The harbour authority reopened the northern quay.")}</head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const page = extractPage({ html, id: "t", source: "t.html" }) as ArticlePage;
    expect(page.extractor).toBe("structure");
    expect(page.article.text).toBe(paragraphs.join("\n\n"));
  });
});

describe("pages with broken or unusual markup", () => {
  const body =
    "<p>The harbour authority reopened the northern quay on Tuesday after divers had checked the wall for damage.</p>".repeat(
      3,
    );

  it("reads the body of a page whose <title> is never closed", () => {
    const html = `<html><head><title>Quay reopens - The Harbour Post\nvar x = 1;</script></head><body>${body}</body></html>`;
    const page = extractPage({ html, id: "t", source: "t.html" }) as ArticlePage;
    expect(page.article.title).toBe("Quay reopens - The Harbour Post");
    expect(page.article.text).toContain("divers had checked");
  });

  it("reads a page whose </title> is cut, with no <body> tag", () => {
    const html = `<html><head><title>Quay reopens</tit<script src="a.js"></script>${body}`;
    const page = extractPage({ html, id: "b", source: "b.html" }) as ArticlePage;
    expect(page.article.text).toContain("divers had checked");
  });

  it("reads Japanese text without its ruby readings, and counts its words by character", () => {
    const sentence =
      "<ruby>港<rt>みなと</rt></ruby>の<ruby>岸壁<rp>(</rp><rt>がんぺき</rt><rp>)</rp></ruby>が火曜日に再開されました。";
    const html = `<html><body><div>${`<p>${sentence.repeat(3)}</p>`.repeat(3)}</div></body></html>`;
    const page = extractPage({ html, id: "j", source: "j.html" });
    expect(page.kind).toBe("article");
    const text = page.kind === "article" ? page.article.text : "";
    expect(text.startsWith("港の岸壁が火曜日に再開されました。")).toBe(true);
    expect(text).not.toContain("みなと");
  });
});
