import type { EntityType } from "./annotation.js";
import type { CertaintyLevel, DiscrepancyKind, Fidelity } from "./report.js";

/**
 * Words of an article: `start`/`end` are offsets into its clean text, or, with `field: "title"`, into its
 * title (a headline given only as metadata, which the text does not repeat). Findings hold these, never a
 * copy of the words: the report cuts the words from the article when it is built.
 */
export interface ArticleSpan {
  article: string;
  start: number;
  end: number;
  field?: "title";
}

/** What the report needs of an article beyond the article itself: counts the annotate stage made. */
export interface ArticleFinding {
  article: string;
  wordCount: number;
  /** The first sentence, the story's title when no article has a headline. */
  firstSentence?: ArticleSpan;
}

export interface EntityFinding {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: ArticleSpan[];
}

export interface QuoteOccurrenceFinding {
  words: ArticleSpan;
  /** The attribution words ("said the union's leader"); absent when the quotation has none. */
  attribution?: ArticleSpan;
  fidelity: Fidelity;
}

export interface QuoteFinding {
  id: string;
  /** Index in `occurrences` of the rendering the quotation is known by. */
  reference: number;
  speaker: { entity?: string; description: string };
  occurrences: QuoteOccurrenceFinding[];
}

/**
 * Reported speech in one article: what it says someone said without quotation marks (`words`), the words
 * that attribute it, and the speaker as a quotation's is described.
 */
export interface StatementFinding {
  id: string;
  speaker: { entity?: string; description: string };
  words: ArticleSpan;
  attribution: ArticleSpan;
}

/**
 * A claim settled against every article: the articles that support it (each with its words) and those whose
 * aligned statement gives another value (with their words when the comparison found them).
 */
export interface FactFinding {
  id: string;
  kind: "corroborated" | "unique" | "disputed";
  /** The words that state the claim, in one of its articles. */
  claim: ArticleSpan;
  support: ArticleSpan[];
  contradiction?: { article: string; evidence?: ArticleSpan }[];
}

export interface DiscrepancySide {
  article: string;
  /** The value as the comparison reads it: a figure, a place, a date with its resolved day, a name. */
  value: string;
  /** The sentence (or, for who said a quotation, the attribution words) that gives the value. */
  evidence: ArticleSpan;
}

export interface DiscrepancyFinding {
  id: string;
  kind: DiscrepancyKind;
  about: string;
  compatible?: boolean;
  explanation: string;
  sides: DiscrepancySide[];
}

/** A cue that set a claim's certainty level: its words, or a quotation (shown in quotation marks). */
export interface CueFinding {
  words: ArticleSpan;
  quotation?: true;
}

export interface CertaintyFinding {
  article: string;
  /** The claim's words: its lead sentence, or its headline (in the text, or the title field). */
  claim: ArticleSpan;
  level: CertaintyLevel;
  /** The cues, in text order; empty when the claim is plainly asserted (the claim is then the evidence). */
  cues: CueFinding[];
  headline: boolean;
  overstated: boolean;
}

export interface CitationFinding {
  article: string;
  cites: string;
  /** The sentence or credit line that cites the source. */
  evidence: ArticleSpan;
}

export interface ProvenanceFinding {
  origin?: { name: string; article?: string };
  citations: CitationFinding[];
  reuse: ReuseFinding[];
}

/** Text one article shares with another: `from` is the earlier (or the source), `to` the one that reuses it. */
export interface ReuseFinding {
  from: string;
  to: string;
  sharedFraction: number;
  passages: number;
  /**
   * Each shared passage in both articles, in the order of `to`'s text: from its first shared word to its
   * last (a passage may skip a few words one of them changed). Optional: findings made before it lack it.
   */
  evidence?: { from: ArticleSpan; to: ArticleSpan }[];
}

export interface TimelineFinding {
  date: string;
  /** The sentence the entry is told by (the earliest article's). */
  statement: ArticleSpan;
  sources: string[];
  /** Every sentence that gives this event and date. */
  evidence: ArticleSpan[];
}

export interface RelationFinding {
  subject: string;
  predicate: string;
  object: string;
  sources: string[];
  /** The sentences that state it, one per sentence read. */
  evidence: ArticleSpan[];
}

/** The schema id of {@link Findings}, for whatever stores them. */
export const FINDINGS_SCHEMA = "triangulate.findings/1";

/**
 * Everything the analysis of one story finds, as plain data (JSON-safe: no Maps, Sets or functions), every
 * piece of evidence a span into its article. With the articles, it is all `buildReport` needs to make the
 * `triangulate.story/1` report: what a store saves, and renders the report from.
 */
export interface Findings {
  schema: typeof FINDINGS_SCHEMA;
  articles: ArticleFinding[];
  entities: EntityFinding[];
  quotes: QuoteFinding[];
  /** Reported speech; absent from findings made before it was read. */
  statements?: StatementFinding[];
  facts: FactFinding[];
  discrepancies: DiscrepancyFinding[];
  certainty: CertaintyFinding[];
  provenance: ProvenanceFinding;
  timeline: TimelineFinding[];
  relations: RelationFinding[];
}

/**
 * The words of a span, cut from its article: from the clean text, or from the title for a `field: "title"`
 * span.
 *
 * @example spanWords({ text: "A fire broke out." }, { article: "a", start: 2, end: 6 }) // "fire"
 */
export function spanWords(article: { text: string; title?: string }, span: ArticleSpan): string {
  return (span.field === "title" ? (article.title ?? "") : article.text).slice(span.start, span.end);
}
