import type { Lexicon } from "../../lexicon/index.js";
import type { Sentence, Token } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";
import { CALENDAR, NEVER_NAMES, PERSON_TITLES } from "../../words/names.js";

/**
 * Whether a capital letter can be trusted. Mid-sentence capitals mark names; a capital at the start of a
 * sentence, after an opening quote or colon, or in an all-caps headline says nothing, and the word has to be
 * judged from the rest of the document and the lexicon.
 */
export type Casing = "lower" | "name" | "ambiguous" | "none";

/** Per-document counts of how each word is written where its case is informative. */
export interface CaseStats {
  /** Lower-cased word -> times written capitalised in mid-sentence. */
  capitalised: Map<string, number>;
  /** Lower-cased word -> times written capitalised in mid-sentence with no capitalised neighbour. */
  alone: Map<string, number>;
  /** Lower-cased word -> times written in lower case. */
  lower: Map<string, number>;
  /** Words written in capitals (acronyms) inside ordinary, mixed-case sentences. */
  acronyms: Set<string>;
  /** `nameKey`s of runs of two to four capitalised words written in mid-sentence ("New York"). */
  phrases: Set<string>;
  /**
   * How each sentence (by its index) is set, where its capitals say nothing: an all-caps headline, a title-case
   * line, or neither. Worked out once here for the counts, and read again by whoever judges the sentence's words.
   */
  lines: LineKind[];
}

/** How a sentence is set (see `CaseStats.lines`). */
export type LineKind = "headline" | "title" | "plain";

/** How a sentence is set: `isHeadline` first, then `isTitleCaseLine`. */
export function lineKind(tokens: readonly Token[], lexicon: Lexicon): LineKind {
  if (isHeadline(tokens)) return "headline";
  return isTitleCaseLine(tokens, lexicon) ? "title" : "plain";
}

/** The share of all-caps words above which a sentence is a headline whose case says nothing. */
const HEADLINE_CAPS_SHARE = 0.6;

/** Capitalised words up to this length are acronyms even when they spell a common word ("US", "IT"). */
const SHORT_ACRONYM = 3;
/** Seen this often in lower case in the open corpora, a word is common English rather than an acronym. */
const COMMON_WORD_COUNT = 3;

/** Tokens after which the next word is capitalised by convention, like at the start of a sentence. */
const OPENERS = new Set([".", "!", "?", ":", '"', "“", "‘", "'", "-", "--", "—", "–", "…", "(", "[", "*", "•", ";"]);

const HAS_LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}.&'’-]+$/u;
/** Arabic article and similar prefixes written in lower case before a capitalised name ("al-Sadr", "el-Sisi"). */
const LOWER_PREFIXED_NAME = /^(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|bin|ibn|abu|d|l|o)['’-]\p{Lu}/u;

/** True for a word written in capitals: two letters or more, or an initialism like "U.S.". */
export function isAllCaps(word: string): boolean {
  return ALL_CAPS.test(word) && /\p{Lu}.*\p{Lu}|^\p{Lu}\.$/u.test(word) && !/\p{Ll}/u.test(word);
}

/** True when the sentence is written in capitals (a headline), so capitals carry no information in it. */
export function isHeadline(tokens: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    // Most words start with an ASCII letter, and one in lower case is not in capitals: no pattern needed.
    const first = t.text.charCodeAt(0);
    const lower = first >= 97 && first <= 122;
    if (!lower && !(first >= 65 && first <= 90) && !HAS_LETTER.test(t.text)) continue;
    words++;
    if (!lower && t.text.length > 1 && isAllCaps(t.text)) caps++;
  }
  return words > 0 && caps / words >= HEADLINE_CAPS_SHARE && caps >= 1 && !(words >= 6 && caps === 1);
}

/** Words of this length or more are content words when telling a title-case headline from a list of names. */
const CONTENT_WORD_LENGTH = 4;
/** Share of capitalised content words at which a line is set in title case ("Chile's Miners Agree to End Strike"). */
const TITLE_CASE_SHARE = 0.75;
/** Capitalised common words a title-case headline has at least; a list of names has fewer. */
const TITLE_CASE_COMMON = 2;
/** Words that title case leaves in lower case: articles, conjunctions, short prepositions, "to" and "as". */
const TITLE_CASE_LOWER = new Set(
  "a an the and but or nor for so yet as at by in of off on per to up via vs v with from into onto over upon than".split(
    " ",
  ),
);
/** Content words a title-case headline has at least. */
const TITLE_CASE_MIN_WORDS = 4;

/**
 * True when the sentence is a headline in title case, so a capital on a common word says nothing: most
 * content words are capitalised and some of them are common English words.
 */
