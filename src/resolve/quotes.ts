import type { AnnotatedArticle, EntityIndex, Fidelity, QuoteFinding, QuoteMention } from "../model/index.js";
import { wordSpans } from "../words/tokens.js";

/** Renderings at least this similar (word-bigram Dice) are one quotation with small edits. */
const SAME_QUOTE_SIMILARITY = 0.6;
/** A shorter rendering inside a longer one is the same quotation truncated, if it has this many words. */
const MIN_TRUNCATION_WORDS = 2;
/**
 * Reworded renderings ("no one" for "nobody", "not out yet" for "not yet out") break many bigrams but keep
 * the words in order: this share of the longer rendering in a common subsequence makes them one quotation.
 */
const SAME_QUOTE_IN_ORDER = 0.7;
/** ... for renderings of at least this many words; short ones differ too easily by chance. */
const MIN_IN_ORDER_WORDS = 6;
/** Renderings sharing fewer bigrams than this (Dice) are not reworded copies of each other. */
const MIN_DICE_FOR_ORDER = 0.3;
/**
 * A word pair already in more quotation groups than this ("of the", "we are") proposes no candidates: it is
 * common in the story's quotations, and a bound that does not grow with the story keeps the comparisons per
 * rendering bounded. Renderings of one quotation share rarer pairs too; 100 groups is far more than a story of
 * a few dozen articles quotes.
 */
const MAX_QUOTE_POSTINGS = 100;

interface Occurrence {
  article: string;
  published: string | undefined;
  order: number;
  quote: QuoteMention;
  words: string[];
  /** The words as numbers (one per distinct word of the story's quotations), for comparing renderings. */
  ids: Int32Array;
  /** The distinct word pairs (see `bigrams`) as numbers, ascending. */
  grams: Int32Array;
}

/**
 * Words of a quotation for comparison, the shared splitter's: case, accents, apostrophe forms and the
 * thousands separators of figures ignored.
 */
export function quoteWords(text: string): string[] {
  const plain = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
  const out: string[] = [];
  for (const t of wordSpans(plain)) {
    const w = t.text.replace(/^'+|'+$/g, "").replace(/(\d),(?=\d{3})/g, "$1");
    if (w.length > 0) out.push(w);
  }
  return out;
}

function bigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) out.add(words[0] as string);
  return out;
}

/** Dice coefficient of word bigrams: symmetric, in [0, 1]. */
export function quoteSimilarity(a: string[], b: string[]): number {
  return bigramDice(bigrams(a), bigrams(b));
}

/**
 * How many of the distinct numbers `x` another list shares, the other's numbers marked in `marks` with `stamp`:
 * one pass over `x` however long the other list is.
 */
function markedCount(x: Int32Array, marks: Uint32Array, stamp: number): number {
  let shared = 0;
  for (let i = 0; i < x.length; i++) if (marks[x[i] as number] === stamp) shared++;
  return shared;
}

