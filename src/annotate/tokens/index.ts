import type { Sentence, Token } from "../../model/index.js";

/**
 * Words keep internal apostrophes, hyphens and periods (Shi'ite, long-range, U.S.), and numbers keep their
 * separators (1,100 and 3.5); every other non-space character is a token of its own.
 */
const TOKEN =
  /\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}+)?|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’‑-][\p{L}\p{N}]+)*\.?|\S/gu;

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

const SENTENCE_END = /^[.!?…]$/;
const CLOSERS = /^["'”’)\]»]$/;

/** Splits clean text into tokens and sentences; a line break always ends a sentence. */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    let start = m.index;
    // A trailing period belongs to the word only when the word is an abbreviation; otherwise it is punctuation.
    if (word.length > 1 && word.endsWith(".") && !/^(?:\p{L}\.){2,}$/u.test(word)) {
      const stem = word.slice(0, -1);
      if (!ABBREVIATIONS.has(stem.toLowerCase()) && !/^\p{Lu}$/u.test(stem)) {
        tokens.push({ start, end: start + stem.length, text: stem });
        start += stem.length;
        word = ".";
      }
    }
    tokens.push({ start, end: start + word.length, text: word });
  }
  return { tokens, sentences: splitSentences(text, tokens) };
}

function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b) sentences.push({ start: a.start, end: b.end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(token.end, next.start);
    if (gap.includes("\n")) {
      close(i);
      continue;
    }
    if (!SENTENCE_END.test(token.text) && !endsWithInitialism(token.text)) continue;
    // Closing quotes and brackets right after the stop stay with the sentence.
    let last = i;
    while (
      tokens[last + 1] &&
      CLOSERS.test((tokens[last + 1] as Token).text) &&
      (tokens[last + 1] as Token).start === (tokens[last] as Token).end
    )
      last++;
    const after = tokens[last + 1];
    if (!after) break;
    const between = text.slice((tokens[last] as Token).end, after.start);
    if (between.includes("\n")) {
      i = last - 1;
      continue;
    }
    if (between.length === 0) continue;
    if (!startsSentence(after.text)) continue;
    if (endsWithInitialism(token.text) && !SENTENCE_END.test(token.text)) continue;
    close(last);
    i = last;
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

function endsWithInitialism(word: string): boolean {
  return /^(?:\p{L}\.){2,}$/u.test(word);
}

function startsSentence(word: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'([]/u.test(word);
}