export function isTitleCaseLine(tokens: readonly Token[], lexicon: Lexicon): boolean {
  const { firstNameCount, lookupPlace, lowerCount } = lexicon;
  let content = 0;
  let capitalised = 0;
  let common = 0;
  for (const t of tokens) {
    // Title case capitalises every word but articles, conjunctions and short prepositions: "met" or "new"
    // in lower case makes the line a sentence.
    if (/^\p{Ll}+$/u.test(t.text) && !TITLE_CASE_LOWER.has(t.text)) return false;
    if (t.text.length < CONTENT_WORD_LENGTH || !HAS_LETTER.test(t.text)) continue;
    content++;
    if (!UPPER_START.test(t.text)) continue;
    capitalised++;
    const lw = t.text.toLowerCase();
    if (lowerCount(lw) >= COMMON_WORD_COUNT && !lookupPlace(t.text) && firstNameCount(t.text) === 0) common++;
  }
  return content >= TITLE_CASE_MIN_WORDS && capitalised / content >= TITLE_CASE_SHARE && common >= TITLE_CASE_COMMON;
}

/** How a token's case reads, given whether its sentence is a headline and whether it opens a clause. */
export function casingOf(
  token: Token,
  headline: boolean,
  opensClause: boolean,
  titleLine: boolean,
  lexicon: Lexicon,
): Casing {
  const { dictionaryKind, lowerCount } = lexicon;
  const w = token.text;
  // Most words start with an ASCII lower-case letter: no capitals to read, only a lower-case prefix ("al-Sadr").
  const first = w.charCodeAt(0);
  if (first >= 97 && first <= 122) return headline ? "ambiguous" : LOWER_PREFIXED_NAME.test(w) ? "name" : "lower";
  if (!HAS_LETTER.test(w)) return "none";
  if (headline) return "ambiguous";
  if (titleLine && UPPER_START.test(w) && !isAllCaps(w)) return "ambiguous";
  // Capitals in a mixed-case sentence mark an acronym wherever it stands ("US officials said"), unless
  // the word is a common one set in capitals as a label ("ISSUE :", "ORDERS").
  if (w.length > 1 && isAllCaps(w)) {
    const common = lowerCount(w.toLowerCase()) >= COMMON_WORD_COUNT || dictionaryKind(w) === "common";
    return w.length <= SHORT_ACRONYM || !common ? "name" : "ambiguous";
  }
  if (LOWER_PREFIXED_NAME.test(w)) return "name";
  if (!UPPER_START.test(w)) return "lower";
  return opensClause ? "ambiguous" : "name";
}

/**
 * True when the token at `index` opens its sentence or a quotation inside it ('he yelled, "Don't move!"': the
 * capital of "Don't" says nothing).
 */
export function opensClause(tokens: readonly Token[], index: number, sentenceStart: number): boolean {
  for (let j = index - 1; j >= sentenceStart; j--) {
    const t = (tokens[j] as Token).text;
    if (opensQuotation(tokens, j)) return true;
    if (OPENERS.has(t)) {
      if (t === "." || t === "!" || t === "?" || t === ":" || t === ";" || t === "-" || t === "—" || t === "–")
        return true;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * Whether the token at `j` is a quotation mark that opens a quotation: a curly opening mark, or a straight one,
 * double or single, that stands after a space and before its first word with none ("'Oh, my God'", not "the '90s"
 * nor "rock 'n' roll", whose words are in lower case or digits anyway).
 */
function opensQuotation(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.text === "“" || t.text === "‘") return true;
  if (t.text !== '"' && t.text !== "'") return false;
  // Checked rather than read past the array's ends (see `opensClause`'s callers: this runs for every word).
  const before = j > 0 ? tokens[j - 1] : undefined;
  const after = j + 1 < tokens.length ? tokens[j + 1] : undefined;
  return after !== undefined && after.start === t.end && (before === undefined || before.end < t.start);
}

/** Counts, over a whole document, where each word is written capitalised and where in lower case. */
export function collectCaseStats(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  lexicon: Lexicon,
): CaseStats {
  const stats: CaseStats = {
    capitalised: new Map(),
    alone: new Map(),
    lower: new Map(),
    acronyms: new Set(),
    phrases: new Set(),
    lines: sentences.map((s) => lineKind(tokens.slice(s.tokenStart, s.tokenEnd), lexicon)),
  };
  sentences.forEach((s, index) => {
    if (stats.lines[index] !== "plain") return;
    let run: string[] = [];
    const endRun = () => {
      if (run.length >= 2 && run.length <= 4) stats.phrases.add(nameKey(run.join(" ")));
      run = [];
    };
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i] as Token;
      if (!HAS_LETTER.test(t.text)) {
        endRun();
        continue;
      }
      const lw = t.text.toLowerCase();
      if (!UPPER_START.test(t.text)) {
        stats.lower.set(lw, (stats.lower.get(lw) ?? 0) + 1);
        endRun();
        continue;
      }
      if (isAllCaps(t.text) && t.text.length > 1) stats.acronyms.add(t.text);
      if (opensClause(tokens, i, s.tokenStart)) {
        endRun();
        continue;
      }
      stats.capitalised.set(lw, (stats.capitalised.get(lw) ?? 0) + 1);
      const before = tokens[i - 1];
      const after = i + 1 < s.tokenEnd ? tokens[i + 1] : undefined;
      if (run.length === 0 && !(after && UPPER_START.test(after.text)) && !(before && UPPER_START.test(before.text)))
        stats.alone.set(lw, (stats.alone.get(lw) ?? 0) + 1);
      run.push(t.text);
    }
    endRun();
  });
  return stats;
}

