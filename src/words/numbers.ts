/**
 * Number words and their reader, shared by annotate (figures, dates) and compare (slots, discrepancies); see
 * names.ts for why shared word lists live in src/words/.
 */
const SMALL: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Words that multiply what came before them. */
export const SCALES: Readonly<Record<string, number>> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** Every number word, as a regex alternation. "zero" is left out: "zero tolerance" is not a count. */
export const NUMBER_WORD = [...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(SCALES)].join("|");

const PIECE = /[a-z]+/gi;

/**
 * Reads a run of number words ("two", "twenty-five", "three hundred and fifty", "a dozen", "half a million")
 * from its start, stopping where the words stop making one number ("two three-bedroom houses" reads "two").
 * Returns the value and how many characters of `phrase` it used, or undefined when it does not start with one.
 */
export function parseNumberWords(phrase: string): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let factor = 1;
  let last: "none" | "unit" | "tens" | "hundred" | "scale" | "and" = "none";
  let lastScale = Number.POSITIVE_INFINITY;
  let used = 0;
  let pendingAnd = false;
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(phrase); m !== null; m = PIECE.exec(phrase)) {
    const w = m[0].toLowerCase();
    const end = m.index + m[0].length;
    if (last === "none" && (w === "a" || w === "half")) {
      if (w === "half") factor = 0.5;
      else current = current === 0 ? 1 : current;
      continue;
    }
    if (w === "and") {
      if (last !== "hundred" && last !== "scale") break;
      pendingAnd = true;
      continue;
    }
    const small = SMALL[w];
    const tens = TENS[w];
    const scale = SCALES[w];
    if (small !== undefined) {
      if (last === "unit" || (last === "tens" && small >= 10)) break;
      current = (last === "none" ? 0 : current) + small;
      last = "unit";
    } else if (tens !== undefined) {
      if (last === "unit" || last === "tens") break;
      current = (last === "none" ? 0 : current) + tens;
      last = "tens";
    } else if (scale === 100) {
      if (pendingAnd || last === "hundred" || current >= 100) break;
      current = (current === 0 ? 1 : current) * 100;
      last = "hundred";
    } else if (scale !== undefined) {
      if (pendingAnd || scale >= lastScale) break;
      total += (current === 0 ? 1 : current) * scale;
      current = 0;
      lastScale = scale;
      last = "scale";
    } else {
      break;
    }
    pendingAnd = false;
    used = end;
  }
  if (used === 0) return undefined;
  return { value: (total + current) * factor, length: used };
}
