import { type AnnotatedArticle, type QuoteFinding, type ResolvedStory, spanWords } from "../model/index.js";

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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

function wordsOf(text: string, offset = 0): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase().replace(/’/g, "'"),
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
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
  const sentences: Candidate[] = story.articles.flatMap((a) =>
    a.sentences.map((s) => {
      const words = wordsOf(a.article.text.slice(s.start, s.end), s.start);
      return { article: a.article.id, quotes: a.quotes, words, vocabulary: new Set(words.map((w) => w.word)) };
    }),
  );
  // Sentences by word, so that a quotation is compared only with sentences that share its words.
  const byWord = new Map<string, Candidate[]>();
  for (const c of sentences) {
    for (const w of c.vocabulary) {
      const list = byWord.get(w);
      if (list) list.push(c);
      else byWord.set(w, [c]);
    }
  }
  const commonAt = Math.min(MAX_COMMON_POSTINGS, Math.max(MIN_COMMON_POSTINGS, sentences.length * COMMON_WORD_SHARE));
  const articles = new Map(story.articles.map((a) => [a.article.id, a.article]));
  return story.quotes.map((q) => ({
    ...q,
    occurrences: q.occurrences.map((o) => {
      const { article } = o.words;
      const text = spanWords(articles.get(article) ?? { text: "" }, o.words);
      const words = wordsOf(text).map((w) => w.word);
      if (words.length < MIN_MATCHED_WORDS) return o;
      // Candidates share most of the quotation's rarer words; common words would make every sentence one.
      const rare = [...new Set(words)].filter((w) => (byWord.get(w)?.length ?? 0) <= commonAt);
      const shared = new Map<Candidate, number>();
      for (const w of rare) {
        for (const c of byWord.get(w) ?? []) if (c.article !== article) shared.set(c, (shared.get(c) ?? 0) + 1);
      }
      const enough = Math.ceil(MIN_MATCHED_SHARE * rare.length);
      const paraphrased = [...shared].some(([c, n]) => n >= enough && paraphrases(words, c));
      return paraphrased ? { ...o, fidelity: "expanded" as const } : o;
    }),
  }));
}

interface Candidate {
  article: string;
  quotes: AnnotatedArticle["quotes"];
  words: Word[];
  vocabulary: Set<string>;
}

function paraphrases(quote: string[], { words: sentence, quotes }: Candidate): boolean {
  const needed = Math.max(MIN_MATCHED_WORDS, Math.ceil(MIN_MATCHED_SHARE * quote.length));
  if (sentence.length < needed) return false;
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
