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
 * ("Dialog表示" is "Dialog" and two more). As a regular expression, with L a letter that is not Chinese or
 * Japanese, the tokens are the matches of
 * `\p{N}+(?:[.,:]\p{N}+)*(?:L+)?|(?:L\.){2,}|L(?:L|\p{M}|\p{N})*(?:['’‑-](?:L|\p{N})+)*\.?|\S`; `tokenSpans` scans
 * the text by hand to the same effect, which costs a fraction of that expression's time (the tests compare the two).
 */
const WORD_LETTER = "[^\\P{L}\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]";
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Bits of a character's class for the scanner: space, word letter (L above), mark, number, and any letter or
 * digit (Chinese and Japanese included: what makes a token a word).
 */
const C_SPACE = 1;
const C_LETTER = 2;
const C_MARK = 4;
const C_NUMBER = 8;
const C_WORDLIKE = 16;

/** Each class bit with the expression that defines it. */
const CLASS_PATTERNS: [number, string][] = [
  [C_SPACE, "\\s"],
  [C_LETTER, WORD_LETTER],
  [C_MARK, "\\p{M}"],
  [C_NUMBER, "\\p{N}"],
  [C_WORDLIKE, "[\\p{L}\\p{N}]"],
];
const CLASS_TESTS = CLASS_PATTERNS.map(([bit, source]) => [bit, new RegExp(source, "u")] as const);

/** The class of a character beyond the Basic Multilingual Plane (rare in news copy), asked of the expressions. */
function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  let c = 0;
  for (const [bit, test] of CLASS_TESTS) if (test.test(ch)) c |= bit;
  return c;
}

/**
 * The class of every character of the Basic Multilingual Plane, made once as the module loads: each expression
 * runs once over a string of all of them. Surrogates, halves of characters beyond the plane, are in no class.
 */
function planeClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x41 : c;
  let plane = "";
  for (let c = 0; c < 0x10000; c += 0x1000) plane += String.fromCharCode(...units.subarray(c, c + 0x1000));
  // Runs of characters of a class, not single ones: the plane lists characters in order, and most classes come in blocks.
  for (const [bit, source] of CLASS_PATTERNS)
    for (const m of plane.matchAll(new RegExp(`(?:${source})+`, "gu")))
      for (let c = m.index; c < m.index + m[0].length; c++) table[c] = (table[c] as number) | bit;
  table.fill(0, 0xd800, 0xe000);
  return table;
}
const BMP_CLASS = planeClasses();

function classAt(codePoint: number): number {
  return codePoint > 0xffff ? classify(codePoint) : (BMP_CLASS[codePoint] as number);
}

/** The class of the character at `i` of `text` (0 past its end). */
function classOfChar(text: string, i: number): number {
  const u = text.charCodeAt(i);
  // Past the end, charCodeAt gives NaN and the comparison fails; a surrogate may start a pair.
  if (u < 0xd800) return BMP_CLASS[u] as number;
  return i < text.length ? classAt(text.codePointAt(i) as number) : 0;
}

/** How many code units the character at `i` takes (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  return u >= 0xd800 && u <= 0xdbff && (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

/** The end of the run of characters from `i` whose class has one of the bits of `mask`. */
function runEnd(text: string, i: number, mask: number): number {
  let j = i;
  while (j < text.length) {
    const u = text.charCodeAt(j);
    if (u < 0xd800) {
      // Most characters: one code unit, classified by the table.
      if (!((BMP_CLASS[u] as number) & mask)) break;
      j++;
    } else {
      if (!(classOfChar(text, j) & mask)) break;
      j += widthAt(text, j);
    }
  }
  return j;
}

/** The end of a number starting at `i`: digits, separated groups of digits ("1,100", "9:30"), letters after. */
function numberEnd(text: string, i: number): number {
  let j = runEnd(text, i, C_NUMBER);
  for (;;) {
    const sep = text.charCodeAt(j);
    if ((sep !== 0x2e && sep !== 0x2c && sep !== 0x3a) || !(classOfChar(text, j + 1) & C_NUMBER)) break;
    j = runEnd(text, j + 1, C_NUMBER);
  }
  return runEnd(text, j, C_LETTER);
}