function bigramDice(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Where `needle` occurs as a contiguous run of words in `hay`, or -1. */
export function indexOfWords<T>(hay: ArrayLike<T>, needle: ArrayLike<T>): number {
  if (needle.length === 0 || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Whether two renderings are one quotation (truncated, edited or reworded); `b`'s word pairs are marked in
 * `marks` with `stamp` (see `markedCount`).
 */
function sameQuotation(a: Occurrence, b: Occurrence, marks: Uint32Array, stamp: number): boolean {
  // Renderings that share no word pair (nor, being one word, the word) meet none of the tests below: a
  // truncation or an identical rendering shares its pairs, and their Dice is 0.
  const shared = markedCount(a.grams, marks, stamp);
  if (shared === 0) return false;
  const [short, long] = a.ids.length <= b.ids.length ? [a.ids, b.ids] : [b.ids, a.ids];
  if (short.length >= MIN_TRUNCATION_WORDS && indexOfWords(long, short) >= 0) return true;
  if (short.length === long.length && indexOfWords(long, short) === 0) return true;
  const dice = (2 * shared) / (a.grams.length + b.grams.length);
  if (dice >= SAME_QUOTE_SIMILARITY) return true;
  // Reworded renderings still share some bigrams; without any, the subsequence test is not worth its cost.
  if (
    dice < MIN_DICE_FOR_ORDER ||
    short.length < MIN_IN_ORDER_WORDS ||
    short.length < SAME_QUOTE_IN_ORDER * long.length
  )
    return false;
  return commonSubsequence(short, long) >= SAME_QUOTE_IN_ORDER * long.length;
}

/** Length of the longest common subsequence of two word lists. */
function commonSubsequence(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * Groups a story's quotations across articles: one entry per quotation, an occurrence in every article that
 * carries it (tolerant of punctuation, small edits and truncation), each with its own attribution words and a
 * fidelity against the fullest, earliest rendering; the speaker resolved to an entity where possible.
 */
export function groupQuotes(articles: AnnotatedArticle[], entities: EntityIndex): QuoteFinding[] {
  const occurrences: Occurrence[] = [];
  // Words and word pairs numbered for this call: renderings are compared many times, numbers cost less than text.
  const wordIds = new Map<string, number>();
  const gramIds = new Map<string, number>();
  const number = (ids: Map<string, number>, key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  articles.forEach((a, order) => {
    for (const quote of a.quotes) {
      const words = quoteWords(quote.text);
      if (words.length === 0) continue;
      const { id, published } = a.article;
      const ids = Int32Array.from(words, (w) => number(wordIds, w));
      const grams = Int32Array.from(bigrams(words), (g) => number(gramIds, g)).sort();
      occurrences.push({ article: id, published, order, quote, words, ids, grams });
    }
  });

  // Only renderings that share a word pair can be one quotation (a truncation keeps its pairs, and so does a
  // rendering similar enough by Dice): index groups by the word pairs of their members.
  const groups: Occurrence[][] = [];
  const groupsByWord: Set<number>[] = [];
  // The word pairs of the rendering being placed, marked with its number (plus one) for `sameQuotation`.
  const marks = new Uint32Array(gramIds.size);
  occurrences.forEach((occ, k) => {
    const stamp = k + 1;
    for (const g of occ.grams) marks[g] = stamp;
    const candidates = new Set<number>();
    for (const w of occ.grams) {
      const holders = groupsByWord[w];
      if (holders && holders.size <= MAX_QUOTE_POSTINGS) for (const g of holders) candidates.add(g);
    }
    const home = [...candidates]
      .sort((x, y) => x - y)
      .find((g) => (groups[g] as Occurrence[]).some((o) => sameQuotation(o, occ, marks, stamp)));
    const index = home ?? groups.length;
    if (home === undefined) groups.push([occ]);
    else (groups[home] as Occurrence[]).push(occ);
    for (const w of occ.grams) {
      const set = groupsByWord[w];
      if (set) set.add(index);
      else groupsByWord[w] = new Set([index]);
    }
  });

  const quotes = groups.map((group) => toQuoteFinding(group, entities));
  quotes.sort((a, b) => b.occurrences.length - a.occurrences.length);
  quotes.forEach((q, i) => {
    q.id = `q${i + 1}`;
  });
  return quotes;
}

function toQuoteFinding(group: Occurrence[], entities: EntityIndex): QuoteFinding {
  // The reference is the rendering that others repeat or cut (a reworded one is not), then the fullest,
  // then the earliest.
  const supportOf = new Map(
    group.map((o) => [o, group.filter((x) => x !== o && indexOfWords(o.words, x.words) >= 0).length]),
  );
  const support = (o: Occurrence) => supportOf.get(o) as number;
  const reference = [...group].sort(
    (a, b) =>
      support(b) - support(a) ||
      b.words.length - a.words.length ||
      (a.published ?? "\uffff").localeCompare(b.published ?? "\uffff") ||
      a.order - b.order,
  )[0] as Occurrence;

  const votes = new Map<string, number>();
  let description = "";
  for (const o of group) {
    const speaker = o.quote.speaker;
    if (!speaker) continue;
    const target = speaker.resolved ?? (speaker.kind === "name" ? speaker : undefined);
    const entity = target
      ? (entities.byMention(o.article, target.start, target.end) ?? entities.byName(target.text))
      : undefined;
    if (entity) votes.set(entity.id, (votes.get(entity.id) ?? 0) + 1);
    // The whole phrase names the speaker as the article does ("harbour spokesman Tomas Berg"): who they are
    // is part of the finding, and the name is still in it.
    const described = speaker.kind === "pronoun" ? speaker.antecedent?.text : (speaker.phrase?.text ?? speaker.text);
    if (described && described.length > description.length) description = described;
  }
  const entity = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!description && entity) description = entities.entities.find((e) => e.id === entity)?.name ?? "";
  if (!description) description = "unattributed";

  const ordered = group.sort((a, b) => a.order - b.order || a.quote.start - b.quote.start);
  return {
    id: "",
    reference: ordered.indexOf(reference),
    speaker: entity ? { entity, description } : { description },
    occurrences: ordered.map((o) => {
      const { start, end, attributionSpan } = o.quote;
      return {
        words: { article: o.article, start, end },
        ...(attributionSpan ? { attribution: { article: o.article, ...attributionSpan } } : {}),
        fidelity: fidelityOf(o.words, reference.words),
      };
    }),
  };
}

/** How a rendering compares with the reference (the fullest, earliest) rendering of the same quotation. */
export function fidelityOf(words: string[], reference: string[]): Fidelity {
  if (words.join(" ") === reference.join(" ")) return "exact";
  if (words.length < reference.length && indexOfWords(reference, words) >= 0) return "truncated";
  if (words.length > reference.length && indexOfWords(words, reference) >= 0) return "expanded";
  return quoteSimilarity(words, reference) >= SAME_QUOTE_SIMILARITY ? "minor-edit" : "altered";
}
