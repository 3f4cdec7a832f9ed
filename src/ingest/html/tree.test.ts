import { describe, expect, it } from "vitest";
import { decodePage, MAX_PAGE_BYTES } from "./charset.js";
import { cutBlocks, furnitureReason } from "./content.js";
import { readJsonLd, readPageMetadata, splitAuthors } from "./metadata.js";
import { descendants, MAX_DEPTH, parseHtmlTree, textOf } from "./tree.js";

describe("parseHtmlTree", () => {
  it("drops scripts and styles but keeps JSON-LD apart", () => {
    const tree = parseHtmlTree(
      '<p>Hi <b>there</b></p><script>var x = "<p>no</p>";</script><style>p{}</style><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    );
    expect(textOf(tree.root)).toBe("Hi there");
    expect(tree.jsonLd).toEqual(['{"@type":"NewsArticle"}']);
  });

  it("decodes entities and survives unclosed and stray tags", () => {
    const tree = parseHtmlTree("<div><p>Caf&eacute; &amp; bar<p>Second</div></span></b><td>cell");
    expect(textOf(tree.root)).toBe("Café & bar Second cell");
  });

  it("flattens nesting deeper than the cap instead of overflowing", () => {
    const depth = 50_000;
    const tree = parseHtmlTree(`${"<div>".repeat(depth)}deep text${"</div>".repeat(depth)}<p>after</p>`);
    expect(tree.flattened).toBe(true);
    let max = 0;
    for (const e of descendants(tree.root)) {
      let d = 0;
      for (let x = e.parent; x; x = x.parent) d++;
      max = Math.max(max, d);
    }
    expect(max).toBeLessThanOrEqual(MAX_DEPTH);
    expect(textOf(tree.root)).toBe("deep text after");
  });
});

describe("cutBlocks and furniture", () => {
  it("cuts at block boundaries and double line breaks, and measures link text", () => {
    const tree = parseHtmlTree(
      '<body><p>One <a href="#">link</a></p>Two<br>still two<br><br>Three<div>Four</div></body>',
    );
    const blocks = cutBlocks(tree.root);
    expect(blocks.map((b) => b.text)).toEqual(["One link", "Two\nstill two", "Three", "Four"]);
    expect(blocks[0]?.linkChars).toBe(4);
  });

  it.each([
    ['<nav id="n"></nav>', "nav"],
    ['<div class="share-bar"></div>', "share"],
    ['<div class="relatedArticles"></div>', "related"],
    ['<div id="comment_list"></div>', "comment"],
    ['<div role="navigation"></div>', "role navigation"],
    ['<div style="display: none"></div>', "hidden"],
    ["<figcaption></figcaption>", "figcaption"],
  ])("%s is furniture (%s)", (html, reason) => {
    const element = [...descendants(parseHtmlTree(html).root)][0];
    expect(element && furnitureReason(element)).toBe(reason);
  });

  it.each([
    ['<div class="shareholder-news"></div>'],
    ['<div class="commentary"></div>'],
    ['<div class="post category-sidebar tag-comments"></div>'],
    ['<section class="o-section--has-ads"></section>'],
    ['<div class="article-body"></div>'],
    ["<article></article>"],
  ])("%s is not furniture", (html) => {
    const element = [...descendants(parseHtmlTree(html).root)][0];
    expect(element && furnitureReason(element)).toBeUndefined();
  });
});

describe("metadata", () => {
  it("prefers the article object of a JSON-LD graph over the web page and organisation", () => {
    const facts = readJsonLd([
      JSON.stringify({
        "@graph": [
          { "@type": "WebPage", name: "Home page name", datePublished: "2020-01-01" },
          {
            "@type": "NewsArticle",
            headline: "The headline",
            datePublished: "2024-05-06T10:00:00Z",
            author: { name: "Ana Ruiz" },
          },
          { "@type": "Organization", name: "The Outlet" },
        ],
      }),
      "{ broken json",
    ]);
    expect(facts.headline).toBe("The headline");
    expect(facts.published).toBe("2024-05-06T10:00:00Z");
    expect(facts.authors).toEqual(["Ana Ruiz"]);
    expect(facts.publisher).toBe("The Outlet");
  });

  it("reads the date from the URL when markup has none, and the language from <html lang>", () => {
    const tree = parseHtmlTree(
      '<html lang="de-AT"><head><title>Ein Titel</title></head><body><p>Text</p></body></html>',
    );
    const meta = readPageMetadata(tree, "https://example.org/2023/02/14/ein-titel");
    expect(meta.published).toBe("2023-02-14");
    expect(meta.publishedFrom).toBe("url");
    expect(meta.language).toBe("de");
  });

  it.each([
    ["By Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["Von Anna Schmidt | 12.03.2024", ["Anna Schmidt"]],
    ["https://www.facebook.com/someone", []],
    ["admin", []],
    ["Staff reporter, with additional reporting by our correspondents in three cities", []],
  ])("splitAuthors(%s)", (raw, names) => {
    expect(splitAuthors(raw)).toEqual(names);
  });
});

describe("decodePage", () => {
  it("takes the charset from the HTTP header over the page's own", () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>caf\xe9</p>', "latin1");
    expect(decodePage(bytes, { contentType: "text/html; charset=ISO-8859-1" }).html).toContain("café");
  });

  it("reads a UTF-8 BOM and a UTF-16 BOM", () => {
    expect(decodePage(Buffer.from("\uFEFF<p>é</p>", "utf8")).encodingSource).toBe("bom");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<p>ü</p>", "utf16le")]);
    expect(decodePage(utf16).html).toBe("<p>ü</p>");
  });

  it("reads a page declared UTF-8 that is Windows-1252 as Windows-1252", () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>\x93quoted\x94</p>', "latin1");
    expect(decodePage(bytes).html).toContain("“quoted”");
  });

  it("caps a huge page and says so", () => {
    const bytes = Buffer.alloc(MAX_PAGE_BYTES + 10, 0x61);
    const page = decodePage(bytes);
    expect(page.truncated).toBe(true);
    expect(page.html.length).toBe(MAX_PAGE_BYTES);
  });

  it("refuses an empty page", () => {
    expect(() => decodePage(Buffer.from("  \n "))).toThrow(/empty/);
  });
});
