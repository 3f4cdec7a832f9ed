import { describe, expect, it } from "vitest";
import type { TriangulateError } from "../../model/index.js";
import type { ArticlePage, NotArticle } from "../html/page.js";
import { looksLikeFeed, readFeed } from "./index.js";

const body = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the river authority said the water level had fallen again overnight and that the warning would stay in place.</p>`,
  ).join("");

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Riverside Courier</title><link>https://courier.example.net/</link><language>en-us</language>
<item><title>Flood warning stays in place</title><link>https://courier.example.net/2024/06/02/flood-warning</link>
<pubDate>Sun, 02 Jun 2024 23:30:00 -0500</pubDate><dc:creator>Lee Park</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[${body(4)}<p>Share this article</p>]]></content:encoded></item>
<item><title>Bridge reopens</title><link>https://courier.example.net/2024/06/01/bridge</link>
<pubDate>Sat, 01 Jun 2024 08:00:00 -0500</pubDate><description>The bridge reopened on Saturday.</description></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Gazette</title>
<entry><title>School term extended</title><link href="https://gazette.example.com/school-term"/>
<id>tag:gazette.example.com,2024:1</id><published>2024-02-10T09:15:00+01:00</published>
<author><name>Rosa Mendes</name></author><content type="html">${body(3).replace(/</g, "&lt;").replace(/>/g, "&gt;")}</content></entry>
</feed>`;

describe("readFeed", () => {
  it("reads RSS items with full content: link, local date, author, outlet, language, boilerplate removed", () => {
    const [first, second] = readFeed({ xml: rss, idPrefix: "courier", source: "courier.rss" });
    expect(first?.kind).toBe("article");
    const page = first as ArticlePage;
    expect(page.article.id).toBe("courier-1");
    expect(page.article.source).toBe("courier.rss#1");
    expect(page.article.title).toBe("Flood warning stays in place");
    expect(page.article.outlet).toBe("Riverside Courier");
    expect(page.article.author).toBe("Lee Park");
    expect(page.article.published).toBe("2024-06-02T23:30");
    expect(page.url).toBe("https://courier.example.net/2024/06/02/flood-warning");
    expect(page.language).toBe("en");
    expect(page.article.text.split("\n\n")).toHaveLength(4);
    expect(page.article.removedBoilerplate).toEqual(["Share this article"]);
    expect(second?.kind).toBe("not-article");
    expect((second as NotArticle).reasons[0]).toMatch(
      /only 5 words .*https:\/\/courier.example.net\/2024\/06\/01\/bridge/,
    );
  });

  it("reads Atom entries", () => {
    const [entry] = readFeed({ xml: atom, idPrefix: "gazette", source: "g.atom" });
    const page = entry as ArticlePage;
    expect(page.kind).toBe("article");
    expect(page.article.title).toBe("School term extended");
    expect(page.article.published).toBe("2024-02-10T09:15");
    expect(page.article.author).toBe("Rosa Mendes");
    expect(page.url).toBe("https://gazette.example.com/school-term");
  });

  it("refuses XML that is no feed with BAD_DATA", () => {
    try {
      readFeed({ xml: "<html><body>nope</body></html>", idPrefix: "x", source: "x.xml" });
      expect.unreachable();
    } catch (err) {
      expect((err as TriangulateError).code).toBe("BAD_DATA");
    }
  });

  it.each([
    [rss, true],
    [atom, true],
    ["<!-- c --><rdf:RDF xmlns:rdf='x'></rdf:RDF>", true],
    ["<!DOCTYPE html><html><body></body></html>", false],
    ["<?xml version='1.0'?><sitemap></sitemap>", false],
  ])("looksLikeFeed %#", (xml, feed) => {
    expect(looksLikeFeed(xml)).toBe(feed);
  });
});
