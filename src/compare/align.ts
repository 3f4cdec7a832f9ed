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

/** Stems in more than this share of a story's units are too common to propose candidate pairs. */
const MAX_CANDIDATE_SHARE = 0.2;

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

/**
 * Pairs of units in different articles at least `threshold` similar, best first. Candidates come from an
 * inverted index of the story's rarer stems, so the cost grows with overlaps, not with all pairs.
 */
export function alignUnits(units: Unit[], threshold: number): AlignedPair[] {
  const postings = new Map<string, number[]>();
  for (const u of units) for (const s of new Set(u.stems)) postings.set(s, [...(postings.get(s) ?? []), u.index]);
  const cap = Math.max(2, Math.ceil(units.length * MAX_CANDIDATE_SHARE));
  const seen = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const list of postings.values()) {
    if (list.length > cap) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = units[list[i] as number] as Unit;
        const b = units[list[j] as number] as Unit;
        if (a.article === b.article) continue;
        const key = a.index * units.length + b.index;
        if (seen.has(key)) continue;
        seen.add(key);
        const similarity = unitSimilarity(a, b);
        if (similarity >= threshold) pairs.push({ a: a.index, b: b.index, similarity });
      }
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
