import { type ArticleSpan, type Findings, type ResolvedStory, spanWords } from "../model/index.js";
import { alignUnits, SAME_STATEMENT } from "./align.js";
import { certaintyOf } from "./certainty.js";
import { settleClaims } from "./claims.js";
import { CANDIDATE_STATEMENT, discrepanciesOf } from "./discrepancies.js";
import { factsOf, groupStatements, type StatementGroup } from "./facts.js";
import { refineFidelity } from "./fidelity.js";
import { type CompareOptions, NO_LEXICON } from "./options.js";
import { provenanceOf } from "./provenance.js";
import { relationsOf } from "./relations.js";
import { timelineOf } from "./timeline.js";
import { shareLexical, storyUnits, type Unit } from "./units.js";

export { alignUnits, SAME_STATEMENT, unitSimilarity } from "./align.js";
export type { CompareOptions } from "./options.js";
export { cosine, TermStatistics } from "./similarity.js";
export { contentStems, stem } from "./words.js";
export type { StatementGroup, Unit };

/**
 * What the compare stage finds in a resolved story: the findings of the report (quotations with their
 * fidelity checked against the other articles' text), and the statements and groups they were read from.
 */
export type Comparison = Pick<
  Findings,
  "facts" | "discrepancies" | "quotes" | "timeline" | "relations" | "certainty" | "provenance"
> & {
  units: Unit[];
  groups: StatementGroup[];
};

/**
 * Aligns the statements of a story's articles and reads facts from the alignment.
 *
 * @example compareStory(story).facts.filter((f) => f.kind === "corroborated")
 */
export function compareStory(story: ResolvedStory, options: CompareOptions = {}): Comparison {
  const units = storyUnits(story.articles, story.entities);
  const candidates = alignUnits(units, CANDIDATE_STATEMENT);
  // The same statement says the same about its names: two sentences that share only names are not one.
  const sharesWords = (p: { a: number; b: number }) => shareLexical(units[p.a] as Unit, units[p.b] as Unit);
  // A headline is the article's title, metadata rather than a statement of fact: it joins no fact.
  const statement = (p: { a: number; b: number }) => !(units[p.a] as Unit).headline && !(units[p.b] as Unit).headline;
  const groups = groupStatements(
    units,
    candidates.filter((p) => p.similarity >= SAME_STATEMENT && statement(p) && sharesWords(p)),
  );
  const order = articleOrder(story);
  // Provenance first: the origin report it finds is what headlines and leads are also measured against.
  const provenance = provenanceOf(story, units);
  const discrepancies = discrepanciesOf(story, units, candidates, options);
  const articles = new Map(story.articles.map((a) => [a.article.id, a.article]));
  const wordsOf = (span: ArticleSpan) => spanWords(articles.get(span.article) ?? { text: "" }, span);
  const facts = factsOf(units, groups, order, { ...NO_LEXICON, ...options }.unitKey);
  return {
    units,
    groups,
    facts: settleClaims(facts, discrepancies, units, wordsOf),
    discrepancies,
    quotes: refineFidelity(story),
    timeline: timelineOf(units, groups, order),
    relations: relationsOf(units, story.entities),
    certainty: certaintyOf(story, units, provenance.origin?.article),
    provenance,
  };
}

/** Articles by publication date, undated ones after dated ones in the order given. */
function articleOrder(story: ResolvedStory): (article: string) => number {
  const ranked = story.articles
    .map((a, i) => ({ id: a.article.id, date: a.article.published ?? "\uffff", i }))
    .sort((x, y) => x.date.localeCompare(y.date) || x.i - y.i);
  const rank = new Map(ranked.map((r, k) => [r.id, k]));
  return (article) => rank.get(article) ?? Number.MAX_SAFE_INTEGER;
}
