import { extractDates } from "./annotate/dates/index.js";
import { detectMentions } from "./annotate/mentions/index.js";
import { extractNumbers, unitKey } from "./annotate/numbers/index.js";
import { extractQuotes } from "./annotate/quotes/index.js";
import { extractReportedSpeech } from "./annotate/quotes/reported.js";
import { tokenize } from "./annotate/tokens/index.js";
import { type CompareOptions, compareStory } from "./compare/index.js";
import { defaultLexicon, type Lexicon, type PlaceEntry } from "./lexicon/index.js";
import {
  type AnnotatedArticle,
  type Article,
  type ArticleFinding,
  type EntityFinding,
  type EntityIndex,
  FINDINGS_SCHEMA,
  type Findings,
  type StoryReport,
} from "./model/index.js";
import { buildReport } from "./report/build.js";
import { groupQuotes, joinOrganisationPlaces, resolveEntities, statementFindings } from "./resolve/index.js";
import { isWord } from "./words/tokens.js";

/** Options for {@link analyzeStory} and {@link findStory}. */
export interface AnalyzeOptions {
  /**
   * The gazetteers, corpus counts and tagger weights every stage reads; default `defaultLexicon()`, the shipped
   * one. A server makes it once and passes the same value to every analysis.
   */
  lexicon?: Lexicon;
}

/**
 * Cities smaller than this (the lexicon's size: ten times the log of the population, 50 = 100,000) are not
 * trusted to name one place: a town's name is often also a neighbourhood, a county or a town elsewhere ("Mount
 * Pleasant" is all three), and the gazetteer keeps only the largest of a name.
 */
export const MIN_DISTINCT_CITY_SIZE = 50;

/** The country a place is known to lie in; none for a region the gazetteer gives no country, or a small town. */
export function placeCountry(entry: PlaceEntry | undefined): string | undefined {
  if (!entry?.country) return undefined;
  if (entry.kind === "city" && entry.size < MIN_DISTINCT_CITY_SIZE) return undefined;
  return entry.country;
}

/** What the comparison stages draw from the lexicon (they are handed lookups, not the lexicon). */
function compareOptions(lexicon: Lexicon): CompareOptions {
  return {
    placeOfDemonym: lexicon.placeOfDemonym,
    placeOf: (place) => {
      const entry = lexicon.lookupPlace(place);
      return entry && { kind: entry.kind, country: placeCountry(entry), size: entry.size };
    },
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
    speech: extractReportedSpeech({ text, tokens, sentences, mentions }),
  };
}

/**
 * Analyses the articles of one story into its findings: plain data whose evidence is spans into the
 * articles' text, which `buildReport` turns into the report (and a store can keep instead of the report).
 *
 * @example const findings = findStory(articles); buildReport(articles, findings).facts.length
 */
export function findStory(articles: Article[], options: AnalyzeOptions = {}): Findings {
  const lexicon = options.lexicon ?? defaultLexicon();
  // An undated article's relative dates ("last month", "March 16") are read against the story's latest date:
  // articles of one story appear within days of each other.
  const latest = articles
    .map((a) => a.published?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const annotated = joinOrganisationPlaces(articles.map((a) => annotateArticle(oneShape(a), latest, lexicon)));
  const entities = resolveEntities(annotated, lexicon);
  const quotes = groupQuotes(annotated, entities);
  const comparison = compareStory({ articles: annotated, entities, quotes }, compareOptions(lexicon));
  return {
    schema: FINDINGS_SCHEMA,
    articles: annotated.map(articleFinding),
    entities: entityFindings(entities),
    quotes: comparison.quotes,
    statements: statementFindings(annotated, entities),
    facts: comparison.facts,
    discrepancies: comparison.discrepancies,
    certainty: comparison.certainty,
    provenance: comparison.provenance,
    timeline: comparison.timeline,
    relations: comparison.relations,
  };
}

/**
 * Analyses the articles of one story into a `triangulate.story/1` report.
 *
 * @example const report = analyzeStory(articles); report.entities[0]?.name
 */
export function analyzeStory(articles: Article[], options: AnalyzeOptions = {}): StoryReport {
  return buildReport(articles, findStory(articles, options));
}

/**
 * The article with every property of `Article` set, in one order, undefined where it has none. Articles with
 * different optional properties (a title, an author) are objects of different hidden classes to V8, and each
 * kind first met by a stage's optimised code, which reads `article.id` for every sentence and mention, threw
 * that code away to be compiled again. The stages read the properties only, never which ones are set.
 */
function oneShape(a: Article): Article {
  const all: { [K in keyof Required<Article>]: Article[K] | undefined } = {
    id: a.id,
    source: a.source,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    author: a.author,
    text: a.text,
    removedBoilerplate: a.removedBoilerplate,
    diagnostics: a.diagnostics,
  };
  return all as Article;
}

function articleFinding(a: AnnotatedArticle): ArticleFinding {
  const out: ArticleFinding = {
    article: a.article.id,
    wordCount: a.tokens.filter((t) => isWord(t.text)).length,
  };
  const first = a.sentences[0];
  if (first) out.firstSentence = { article: a.article.id, start: first.start, end: first.end };
  return out;
}

function entityFindings(entities: EntityIndex): EntityFinding[] {
  return entities.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    mentions: e.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end })),
  }));
}
