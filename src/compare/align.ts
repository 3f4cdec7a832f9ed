import { cosine } from "./similarity.js";
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
  // Postings hold positions in `units` and the stem's weight there, in ascending order of position.
  const postings = new Map<string, { at: number[]; weight: number[] }>();
  units.forEach((u, i) => {
    for (const [s, w] of u.vector.weights) {
      const list = postings.get(s);
      if (list) {
        list.at.push(i);
        list.weight.push(w);
      } else postings.set(s, { at: [i], weight: [w] });
    }
  });
  // Dot products accumulate one unit (row) at a time against the units after it, so the memory is one row.
  const row = new Float64Array(n);
  const touched: number[] = [];
  const pairs: AlignedPair[] = [];
  units.forEach((a, i) => {
    for (const [stem, wa] of a.vector.weights) {
      const list = postings.get(stem) as { at: number[]; weight: number[] };
      if (list.at.length > cap || list.at.length < 2) continue;
      for (let k = 0; k < list.at.length; k++) {
        const j = list.at[k] as number;
        if (j <= i || (units[j] as Unit).articleIndex === a.articleIndex) continue;
        if (row[j] === 0) touched.push(j);
        row[j] = (row[j] as number) + wa * (list.weight[k] as number);
      }
    }
    for (const j of touched) {
      const b = units[j] as Unit;
      // The dot over rare stems only is a lower bound of the full cosine; recompute the pairs that come close.
      const partial = (row[j] as number) / (a.vector.norm * b.vector.norm || 1);
      row[j] = 0;
      if (partial < threshold * CLAUSE_CHECK_SHARE) continue;
      const similarity = unitSimilarity(a, b);
      if (similarity >= threshold) pairs.push({ a: a.index, b: b.index, similarity });
    }
    touched.length = 0;
  });
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
