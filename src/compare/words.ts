import { isWord, type TextToken, tokenSpans } from "../words/tokens.js";

/** Function words that say nothing about what a statement is about. */
export const STOPWORDS = new Set(
  (
    "a an the and or but if then than that this these those there here of in on at to for from by with without " +
    "into onto over under about above below after before during since until while as is are was were be been being " +
    "am do does did doing done have has had having will would shall should can could may might must it its it's " +
    "he him his she her hers they them their theirs we us our ours you your yours i me my mine who whom whose which " +
    "what when where why how all any both each few more most other some such no nor not only own same so too very " +
    "just also said says say saying told tell according added adding one two three also however still yet already " +
    "s t mr mrs ms dr would've per via among amid upon whether either neither because"
  ).split(" "),
);

/**
 * A light suffix stripper: enough to meet "attacks"/"attacked"/"attacking" and "militias"/"militia" in one
 * stem, without a dictionary. Over-stemming is harmless here because stems are only compared with each other.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.includes("'") || w.includes("’")) w = w.replace(/[’']s?$/u, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith("ation")) w = w.slice(0, -5);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  // A doubled final consonant ("stopp" -> "stop"): /([^aeiou])\1$/ by code units, without the regular expression.
  if (w.length > 4) {
    const last = w.charCodeAt(w.length - 1);
    if (last === w.charCodeAt(w.length - 2) && !VOWEL_CODES.includes(last)) w = w.slice(0, -1);
  }
  return w;
}

const VOWEL_CODES = [..."aeiou"].map((c) => c.charCodeAt(0));

/** The content stems of the words of a piece of text (the shared splitter's), in order. */
export function contentStems(text: string): string[] {
  return stemsAt(text).map((s) => s.stem);
}

/** The content stems of a piece of text with where each word starts in it, in order (see `contentStems`). */
export function stemsAt(text: string): { at: number; stem: string }[] {
  const tokens = tokenSpans(text);
  return tokenStems(tokens, 0, tokens.length, 0);
}

/**
 * `stemsAt` of a text already split: the content stems of `tokens[from]` to `tokens[to - 1]`, each with where
 * its word starts counted from `offset` (a sentence's tokens in its article, `offset` its start: the same stems
 * as `stemsAt` of the sentence's text, whose tokens they are).
 *
 * @example tokenStems(tokenSpans("Ships sank."), 0, 3, 0) // [{ at: 0, stem: "ship" }, { at: 6, stem: "sank" }]
 */
export function tokenStems(
  tokens: readonly TextToken[],
  from: number,
  to: number,
  offset: number,
): { at: number; stem: string }[] {
  const out: { at: number; stem: string }[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k] as TextToken;
    if (!isWord(t.text)) continue;
    // Each test and replacement only where it can apply: this runs for every word of a story, several times.
    const end = t.text.charCodeAt(t.text.length - 1);
    const raw = TRAILING_CODES.includes(end) ? t.text.replace(/[.'’-]+$/u, "") : t.text;
    const lower = raw.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    const head = raw.charCodeAt(0);
    if (head >= 48 && head <= 57 && /^\d[\d,.]*$/.test(raw)) {
      // A number's groups are stems of their own ("1,100" is "1" and "100"), as before the words came from the
      // shared splitter: kept whole, "more than 1,100" and "around 1,200" no longer meet, and one count
      // reported in round figures stops corroborating itself across outlets.
      let at = t.start - offset;
      for (const group of raw.split(",")) {
        out.push({ at, stem: group });
        at += group.length + 1;
      }
      continue;
    }
    if (lower.length < 2) continue;
    out.push({ at: t.start - offset, stem: stem(lower.includes(".") ? lower.replace(/\./g, "") : lower) });
  }
  return out;
}

/** Characters a word may end in that `tokenStems` strips: . ' ’ - */
const TRAILING_CODES = [...".'’-"].map((c) => c.charCodeAt(0));
