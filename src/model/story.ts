import type { AnnotatedArticle, EntityType, Mention } from "./annotation.js";
import type { QuoteFinding } from "./findings.js";

/** A mention located in its article. */
export interface LocatedMention extends Mention {
  article: string;
}

/** One thing the story names, with every mention of it. */
export interface Entity {
  id: string;
  /** The fullest form used. */
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: LocatedMention[];
}

/** Entities of a story and a lookup from a mention (article and offsets) or a surface form to its entity. */
export interface EntityIndex {
  entities: Entity[];
  byMention(article: string, start: number, end: number): Entity | undefined;
  byName(surface: string): Entity | undefined;
}

/** A story after annotation and resolution: what the comparison stages read. */
export interface ResolvedStory {
  articles: AnnotatedArticle[];
  entities: EntityIndex;
  quotes: QuoteFinding[];
}
