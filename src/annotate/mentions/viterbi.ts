import { LABELS } from "./tagger-features.js";

/** Number of labels. */
export const L = LABELS.length;
/** Row of the transition table for the first word of a sentence (no previous label). */
export const START = L;

/** allowed[prev * L + next]: BIO forbids an I- tag after anything but a tag of its own type. */
const ALLOWED_AFTER: boolean[] = (() => {
  const table: boolean[] = [];
  for (let prev = 0; prev <= L; prev++) {
    for (let next = 0; next < L; next++) {
      const label = LABELS[next] as string;
      const before = prev === START ? "O" : (LABELS[prev] as string);
      table.push(!label.startsWith("I-") || (before !== "O" && before.slice(2) === label.slice(2)));
    }
  }
  return table;
})();

/**
 * For each label, the labels it may follow (ALLOWED_AFTER), ascending: `PREVIOUS[y]` lists them, so the search
 * below tries only those (two for an I- tag, not all nine) in the order the full loop would.
 */
const PREVIOUS: Uint8Array[] = LABELS.map((_label, y) =>
  Uint8Array.from(LABELS.keys()).filter((p) => ALLOWED_AFTER[p * L + y]),
);

/**
 * The best label sequence of one sentence under a first-order model: `emission[i * L + y]` scores label y at
 * word i, `transition[prev * L + y]` scores y after prev (row START for the first word). `allowed`, when given,
 * is a bit mask of the labels each word may take (for training on partly labelled text).
 */
export function viterbi(
  emission: Float64Array,
  n: number,
  transition: ArrayLike<number>,
  allowed?: ArrayLike<number>,
): Uint8Array {
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let y = 0; y < L; y++) {
    const ok = ALLOWED_AFTER[START * L + y] && (!allowed || ((allowed[0] as number) >> y) & 1);
    score[y] = ok ? (emission[y] as number) + (transition[START * L + y] as number) : Number.NEGATIVE_INFINITY;
  }
  for (let i = 1; i < n; i++) {
    const mask = allowed ? (allowed[i] as number) : -1;
    for (let y = 0; y < L; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      if ((mask >> y) & 1) {
        const previous = PREVIOUS[y] as Uint8Array;
        for (let k = 0; k < previous.length; k++) {
          const p = previous[k] as number;
          const s = (score[(i - 1) * L + p] as number) + (transition[p * L + y] as number);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[i * L + y] = best + (emission[i * L + y] as number);
      back[i * L + y] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = score[(n - 1) * L + y] as number;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + (path[i] as number)] as number;
  return path;
}
