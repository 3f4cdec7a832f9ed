import type { EntityType } from "./annotation.js";

/** The schema id of the story report, the public contract of ../DESIGN.md. */
export const STORY_SCHEMA = "triangulate.story/1";

export interface EvidenceSpan {
  article: string;
  text: string;
  start: number;
  end: number;
}

export type Fidelity = "exact" | "minor-edit" | "altered" | "expanded" | "truncated";

export type DiscrepancyKind = "number" | "place" | "date" | "person" | "negation" | "attribution" | "stance";

export type CertaintyLevel = "asserted" | "reported" | "hedged" | "speculative";

export interface ReportArticle {
  id: string;
  /** Its id in the store, where it is served (`/articles/:id`): a stored story's report only. */
  storeId?: number;
  source: string;
  outlet?: string;
  title?: string;
  published?: string;
  author?: string;
  text: string;
  wordCount: number;
  removedBoilerplate: string[];
}

export interface ReportEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: EvidenceSpan[];
}

export interface ReportQuote {
  id: string;
  text: string;
  speaker: { entity?: string; description: string };
  occurrences: (EvidenceSpan & { attribution: string; fidelity: Fidelity })[];
}

/**
 * Reported speech: what one article says someone said without quotation marks (`text` at `start`/`end`), with
 * its attribution words and the speaker as a quotation's is given.
 */
export interface ReportStatement {
  id: string;
  article: string;
  text: string;
  start: number;
  end: number;
  attribution: string;
  speaker: { entity?: string; description: string };
}

/**
 * A claim and, for each article, whether it supports it, contradicts it or says nothing of it. `sources` are
 * the supporters only; an article whose aligned statement gives another value is in `contradictedBy`, and such
 * a claim is `disputed`. `evidence` holds the words of supporters and contradictors alike.
 */
export interface ReportFact {
  id: string;
  text: string;
  kind: "corroborated" | "unique" | "disputed";
  sources: string[];
  contradictedBy?: string[];
  evidence: EvidenceSpan[];
}

export interface ReportDiscrepancy {
  id: string;
  kind: DiscrepancyKind;
  about: string;
  compatible?: boolean;
  explanation: string;
  /** `start`/`end`: where `evidence` is in the article (always set by this version; optional for older reports). */
  values: { article: string; value: string; evidence: string; start?: number; end?: number }[];
}

export interface ReportCertainty {
  article: string;
  claim: string;
  /** Where `claim` is in the article's text; absent for a headline given only as the article's title. */
  start?: number;
  end?: number;
  level: CertaintyLevel;
  evidence: string;
  headline: boolean;
  overstated: boolean;
  /** The cue words that set `level`, each with its span (a quotation's without its marks); text cues only. */
  cues?: EvidenceSpan[];
}

export interface ReportProvenance {
  origin?: { name: string; article?: string };
  /** `start`/`end`: where `evidence` is in the article. */
  citations: { article: string; cites: string; evidence: string; start?: number; end?: number }[];
  reuse: ReportReuse[];
  /**
   * Copies of the report's articles (the same text run again, by another outlet) that a stored story keeps
   * and links to the article they copy, and does not compare again. Optional: only a stored story's report
   * has them; `article` is the report's article copied.
   */
  copies?: ReportCopy[];
}

/** Text one article shares with another (see the findings' `ReuseFinding`). */
export interface ReportReuse {
  from: string;
  to: string;
  sharedFraction: number;
  passages: number;
  /** Each passage's words in both articles, in the order of `to`'s text. Optional: added after the first release. */
  evidence?: { from: EvidenceSpan; to: EvidenceSpan }[];
}

/** A stored copy of one of a report's articles: not an article of the report, named and linked beside it. */
export interface ReportCopy {
  /** The report's article whose text it copies. */
  article: string;
  copy: {
    /** The reader's id of the copy (a file name, a feed item's id). */
    id: string;
    /** Its id in the store, where it is served (`/articles/:id`). */
    storeId?: number;
    outlet?: string;
    title?: string;
    published?: string;
    url?: string;
  };
}

export interface ReportTimelineEntry {
  /** ISO date, possibly partial ("2025-01"). */
  date: string;
  text: string;
  sources: string[];
  /** Every sentence that gives this event and date, with its span. */
  evidence?: EvidenceSpan[];
}

export interface ReportRelation {
  /** Entity ids. */
  subject: string;
  predicate: string;
  object: string;
  sources: string[];
  evidence: string[];
  /** Every sentence the relation was read from, with its span (`evidence` lists their words once each). */
  evidenceSpans?: EvidenceSpan[];
}

export interface ReportBriefSentence {
  text: string;
  citations: string[];
  /** The words in the cited articles that the sentence rests on. */
  evidence?: EvidenceSpan[];
}

/** `triangulate.story/1`: one story's analysis. Offsets are character offsets into the article's `text`. */
export interface StoryReport {
  schema: typeof STORY_SCHEMA;
  story: { id: string; title: string; articleCount: number; firstPublished?: string; lastPublished?: string };
  articles: ReportArticle[];
  entities: ReportEntity[];
  quotes: ReportQuote[];
  /** Reported speech, in article order; absent from reports made before it was read. */
  statements?: ReportStatement[];
  facts: ReportFact[];
  discrepancies: ReportDiscrepancy[];
  certainty: ReportCertainty[];
  provenance: ReportProvenance;
  timeline: ReportTimelineEntry[];
  relations: ReportRelation[];
  brief: ReportBriefSentence[];
}
