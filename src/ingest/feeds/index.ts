import { parseFeed } from "@rowanmanning/feed-parser";
import { TriangulateError } from "../../model/index.js";
import { parseDateValue } from "../html/dates.js";
import { fragmentText } from "../html/fragment.js";
import { normaliseLanguage, splitAuthors } from "../html/metadata.js";
import { type ArticlePage, MIN_ARTICLE_WORDS, type NotArticle, type PageExtraction } from "../html/page.js";

/** What a feed was read from, for ids and sources. */
export interface FeedInput {
  xml: string;
  /** Item ids are this prefix, a dash and the item's number from 1. */
  idPrefix: string;
  /** Where the feed was read from; items get "source#n". */
  source: string;
}

/** True when the text looks like an RSS, RDF or Atom feed rather than a web page. */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "")
    .trimStart();
  return /^<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed with @rowanmanning/feed-parser: one result per item, with
 * its link, date, title, authors and text. Items whose feed carries only a summary are reported as not
 * articles, with the link to fetch. Throws `BAD_DATA` when the document is no feed.
 *
 * @example readFeed({ xml, idPrefix: "harbour", source: "harbour.rss" }).map((r) => r.kind)
 */
export function readFeed(input: FeedInput): PageExtraction[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(input.xml);
  } catch (cause) {
    throw new TriangulateError("BAD_DATA", "expected an RSS or Atom feed, found XML that is neither", {
      subject: input.source,
      cause,
    });
  }
  const outlet = feed.title?.trim() || undefined;
  const feedLanguage = feed.language ? normaliseLanguage(feed.language) : undefined;
  const results: PageExtraction[] = [];
  feed.items.forEach((item, i) => {
    const id = `${input.idPrefix}-${i + 1}`;
    const source = `${input.source}#${i + 1}`;
    const html = item.content ?? item.description ?? "";
    const { paragraphs, removed } = fragmentText(html);
    const text = paragraphs.join("\n\n");
    const url = item.url ?? undefined;
    const title = item.title?.trim() || undefined;
    const words = text ? text.split(/\s+/).length : 0;
    if (words < MIN_ARTICLE_WORDS) {
      const page: NotArticle = {
        kind: "not-article",
        id,
        source,
        text,
        reasons: [
          `the feed carries only ${words} words for this item${url ? `; its page is at ${url}` : ""}, where an article has at least ${MIN_ARTICLE_WORDS}`,
        ],
      };
      if (url) page.url = url;
      if (title) page.title = title;
      if (feedLanguage) page.language = feedLanguage;
      results.push(page);
      return;
    }
    const raw = rawDate(item.element);
    const published = (raw ? parseDateValue(raw) : undefined) ?? isoOf(item.published ?? item.updated);
    const authors = item.authors.flatMap((a) => splitAuthors(a.name ?? ""));
    const page: ArticlePage = {
      kind: "article",
      article: { id, source, text, removedBoilerplate: removed, diagnostics: [] },
      extractor: "structure",
    };
    if (outlet) page.article.outlet = outlet;
    if (title) page.article.title = title;
    if (published) page.article.published = published;
    if (authors.length > 0) page.article.author = authors.join(", ");
    if (url) page.url = url;
    if (feedLanguage) page.language = feedLanguage;
    results.push(page);
  });
  return results;
}

/** The item's date as written, so its local time survives (the parser turns it into UTC). */
function rawDate(element: { findElementWithName(name: string): { textContent: string } | null }): string | undefined {
  for (const name of ["pubdate", "published", "dc:date", "date", "updated"]) {
    const found = element.findElementWithName(name);
    if (found?.textContent.trim()) return found.textContent.trim();
  }
  return undefined;
}

function isoOf(date: Date | null): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 16) : undefined;
}
