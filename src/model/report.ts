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
  values: { article: string; value: string; evidence: string }[];
}

export interface ReportCertainty {
  article: string;
  claim: string;
  level: CertaintyLevel;
  evidence: string;
  headline: boolean;
  overstated: boolean;
}

export interface ReportProvenance {
  origin?: { name: string; article?: string };
  citations: { article: string; cites: string; evidence: string }[];
  reuse: { from: string; to: string; sharedFraction: number; passages: number }[];
}

export interface ReportTimelineEntry {
  /** ISO date, possibly partial ("2025-01"). */
  date: string;
  text: string;
  sources: string[];
}

export interface ReportRelation {
  /** Entity ids. */
  subject: string;
  predicate: string;
  object: string;
  sources: string[];
  evidence: string[];
}

export interface ReportBriefSentence {
  text: string;
  citations: string[];
}

/** `triangulate.story/1`: one story's analysis. Offsets are character offsets into the article's `text`. */
export interface StoryReport {
  schema: typeof STORY_SCHEMA;
  story: { id: string; title: string; articleCount: number; firstPublished?: string; lastPublished?: string };
  articles: ReportArticle[];
  entities: ReportEntity[];
  quotes: ReportQuote[];
  facts: ReportFact[];
  discrepancies: ReportDiscrepancy[];
  certainty: ReportCertainty[];
  provenance: ReportProvenance;
  timeline: ReportTimelineEntry[];
  relations: ReportRelation[];
  brief: ReportBriefSentence[];
}
