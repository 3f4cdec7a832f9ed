import { cosine, PackedVectors, sumVectors, TermSpace, type TermVector } from "./similarity.js";
import type { Unit } from "./units.js";

/**
 * Two statements this similar (IDF-weighted cosine of stems and entities, or of their best clauses) say the
 * same thing. Chosen on the MSRP training pairs (see `triangulate eval paraphrase`), where it separates
 * paraphrases from non-paraphrases best; story text shares more names than MSRP pairs, so it is not lower.
 */
export const SAME_STATEMENT = 0.25;

/** A clause-to-clause match counts a little less than a whole-sentence match: the rest may differ. */
const CLAUSE_DISCOUNT = 0.9;

/**
 * Stems in more than this share of a story's units (but at least {@link MIN_CANDIDATE_CAP}) are too common to
 * propose candidate pairs: a pair that shares only such stems cannot reach the thresholds used.
 */
const MAX_CANDIDATE_SHARE = 0.05;
const MIN_CANDIDATE_CAP = 12;
/**
 * However long the story, a stem in more statements than this proposes no pairs: it is one of the story's
 * topic words, which says nothing of whether two statements tell the same thing, and a bound that does not
 * grow with the story keeps the work per statement bounded (a share alone makes it grow with the story, so
 * the whole alignment grows with its square). Two statements that share only such words still meet through
 * their rarer ones. 50 is what the share gives a story of a thousand statements (some 25 articles): smaller
 * stories are left as the share decides, and larger ones reach the bound soon, after which the work per
 * statement stops growing.
 */
const MAX_CANDIDATE_POSTINGS = 50;

/** How many units a stem may be in and still propose candidate pairs, in a story of `units` units. */
export function candidateCap(units: number): number {
  return Math.min(MAX_CANDIDATE_POSTINGS, Math.max(MIN_CANDIDATE_CAP, Math.ceil(units * MAX_CANDIDATE_SHARE)));
}

export interface AlignedPair {
  a: number;
  b: number;
  similarity: number;
}

/** Similarity of two units: the sentence cosine or the best clause pair's, discounted. Symmetric, in [0, 1]. */
export function unitSimilarity(a: Unit, b: Unit): number {
  let best = cosine(a.vector, b.vector);
  const left = a.clauses.length ? a.clauses : [{ vector: a.vector }];
  const right = b.clauses.length ? b.clauses : [{ vector: b.vector }];
  if (a.clauses.length || b.clauses.length) {
    for (const x of left) for (const y of right) best = Math.max(best, CLAUSE_DISCOUNT * cosine(x.vector, y.vector));
  }
  return best;
}

/** Clause pairs are compared only where the sentences already reach this share of the threshold. */
const CLAUSE_CHECK_SHARE = 0.5;

/**
 * Pairs of units in different articles at least `threshold` similar, best first. Dot products accumulate over
 * an inverted index of the story's rarer stems (a sparse product), so the cost grows with overlaps, not with
 * all pairs; clauses are compared only for pairs whose sentences come near the threshold.
 */
