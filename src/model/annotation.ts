import type { Article } from "./article.js";

/** A half-open character range [start, end) into an article's clean text. */
export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
}

/** A sentence; `tokenStart`/`tokenEnd` index the article's token array (end exclusive). */
export interface Sentence extends Span {
  tokenStart: number;
  tokenEnd: number;
}

export type EntityType = "person" | "organization" | "place" | "other";

/** A name in the text that refers to a person, organisation or place. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  /**
   * Set where the words around the name say what it is ("the barge, the Marten Rose": a ship, type "other"),
   * not a guess from the name: the story's entity keeps this type over other articles' guesses.
   */
  settled?: true;
}

/** A range of values; `low`/`high` may be ±Infinity; an open end excludes its bound. */
export interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

export type Hedge = "exact" | "approximate" | "more-than" | "at-least" | "less-than" | "at-most" | "vague";

/** A count in the text ("more than 1,400 people"), read as an interval. */
export interface NumberMention extends Span {
  text: string;
  /** The number as written, e.g. 1100 for "1,100", 12 for "a dozen"; for vague amounts ("dozens") a typical value. */
  value: number;
  interval: Interval;
  hedge: Hedge;
  /** The hedge words as written ("more than"), when there are any. */
  hedgeText?: string;
  /** What it counts, lower-cased head noun ("people", "fighters"), when the text says. */
  unit?: string;
}

/** A date or time expression; `date` is ISO and may be partial ("2025", "2025-01", "2025-01-15"). */
export interface DateMention extends Span {
  text: string;
  /** The resolved ISO date; absent when it cannot be resolved. */
  date?: string;
  /** True when the expression is relative to the article's date ("Monday", "last month"). */
  relative: boolean;
}

/** Who said a quotation, as the text puts it. */
export interface SpeakerRef extends Span {
  text: string;
  /** "name": a proper name; "pronoun": he/she/they/it resolved or not; "description": "a commander of X". */
  kind: "name" | "pronoun" | "description";
  /** For pronouns and descriptions: the mention they were resolved to, if any. */
  resolved?: Mention;
  /** For a pronoun with no named antecedent: the description it takes up ("One crane operator"). */
  antecedent?: Span & { text: string };
  /**
   * The whole phrase the speaker is named with, when it says more than the name: title words before it and an
   * appositive after it ("party spokesman Ann Lee", "Ann Lee, a lawyer for the port").
   */
  phrase?: Span & { text: string };
}

/** A direct quotation: the words between the quotation marks and how they were attributed. */
export interface QuoteMention extends Span {
  /** The quoted words, without the marks. `start`/`end` cover exactly these words. */
  text: string;
  speaker?: SpeakerRef;
  /** The attribution words as written ("said a commander of X", "told Reuters"). */
  attribution: string;
  /** Where the attribution words are; absent when there are none. */
  attributionSpan?: Span;
}

/** An article with everything the annotate stage found in it. */
export interface AnnotatedArticle {
  article: Article;
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  numbers: NumberMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /**
   * Reported speech: what the article says someone said without quotation marks ("Ana Ruiz said the quay would
   * reopen"), one per sentence at most, `start`/`end` covering what was said. Absent where it was not read.
   */
  speech?: QuoteMention[];
}
