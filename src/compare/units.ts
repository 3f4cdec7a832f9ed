import type { AnnotatedArticle, DateMention, EntityIndex, Mention, NumberMention, Sentence } from "../model/index.js";
import type { TextToken } from "../words/tokens.js";
import { TermStatistics, type TermVector } from "./similarity.js";
import { type Slot, slotsOf } from "./slots.js";
import { contentStems, tokenStems } from "./words.js";

/** Clauses shorter than this many content stems are compared only as part of their sentence. */
const MIN_CLAUSE_STEMS = 5;

/** Where a long sentence divides into statements: semicolons, dashes, and a comma before a conjunction. */
const CLAUSE_BREAK =
  /\s*[;—–]\s*|,\s+(?=(?:while|whereas|with|as|after|but|and|although|though|which|who|including|saying|adding)\b)/gu;

/** A capitalised word after the first: a name, or part of one. */
const NAME_WORD = /(?<=[\p{L}\p{N},;:'"’”)]\s+)\p{Lu}[\p{L}'’.-]*/gu;

/** One sentence of one article, with what comparison needs to know about it. */
export interface Unit {
  /** Index of the unit in the story's list. */
  index: number;
  article: string;
  /** Position of the article in the story. */
  articleIndex: number;
  sentence: Sentence;
  text: string;
  stems: string[];
  vector: TermVector;
  clauses: { start: number; end: number; vector: TermVector }[];
  mentions: Mention[];
  entityIds: string[];
  numbers: NumberMention[];
  dates: DateMention[];
  /** True for the headline line. */
  headline: boolean;
  /** Share of the sentence's characters inside quotation marks. */
  quoted: number;
  /** The quotations inside the sentence (spans into the article text). */
  quotes: { start: number; end: number }[];
  /** Tallies and durations: figures compared as one value each. */
  slots: Slot[];
  /** Content stems of the words that are not names: what the statement says, apart from whom it names. */
  lexical: Set<string>;
  /**
   * The article's tokens, of which the sentence's are `tokens[sentence.tokenStart .. sentence.tokenEnd - 1]`: the
   * same as the shared splitter makes of `text`, so stages read them instead of splitting the sentence again.
   * Absent for a unit made of other text (a title).
   */
  tokens?: readonly TextToken[];
}

type Span = { start: number; end: number };

const within = (s: Span, x: Span) => x.start >= s.start && x.end <= s.end;

/**
 * For each sentence, the items within it, in the items' order: `items.filter((x) => within(sentence, x))` for
 * every sentence at once. Where the sentences are in order, not empty and do not overlap, an item that is not
 * empty can be within only the last sentence that starts at or before it, found by binary search, so the cost
 * grows with the number of items, not with items times sentences. An empty item (which may touch two
 * sentences) is checked against every sentence; so is every item where the sentences are not so ordered.
 *
 * @example withinEach([{ start: 0, end: 5 }, { start: 6, end: 9 }], [{ start: 7, end: 8 }]) // [[], [{ start: 7, end: 8 }]]
 */
export function withinEach<T extends Span>(sentences: readonly Span[], items: readonly T[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  const ordered = sentences.every((s, i) => s.start < s.end && (i === 0 || (sentences[i - 1] as Span).end <= s.start));
  for (const x of items) {
    if (!ordered || x.start >= x.end) {
      sentences.forEach((s, k) => {
        if (within(s, x)) (out[k] as T[]).push(x);
      });
      continue;
    }
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sentences[mid] as Span).start <= x.start) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k >= 0 && within(sentences[k] as Span, x)) (out[k] as T[]).push(x);
  }
  return out;
}

/**
 * Cuts a story into comparable units (sentences, with their clauses), weighting stems by how rare they are
 * in the story; entities count as one term whatever their spelling.
 */