export function alignUnits(units: Unit[], threshold: number): AlignedPair[] {
  const n = units.length;
  const cap = candidateCap(n);
  const space = units[0]?.vector.space ?? new TermSpace();
  // Units of one story share one space of terms; any other unit's terms are numbered in it first.
  const own = (v: TermVector) => (v.space === space ? v : sumVectors([v], space));
  // Vectors 0 to n - 1 are the units' sentences; unit i's clauses are vectors clauseStart[i] to clauseStart[i + 1].
  const vectors = units.map((u) => own(u.vector));
  const clauseStart = new Int32Array(n + 1);
  units.forEach((u, i) => {
    clauseStart[i] = vectors.length;
    for (const c of u.clauses) vectors.push(own(c.vector));
  });
  clauseStart[n] = vectors.length;
  const packed = new PackedVectors(vectors);
  const { start, terms: termsOf, weights: weightsOf, norms } = packed;
  // Postings hold positions in `units` and the stem's weight there, in ascending order of position: one run of
  // `at`/`weight` per term, from `first[term]` to `first[term + 1]`.
  const terms = space.terms.length;
  const first = new Int32Array(terms + 1);
  for (let k = 0; k < (start[n] as number); k++) (first[(termsOf[k] as number) + 1] as number)++;
  for (let t = 0; t < terms; t++) first[t + 1] = (first[t + 1] as number) + (first[t] as number);
  const fill = first.slice(0, terms);
  const at = new Int32Array(first[terms] as number);
  const weight = new Float64Array(first[terms] as number);
  for (let i = 0; i < n; i++)
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const id = termsOf[k] as number;
      const p = fill[id] as number;
      at[p] = i;
      weight[p] = weightsOf[k] as number;
      fill[id] = p + 1;
    }
  const article = Int32Array.from(units, (u) => u.articleIndex);
  // The similarity of `unitSimilarity`, read from the packed vectors.
  const similarityOf = (i: number, j: number) => {
    let best = packed.cosine(i, j);
    const ci = (clauseStart[i + 1] as number) - (clauseStart[i] as number);
    const cj = (clauseStart[j + 1] as number) - (clauseStart[j] as number);
    if (ci === 0 && cj === 0) return best;
    const [leftFrom, leftTo] = ci ? [clauseStart[i] as number, clauseStart[i + 1] as number] : [i, i + 1];
    const [rightFrom, rightTo] = cj ? [clauseStart[j] as number, clauseStart[j + 1] as number] : [j, j + 1];
    for (let x = leftFrom; x < leftTo; x++)
      for (let y = rightFrom; y < rightTo; y++) best = Math.max(best, CLAUSE_DISCOUNT * packed.cosine(x, y));
    return best;
  };
  // Dot products accumulate one unit (row) at a time against the units after it, so the memory is one row.
  const row = new Float64Array(n);
  const touched: number[] = [];
  // The pairs found, row by row: unit positions and similarity.
  const left: number[] = [];
  const right: number[] = [];
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    const mine = article[i] as number;
    const rowStart = right.length;
    for (let s = start[i] as number; s < (start[i + 1] as number); s++) {
      const id = termsOf[s] as number;
      const from = first[id] as number;
      const to = first[id + 1] as number;
      if (to - from > cap || to - from < 2) continue;
      const wa = weightsOf[s] as number;
      for (let k = from; k < to; k++) {
        const j = at[k] as number;
        if (j <= i || article[j] === mine) continue;
        if (row[j] === 0) touched.push(j);
        row[j] = (row[j] as number) + wa * (weight[k] as number);
      }
    }
    for (const j of touched) {
      // The dot over rare stems only is a lower bound of the full cosine; recompute the pairs that come close.
      const partial = (row[j] as number) / ((norms[i] as number) * (norms[j] as number) || 1);
      row[j] = 0;
      if (partial < threshold * CLAUSE_CHECK_SHARE) continue;
      const similarity = similarityOf(i, j);
      if (similarity >= threshold) {
        // Inserted in the order of the second unit within the row, so that all pairs are in index order.
        let k = right.length;
        left.push(i);
        right.push(j);
        found.push(similarity);
        for (; k > rowStart && (right[k - 1] as number) > j; k--) {
          right[k] = right[k - 1] as number;
          found[k] = found[k - 1] as number;
        }
        right[k] = j;
        found[k] = similarity;
      }
    }
    touched.length = 0;
  }
  return bestFirst(
    units.map((u) => u.index),
    left,
    right,
    found,
  );
}

/**
 * The pairs found (unit positions `left[k]`, `right[k]`, similarity `found[k]`) as aligned pairs of unit indices,
 * by similarity (highest first), then by index of the first unit and of the second. A stable radix sort on the
 * similarities' bits orders pairs already in index order; others are sorted by comparison.
 */
function bestFirst(index: number[], left: number[], right: number[], found: number[]): AlignedPair[] {
  const pairOf = (k: number): AlignedPair => ({
    a: index[left[k] as number] as number,
    b: index[right[k] as number] as number,
    similarity: found[k] as number,
  });
  const inIndexOrder = left.every((_, k) => {
    if (k === 0) return true;
    const [a0, a1] = [index[left[k - 1] as number] as number, index[left[k] as number] as number];
    return a0 < a1 || (a0 === a1 && (index[right[k - 1] as number] as number) < (index[right[k] as number] as number));
  });
  if (!inIndexOrder)
    return found.map((_, k) => pairOf(k)).sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  return [...descendingOrder(Float64Array.from(found))].map(pairOf);
}

/**
 * Positions of `values` from the highest to the lowest, equal values in their order (a stable LSD radix sort on
 * their bits, 16 at a time, for a large story's hundreds of thousands of pairs). NaN is not expected.
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const keys = new Uint16Array(n * 4);
  for (let i = 0; i < n; i++) {
    let lo = bits[2 * i] as number;
    let hi = bits[2 * i + 1] as number;
    // Ordered as unsigned numbers, the keys order the doubles; complemented, highest first.
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    keys[4 * i] = lo & 0xffff;
    keys[4 * i + 1] = lo >>> 16;
    keys[4 * i + 2] = hi & 0xffff;
    keys[4 * i + 3] = hi >>> 16;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Uint32Array(65537);
  for (let d = 0; d < 4; d++) {
    count.fill(0);
    for (let i = 0; i < n; i++) (count[(keys[4 * i + d] as number) + 1] as number)++;
    if (n === 0 || count[(keys[d] as number) + 1] === n) continue;
    for (let k = 0; k < 65536; k++) count[k + 1] = (count[k + 1] as number) + (count[k] as number);
    for (let p = 0; p < n; p++) {
      const i = order[p] as number;
      const digit = keys[4 * i + d] as number;
      next[count[digit] as number] = i;
      count[digit] = (count[digit] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}
