import { extractDates } from "./annotate/dates/index.js";
import { detectMentions } from "./annotate/mentions/index.js";
import { extractNumbers, unitKey } from "./annotate/numbers/index.js";
import { extractQuotes } from "./annotate/quotes/index.js";
import { tokenize } from "./annotate/tokens/index.js";
import { briefOf } from "./brief/index.js";
import { type CompareOptions, compareStory } from "./compare/index.js";
import { defaultLexicon, type Lexicon } from "./lexicon/index.js";
import type { AnnotatedArticle, Article, StoryReport } from "./model/index.js";
import { buildReport } from "./report/build.js";
import { groupQuotes, joinOrganisationPlaces, resolveEntities } from "./resolve/index.js";

/** Options for {@link analyzeStory}. */
export interface AnalyzeOptions {
  /**
   * The gazetteers, corpus counts and tagger weights every stage reads; default `defaultLexicon()`, the shipped
   * one. A server makes it once and passes the same value to every analysis.
   */
  lexicon?: Lexicon;
}

/** What the comparison stages draw from the lexicon (they are handed lookups, not the lexicon). */
function compareOptions(lexicon: Lexicon): CompareOptions {
  return {
    placeOfDemonym: lexicon.placeOfDemonym,
    countryOf: (place) => lexicon.lookupPlace(place)?.country,
    unitKey,
  };
}

/**
 * The annotate stage for one article: tokens and sentences, then mentions, numbers, dates and quotations,
 * every span pointing into the article's clean text.
 */
export function annotateArticle(
  article: Article,
  referenceDate?: string,
  lexicon: Lexicon = defaultLexicon(),
): AnnotatedArticle {
  const { text } = article;
  const { tokens, sentences } = tokenize(text);
  const mentions = detectMentions({ text, tokens, sentences }, lexicon);
  return {
    article,
    tokens,
    sentences,
    mentions,
    numbers: extractNumbers(text),
    dates: extractDates(text, article.published, referenceDate === undefined ? {} : { reference: referenceDate }),
    quotes: extractQuotes({ text, tokens, sentences, mentions }),
  };
}

/**
 * Analyses the articles of one story into a `triangulate.story/1` report.
 *
 * @example const report = analyzeStory(articles); report.entities[0]?.name
 */
export function analyzeStory(articles: Article[], options: AnalyzeOptions = {}): StoryReport {
  const lexicon = options.lexicon ?? defaultLexicon();
  // An undated article's relative dates ("last month", "March 16") are read against the story's latest date:
  // articles of one story appear within days of each other.
  const latest = articles
    .map((a) => a.published?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const annotated = joinOrganisationPlaces(articles.map((a) => annotateArticle(a, latest, lexicon)));
  const entities = resolveEntities(annotated, lexicon);
  const quotes = groupQuotes(annotated, entities);
  const comparison = compareStory({ articles: annotated, entities, quotes }, compareOptions(lexicon));
  const report = buildReport(annotated, entities, comparison.quotes, {
    facts: comparison.facts,
    discrepancies: comparison.discrepancies,
    timeline: comparison.timeline,
    relations: comparison.relations,
    certainty: comparison.certainty,
    provenance: comparison.provenance,
  });
  report.brief = briefOf(report.articles, report.facts, report.discrepancies);
  return report;
}