export function storyUnits(articles: AnnotatedArticle[], entities: EntityIndex): Unit[] {
  const stats = new TermStatistics();
  const drafts: Omit<Unit, "vector" | "clauses" | "slots" | "lexical">[] = [];
  const clauseStems: { start: number; end: number; stems: string[] }[][] = [];
  const lexical: Set<string>[] = [];
  articles.forEach((a, articleIndex) => {
    const { text, title } = a.article;
    const mentionsOf = withinEach(a.sentences, a.mentions);
    const numbersOf = withinEach(a.sentences, a.numbers);
    const datesOf = withinEach(a.sentences, a.dates);
    a.sentences.forEach((sentence, s) => {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const mentions = mentionsOf[s] as Mention[];
      const entityIds = [
        ...new Set(
          mentions.map((m) => entities.byMention(a.article.id, m.start, m.end)?.id).filter((x): x is string => !!x),
        ),
      ];
      // The sentence's words are read once; its clauses take theirs from them (no word crosses a clause break).
      const words = tokenStems(a.tokens, sentence.tokenStart, sentence.tokenEnd, sentence.start);
      const stems = [...words.map((w) => w.stem), ...entityIds.map((id) => `@${id}`)];
      stats.add(stems);
      const quotes = a.quotes.filter((q) => q.start < sentence.end && q.end > sentence.start);
      const quotedChars = quotes.reduce(
        (n, q) => n + Math.min(q.end, sentence.end) - Math.max(q.start, sentence.start),
        0,
      );
      drafts.push({
        index: drafts.length,
        article: a.article.id,
        articleIndex,
        sentence,
        text: sentenceText,
        stems,
        mentions,
        entityIds,
        numbers: numbersOf[s] as NumberMention[],
        dates: datesOf[s] as DateMention[],
        headline: sentence.start === 0 && title !== undefined && sentenceText.trim() === title.trim(),
        quoted: quotedChars / Math.max(1, sentenceText.length),
        quotes: quotes.map((q) => ({ start: q.start, end: q.end })),
        tokens: a.tokens,
      });
      lexical.push(new Set(lexicalStems({ text: sentenceText, sentence, tokens: a.tokens }, words)));
      clauseStems.push(
        splitClauses(sentenceText, sentence.start, words).filter((c) => c.stems.length >= MIN_CLAUSE_STEMS),
      );
    });
  });
  return drafts.map((d, i) => ({
    ...d,
    slots: slotsOf(d),
    lexical: lexical[i] ?? new Set<string>(),
    vector: stats.vector(d.stems),
    clauses:
      (clauseStems[i] ?? []).length > 1
        ? (clauseStems[i] ?? []).map((c) => ({ start: c.start, end: c.end, vector: stats.vector(c.stems) }))
        : [],
  }));
}

/**
 * The content stems of a unit's text with its name words (`NAME_WORD`) blanked out: `contentStems` of the text
 * with each name word replaced by a space, taken from `words` (`tokenStems` of the sentence's tokens, `at`
 * counted from its start) without stemming the sentence again. A name word that does not begin and end where
 * tokens do ("Area51", a letter with a combining mark) would split otherwise once blanked, so such a sentence
 * is read from its text.
 */
function lexicalStems(
  d: Pick<Unit, "text" | "sentence" | "tokens">,
  words: readonly { at: number; stem: string }[],
): string[] {
  const { tokens, sentence, text } = d;
  const fromText = () => contentStems(text.replace(NAME_WORD, " "));
  if (!tokens) return fromText();
  const out: string[] = [];
  const end = sentence.tokenEnd;
  // Where token `k` starts, counted as `at` is; past the sentence's last token, beyond every word.
  const startOf = (k: number) => (k < end ? (tokens[k] as TextToken).start - sentence.start : Number.POSITIVE_INFINITY);
  let w = 0;
  // The stems of the words of tokens `from` to `to - 1`: those of the tokens before `from` are passed over.
  const keep = (from: number, to: number) => {
    const first = startOf(from);
    const last = startOf(to);
    while (w < words.length && (words[w] as { at: number }).at < first) w++;
    while (w < words.length && (words[w] as { at: number }).at < last) out.push((words[w++] as { stem: string }).stem);
  };
  let k = sentence.tokenStart;
  for (const m of text.matchAll(NAME_WORD)) {
    const from = sentence.start + m.index;
    const to = from + m[0].length;
    let j = k;
    while (j < end && (tokens[j] as TextToken).end <= from) j++;
    if (j < end && (tokens[j] as TextToken).start < from) return fromText();
    keep(k, j);
    while (j < end && (tokens[j] as TextToken).end <= to) j++;
    if (j < end && (tokens[j] as TextToken).start < to) return fromText();
    k = j;
  }
  keep(k, end);
  return out;
}

/**
 * Whether two units have a content stem in common outside names (see `Unit.lexical`).
 *
 * @example shareLexical(unitOf("Ships sank."), unitOf("Two ships sank off Corvane.")) // true
 */
export function shareLexical(a: Pick<Unit, "lexical">, b: Pick<Unit, "lexical">): boolean {
  // The smaller set is walked, and not copied: this runs for every pair of units that align.
  const [small, large] = a.lexical.size <= b.lexical.size ? [a.lexical, b.lexical] : [b.lexical, a.lexical];
  for (const s of small) if (large.has(s)) return true;
  return false;
}

function splitClauses(
  text: string,
  offset: number,
  words: { at: number; stem: string }[],
): { start: number; end: number; stems: string[] }[] {
  const out: { start: number; end: number; stems: string[] }[] = [];
  const stemsIn = (from: number, to: number) => words.filter((w) => w.at >= from && w.at < to).map((w) => w.stem);
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index > from) out.push({ start: offset + from, end: offset + m.index, stems: stemsIn(from, m.index) });
    from = m.index + m[0].length;
  }
  if (from < text.length)
    out.push({ start: offset + from, end: offset + text.length, stems: stemsIn(from, text.length) });
  return out;
}
