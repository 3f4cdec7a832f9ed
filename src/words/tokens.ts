/**
 * The one way the project splits text into words: the tokenizer's tokens (which annotate keeps for every article)
 * and, for any other piece of text, the same tokens made here. A word is a token with a letter or a digit in it,
 * so every stage that counts or compares words counts and compares the same ones.
 */

/** A token: the characters from `start` to `end` of a text (the model's `Token` has this shape). */
export interface TextToken {
  start: number;
  end: number;
  text: string;
}

/**
 * Words keep internal apostrophes, hyphens and periods (Shi'ite, long-range, U.S.), and numbers keep their
 * separators (1,100 and 3.5); every other non-space character is a token of its own. Chinese and Japanese
 * characters, written without spaces, are a token each, so a word in Latin letters ends where they begin
 * ("Dialog表示" is "Dialog" and two more).
 */
const L = "[^\\P{L}\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]";
const TOKEN = new RegExp(
  `\\p{N}+(?:[.,:]\\p{N}+)*(?:${L}+)?|(?:${L}\\.){2,}|${L}(?:${L}|\\p{M}|\\p{N})*(?:['’‑-](?:${L}|\\p{N})+)*\\.?|\\S`,
  "gu",
);

/**
 * Abbreviations whose period does not end a sentence. Lower-cased, without the period. Titles and the
 * short forms news copy uses before names and numbers.
 */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "sgt",
  "cpl",
  "pte",
  "adm",
  "cmdr",
  "brig",
  "const",
  "cst",
  "det",
  "insp",
  "supt",
  "hon",
  "atty",
  "gov",
  "sen",
  "rep",
  "rev",
  "st",
  "sr",
  "jr",
  "no",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mt",
  "ft",
  "pres",
  "dept",
  "est",
  "approx",
  "fig",
  "vol",
]);

/**
 * The tokens of a text, in order: words (with the tokenizer's rule for a trailing period: it stays on an
 * abbreviation or an initial and is a token of its own after any other word) and single other characters.
 *
 * @example tokenSpans("Mr. Ali left.").map((t) => t.text) // ["Mr.", "Ali", "left", "."]
 */
export function tokenSpans(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    let start = m.index;
    // A trailing period belongs to the word only when the word is an abbreviation; otherwise it is punctuation.
    if (word.length > 1 && word.endsWith(".") && !INITIALISM.test(word)) {
      const stem = word.slice(0, -1);
      if (!ABBREVIATIONS.has(stem.toLowerCase()) && !/^\p{Lu}$/u.test(stem)) {
        tokens.push({ start, end: start + stem.length, text: stem });
        start += stem.length;
        word = ".";
      }
    }
    tokens.push({ start, end: start + word.length, text: word });
  }
  return tokens;
}

/** "U.S.", "a.m.": letters each followed by a period. */
const INITIALISM = /^(?:\p{L}\.){2,}$/u;

/** True for an initialism ("U.S."), whose final period may also end a sentence. */
export function isInitialism(token: string): boolean {
  return INITIALISM.test(token);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when a token is a word: it has a letter or a digit ("U.S.", "1,100", "don't"; not "—" or "$"). */
export function isWord(token: string): boolean {
  return LETTER_OR_DIGIT.test(token);
}

/**
 * The words of a text, as spans: its tokens that are words.
 *
 * @example wordSpans("Fire at the port — live.").map((w) => w.text) // ["Fire", "at", "the", "port", "live"]
 */
export function wordSpans(text: string): TextToken[] {
  return tokenSpans(text).filter((t) => isWord(t.text));
}

/** How many words a text has (see {@link wordSpans}). */
export function countWords(text: string): number {
  let n = 0;
  for (const t of tokenSpans(text)) if (isWord(t.text)) n++;
  return n;
}
