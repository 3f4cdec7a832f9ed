/**
 * The writing system most of a text's letters are in: "latin", "han" (with kana, as Japanese is written with
 * both), "hangul", "cyrillic", "arabic", "greek", "hebrew", "devanagari", "thai", or "other"; undefined when
 * the text has no letters. Statements in different scripts are in different languages, and the comparison's
 * word rules read neither against the other.
 */
export function scriptOf(text: string): string | undefined {
  // Most texts are plain ASCII, whose letters are all Latin: no run of letters needs a pattern.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
  if (ascii) return /[A-Za-z]/.test(text) ? "latin" : undefined;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(LETTERS)) {
    const name = SCRIPTS.find(([, re]) => re.test(m[0]))?.[0] ?? "other";
    counts.set(name, (counts.get(name) ?? 0) + m[0].length * (DENSE.has(name) ? DENSE_WEIGHT : 1));
  }
  let best: string | undefined;
  let most = 0;
  for (const [name, n] of counts) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}

/**
 * A Han or Hangul character carries about a word's part, where a Latin letter carries a sound: one counts as
 * this many letters, so that a Chinese sentence naming "Velmar Port" is still Chinese.
 */
const DENSE_WEIGHT = 3;
const DENSE = new Set(["han", "hangul"]);

/** Runs of letters of one script, so that a long text is classified run by run rather than letter by letter. */
const LETTERS =
  /\p{Script=Latin}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|\p{Script=Hangul}+|\p{Script=Cyrillic}+|\p{Script=Arabic}+|\p{Script=Greek}+|\p{Script=Hebrew}+|\p{Script=Devanagari}+|\p{Script=Thai}+|\p{L}+/gu;

const SCRIPTS: [string, RegExp][] = [
  ["latin", /^\p{Script=Latin}/u],
  ["han", /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["hangul", /^\p{Script=Hangul}/u],
  ["cyrillic", /^\p{Script=Cyrillic}/u],
  ["arabic", /^\p{Script=Arabic}/u],
  ["greek", /^\p{Script=Greek}/u],
  ["hebrew", /^\p{Script=Hebrew}/u],
  ["devanagari", /^\p{Script=Devanagari}/u],
  ["thai", /^\p{Script=Thai}/u],
];
