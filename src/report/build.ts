import type { AnnotatedArticle, EntityIndex, ReportArticle, ReportQuote, StoryReport } from "../model/index.js";
import { STORY_SCHEMA } from "../model/index.js";
import { isWord } from "../words/tokens.js";

/** What the later stages add to a report; absent parts are empty arrays. */
export type Findings = Partial<
  Pick<StoryReport, "facts" | "discrepancies" | "certainty" | "provenance" | "timeline" | "relations" | "brief">
>;

/**
 * Assembles the `triangulate.story/1` report from the annotated articles, their entities and quotations and
 * whatever comparison findings exist.
 */
export function buildReport(
  articles: AnnotatedArticle[],
  entities: EntityIndex,
  quotes: ReportQuote[],
  findings: Findings = {},
): StoryReport {
  const reportArticles = articles.map((a) => toReportArticle(a));
  const dates = reportArticles.flatMap((a) => (a.published ? [a.published] : [])).sort();
  const story: StoryReport["story"] = {
    id: storyId(reportArticles.map((a) => a.id)),
    title: storyTitle(articles),
    articleCount: articles.length,
  };
  if (dates[0]) story.firstPublished = dates[0];
  const last = dates[dates.length - 1];
  if (last) story.lastPublished = last;
  return {
    schema: STORY_SCHEMA,
    story,
    articles: reportArticles,
    entities: entities.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ article: m.article, text: m.text, start: m.start, end: m.end })),
    })),
    quotes,
    facts: findings.facts ?? [],
    discrepancies: findings.discrepancies ?? [],
    certainty: findings.certainty ?? [],
    provenance: findings.provenance ?? { citations: [], reuse: [] },
    timeline: findings.timeline ?? [],
    relations: findings.relations ?? [],
    brief: findings.brief ?? [],
  };
}

function toReportArticle(a: AnnotatedArticle): ReportArticle {
  const { id, source, outlet, title, published, author, text, removedBoilerplate } = a.article;
  const out: ReportArticle = {
    id,
    source,
    text,
    wordCount: a.tokens.filter((t) => isWord(t.text)).length,
    removedBoilerplate,
  };
  if (outlet !== undefined) out.outlet = outlet;
  if (title !== undefined) out.title = title;
  if (published !== undefined) out.published = published;
  if (author !== undefined) out.author = author;
  return out;
}

/** A stable id from the article ids: the same articles give the same story id. */
function storyId(ids: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...ids].sort().join("\n")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `story-${h.toString(16).padStart(8, "0")}`;
}

/** The earliest article's headline, else its first sentence. */
function storyTitle(articles: AnnotatedArticle[]): string {
  const ordered = [...articles].sort((a, b) =>
    (a.article.published ?? "\uffff").localeCompare(b.article.published ?? "\uffff"),
  );
  const titled = ordered.find((a) => a.article.title);
  if (titled?.article.title) return titled.article.title;
  const first = ordered[0];
  const sentence = first?.sentences[0];
  return first && sentence ? first.article.text.slice(sentence.start, sentence.end) : "";
}