/** The end of two or more letters each followed by a period starting at `i` ("U.S."), or -1. */
function initialsEnd(text: string, i: number): number {
  let j = i;
  let n = 0;
  while (classOfChar(text, j) & C_LETTER) {
    const w = widthAt(text, j);
    if (text.charCodeAt(j + w) !== 0x2e) break;
    j += w + 1;
    n++;
  }
  return n >= 2 ? j : -1;
}

/** Apostrophes and hyphens that may join the parts of a word: ' ’ ‑ -. */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2011 || c === 0x2d;

/** The end of a word starting with the letter at `i`: letters, marks and digits, joined parts, a final period. */
function wordEnd(text: string, i: number): number {
  let j = runEnd(text, i + widthAt(text, i), C_LETTER | C_MARK | C_NUMBER);
  while (isJoiner(text.charCodeAt(j)) && classOfChar(text, j + 1) & (C_LETTER | C_NUMBER))
    j = runEnd(text, j + 1, C_LETTER | C_NUMBER);
  return text.charCodeAt(j) === 0x2e ? j + 1 : j;
}

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
 * Hands `take` the span of every token of a text, in order (see `tokenSpans`), and whether the token is a word:
 * a token starts with a letter or a digit exactly when it has one, since every other token is one character.
 */
function scanTokens(text: string, take: (start: number, end: number, word: boolean) => void): void {
  let i = 0;
  while (i < text.length) {
    const c = classOfChar(text, i);
    if (c & C_SPACE) {
      i += widthAt(text, i);
      continue;
    }
    const start = i;
    let end = i + widthAt(text, i);
    if (c & C_NUMBER) end = numberEnd(text, i);
    else if (c & C_LETTER) {
      const initials = initialsEnd(text, i);
      end = initials >= 0 ? initials : wordEnd(text, i);
    }
    i = end;
    // A trailing period belongs to the word only when the word is an abbreviation; otherwise it is punctuation.
    if (end - start > 1 && text.charCodeAt(end - 1) === 0x2e && !keepsPeriod(text.slice(start, end))) {
      take(start, end - 1, true);
      take(end - 1, end, false);
    } else take(start, end, (c & C_WORDLIKE) !== 0);
  }
}

/** Whether a word ending in a period keeps it: an initialism, an abbreviation, an initial. */
function keepsPeriod(word: string): boolean {
  if (INITIALISM.test(word)) return true;
  const stem = word.slice(0, -1);
  return ABBREVIATIONS.has(stem.toLowerCase()) || /^\p{Lu}$/u.test(stem);
}

/**
 * The tokens of a text, in order: words (with the tokenizer's rule for a trailing period: it stays on an
 * abbreviation or an initial and is a token of its own after any other word) and single other characters.
 *
 * @example tokenSpans("Mr. Ali left.").map((t) => t.text) // ["Mr.", "Ali", "left", "."]
 */
export function tokenSpans(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  scanTokens(text, (start, end) => {
    tokens.push({ start, end, text: text.slice(start, end) });
  });
  return tokens;
}

/** "U.S.", "a.m.": letters each followed by a period. */
const INITIALISM = /^(?:\p{L}\.){2,}$/u;

/** True for an initialism ("U.S."), whose final period may also end a sentence. */
export function isInitialism(token: string): boolean {
  return INITIALISM.test(token);
}

/** True when a token is a word: it has a letter or a digit ("U.S.", "1,100", "don't"; not "—" or "$"). */
export function isWord(token: string): boolean {
  // Most words start with an ASCII letter or digit; the expression is asked only of the others.
  const first = token.charCodeAt(0);
  if (first < 0x80 && (BMP_CLASS[first] as number) & C_WORDLIKE) return true;
  return LETTER_OR_DIGIT.test(token);
}

/**
 * The words of a text, as spans: its tokens that are words.
 *
 * @example wordSpans("Fire at the port — live.").map((w) => w.text) // ["Fire", "at", "the", "port", "live"]
 */
export function wordSpans(text: string): TextToken[] {
  const words: TextToken[] = [];
  scanTokens(text, (start, end, word) => {
    if (word) words.push({ start, end, text: text.slice(start, end) });
  });
  return words;
}

/** How many words a text has (see {@link wordSpans}). */
export function countWords(text: string): number {
  let n = 0;
  scanTokens(text, (_start, _end, word) => {
    if (word) n++;
  });
  return n;
}
