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
  const postings = new Map<string, number[]>();
  for (const u of units) {
    for (const s of u.vector.weights.keys()) {
      const list = postings.get(s);
      if (list) list.push(u.index);
      else postings.set(s, [u.index]);
    }
  }
  const cap = Math.max(MIN_CANDIDATE_CAP, Math.ceil(units.length * MAX_CANDIDATE_SHARE));
  const dots = new Map<number, number>();
  const n = units.length;
  for (const [stem, list] of postings) {
    if (list.length > cap || list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      const a = units[list[i] as number] as Unit;
      const wa = a.vector.weights.get(stem) as number;
      for (let j = i + 1; j < list.length; j++) {
        const b = units[list[j] as number] as Unit;
        if (a.article === b.article) continue;
        const key = a.index * n + b.index;
        dots.set(key, (dots.get(key) ?? 0) + wa * (b.vector.weights.get(stem) as number));
      }
    }
  }
  const pairs: AlignedPair[] = [];
  for (const [key, dot] of dots) {
    const a = units[Math.floor(key / n)] as Unit;
    const b = units[key % n] as Unit;
    // The dot over rare stems only is a lower bound of the full cosine; recompute the pairs that come close.
    const partial = dot / (a.vector.norm * b.vector.norm || 1);
    if (partial < threshold * CLAUSE_CHECK_SHARE) continue;
    const similarity = unitSimilarity(a, b);
    if (similarity >= threshold) pairs.push({ a: a.index, b: b.index, similarity });
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
