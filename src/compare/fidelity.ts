import {
  type AnnotatedArticle,
  type QuoteFinding,
  type QuoteOccurrenceFinding,
  type ResolvedStory,
  spanWords,
  type Token,
} from "../model/index.js";
import { isWord, tokenSpans } from "../words/tokens.js";

/** A quotation's words must mostly recur in another article's sentence for that sentence to be its source. */
const MIN_MATCHED_SHARE = 0.6;
/** ... and at least this many of them, so that two-word scare quotes are not read as paraphrases. */
const MIN_MATCHED_WORDS = 4;
/** The other article gives the words as paraphrase when less than this share of them is inside its quotes. */
const MAX_QUOTED_SHARE = 0.5;

/** A word in more than this share of the story's sentences (or {@link MIN_COMMON_POSTINGS}) is common. */
const COMMON_WORD_SHARE = 0.03;
const MIN_COMMON_POSTINGS = 8;
/**
 * However long the story, a word in more sentences than this is common: a share alone lets the sentences
 * looked through per quotation grow with the story. 100 is far above a story of a few dozen articles' share.
 */
const MAX_COMMON_POSTINGS = 100;

interface Word {
  word: string;
  start: number;
  end: number;
}

/** The words among tokens, lower case with plain apostrophes. */
function wordsOf(tokens: readonly Token[]): Word[] {
  return tokens.filter((t) => isWord(t.text)).map((t) => ({ word: plainLower(t.text), start: t.start, end: t.end }));
}

/** A word in lower case with plain apostrophes. */
function plainLower(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
}

/** Indices in `b` of a longest common subsequence of words with `a`. */
function lcsMatches(a: string[], b: string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] as number) + 1
          : Math.max(table[(i + 1) * cols + j] as number, table[i * cols + j + 1] as number);
    }
  }
  const matched: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      matched.push(j);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] as number) >= (table[i * cols + j + 1] as number)) i++;
    else j++;
  }
  return matched;
}

/**
 * Marks as `expanded` the renderings that print inside quotation marks words another article gives as
 * paraphrase: the quotation's words recur in order in a sentence of the other article, mostly outside its
 * quotation marks. Other fidelities stay as the grouping set them.
 */
export function refineFidelity(story: ResolvedStory): QuoteFinding[] {
  // Each occurrence's words, first: only words some quotation has are looked up in the index below.
  const articles = new Map(story.articles.map((a) => [a.article.id, a.article]));
  const wordsOfOccurrence = new Map<QuoteOccurrenceFinding, string[]>();
  const quoted = new Set<string>();
  for (const q of story.quotes) {
    for (const o of q.occurrences) {
      const text = spanWords(articles.get(o.words.article) ?? { text: "" }, o.words);
      const words = wordsOf(tokenSpans(text)).map((w) => w.word);
      if (words.length < MIN_MATCHED_WORDS) continue;
      wordsOfOccurrence.set(o, words);
      for (const w of words) quoted.add(w);
    }
  }
  // Sentences by word, so that a quotation is compared only with sentences that share its words; the words
  // of no quotation are left out of it. A sentence's words as objects are made only for the few compared with
  // a quotation.
  const sentences: Candidate[] = [];
  const byWord = new Map<string, Candidate[]>();
  for (const a of story.articles) {
    const { tokens } = a;
    for (const s of a.sentences) {
      const c: Candidate = {
        index: sentences.length,
        article: a.article.id,
        quotes: a.quotes,
        tokens,
        from: s.tokenStart,
        to: s.tokenEnd,
      };
      sentences.push(c);
      for (let k = s.tokenStart; k < Math.min(s.tokenEnd, tokens.length); k++) {
        const text = (tokens[k] as Token).text;
        if (!isWord(text)) continue;
        const w = plainLower(text);
        if (!quoted.has(w)) continue;
        const list = byWord.get(w);
        // Each sentence once per word: its words are listed one sentence after the other.
        if (!list) byWord.set(w, [c]);
        else if (list[list.length - 1] !== c) list.push(c);
      }
    }
  }
  const commonAt = Math.min(MAX_COMMON_POSTINGS, Math.max(MIN_COMMON_POSTINGS, sentences.length * COMMON_WORD_SHARE));
  // Rare words each sentence shares with the quotation at hand, by the sentence's index; `touched` lists the
  // sentences to clear (and to look at) after it.
  const shared = new Int32Array(sentences.length);
  const touched: Candidate[] = [];
  return story.quotes.map((q) => ({
    ...q,
    occurrences: q.occurrences.map((o) => {
      const words = wordsOfOccurrence.get(o);
      if (!words) return o;
      const { article } = o.words;
      // Candidates share most of the quotation's rarer words; common words would make every sentence one.
      const rare = [...new Set(words)].filter((w) => (byWord.get(w)?.length ?? 0) <= commonAt);
      for (const w of rare) {
        for (const c of byWord.get(w) ?? []) {
          if (c.article === article) continue;
          if (shared[c.index] === 0) touched.push(c);
          shared[c.index] = (shared[c.index] as number) + 1;
        }
      }
      const enough = Math.ceil(MIN_MATCHED_SHARE * rare.length);
      const expanded = touched.some((c) => (shared[c.index] as number) >= enough && paraphrases(words, c));
      for (const c of touched) shared[c.index] = 0;
      touched.length = 0;
      return expanded ? { ...o, fidelity: "expanded" as const } : o;
    }),
  }));
}

interface Candidate {
  /** Its place among the story's sentences. */
  index: number;
  article: string;
  quotes: AnnotatedArticle["quotes"];
  /** The article's tokens; the sentence is `tokens[from .. to - 1]`. */
  tokens: readonly Token[];
  from: number;
  to: number;
  /** The sentence's words, made when it is first compared with a quotation. */
  words?: Word[];
  /** The same words as a set, made with them. */
  set?: Set<string>;
}

function paraphrases(quote: string[], candidate: Candidate): boolean {
  const { quotes } = candidate;
  candidate.words ??= wordsOf(candidate.tokens.slice(candidate.from, candidate.to));
  const sentence = candidate.words;
  const needed = Math.max(MIN_MATCHED_WORDS, Math.ceil(MIN_MATCHED_SHARE * quote.length));
  if (sentence.length < needed) return false;
  // A common subsequence has no more words than the quotation has words the sentence holds at all: where that
  // falls short, the table of `lcsMatches` need not be filled.
  candidate.set ??= new Set(sentence.map((w) => w.word));
  let present = 0;
  for (const w of quote) if (candidate.set.has(w)) present++;
  if (present < needed) return false;
  const matched = lcsMatches(
    quote,
    sentence.map((w) => w.word),
  );
  if (matched.length < needed) return false;
  const inQuotes = matched.filter((j) => {
    const w = sentence[j] as Word;
    return quotes.some((q) => w.start >= q.start && w.end <= q.end);
  }).length;
  return inQuotes / matched.length < MAX_QUOTED_SHARE;
}