/**
 * Times the corpora must have seen a word in names of one type before its capital at the start of a sentence
 * is trusted.
 */
const MIN_NAMED_SIGHTINGS = 2;

/** Endings of common English words (nouns, verbs, adjectives, adverbs) that names rarely have. */
const COMMON_ENDING =
  /(?:ly|ing|ings|ed|tion|tions|sion|ness|ment|ments|ity|ous|ive|able|ible|ful|less|ism|ist|ists|ize|ise|ized|ised|est|ies|ers)$/;

/**
 * How a word whose capital says nothing (sentence-initial, headline) reads: "yes" a name, "no" a common
 * word, "weak" unknown, a name only if a neighbour is one too.
 */
export type NameJudgement = "yes" | "no" | "weak";

/**
 * Judges a word whose capital says nothing, from how the document writes it elsewhere, then from the
 * lexicon, then from its shape.
 */
export function judgeName(word: string, stats: CaseStats, headline: boolean, lexicon: Lexicon): NameJudgement {
  const { firstNameCount, lookupPlace, lowerCount, wordCounts } = lexicon;
  const lw = word.toLowerCase();
  if (NEVER_NAMES.has(lw) || CALENDAR.has(lw) || CALENDAR.has(lw.replace(/s$/, ""))) return "no";
  if (/^(?:\p{Lu}\.)+$/u.test(word) || /^(?:al|el)-\p{L}/iu.test(word)) return "yes";
  if (!/\p{L}\p{L}/u.test(word)) return "no";
  if (PERSON_TITLES.has(lw.replace(/\.$/, ""))) return "yes";
  if (headline && stats.acronyms.has(word)) return "yes";
  const cap = stats.capitalised.get(lw) ?? 0;
  const low = stats.lower.get(lw) ?? 0;
  // A common word written capitalised elsewhere only inside longer names ("Rowing Club Board") is still common.
  if (cap > 0 && cap >= low) {
    return (stats.alone.get(lw) ?? 0) === 0 && lowerCount(lw) >= COMMON_WORD_COUNT ? "weak" : "yes";
  }
  if (low > 0 && cap === 0) return "no";
  const title = headline ? titleCase(word) : word;
  const place = lookupPlace(title);
  const lexLower = lowerCount(lw);
  if (place && place.kind !== "city") return "yes";
  const counts = wordCounts(title);
  const named = counts ? counts.person + counts.organization + counts.place + counts.misc : 0;
  const plain = lexLower + (counts?.none ?? 0);
  // A word seen only inside longer names ("Division", "Bank") is a name here only beside another name; so is
  // one the corpora saw named only once ("Olive oil prices", "Harbour traffic"): one sighting proves little.
  const leading = counts ? Math.max(counts.person, counts.organization, counts.place, counts.misc) : 0;
  if (leading >= MIN_NAMED_SIGHTINGS && named * 2 >= plain) return counts?.alone || plain === 0 ? "yes" : "weak";
  if (firstNameCount(title) > 0 && lexLower < 3) return "yes";
  if (place && lexLower === 0) return "yes";
  if (named > 0 && named * 2 >= plain) return "weak";
  // Seen in lower case once or twice in the corpora says as little as one sighting in a name.
  if (low > 0 || plain >= COMMON_WORD_COUNT) return "no";
  // Hyphenated words with a lower-case part ("Month-on-month", "Long-haul") are compounds, not names.
  if (/-\p{Ll}/u.test(title.slice(1)) || COMMON_ENDING.test(lw)) return "no";
  return "weak";
}

/** "JOHN" -> "John", "AL-SADR" -> "Al-Sadr", "O'NEILL" -> "O'Neill"; a leading apostrophe stays lower ("'s"). */
export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’ ])(\p{L})/gu, (m: string, sep: string, ch: string, at: number) =>
      at === 0 && (sep === "'" || sep === "’") ? m : sep + ch.toUpperCase(),
    );
}
