/** A bag of stems with weights, normalised for cosine similarity. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

/** Pseudo-units without any stem, added to every IDF (see {@link TermStatistics.idf}). */
const IDF_PRIOR_UNITS = 10;

/** Document frequencies of stems over a set of units, for IDF weights. */
export class TermStatistics {
  private readonly df = new Map<string, number>();
  private units = 0;

  add(stems: Iterable<string>): void {
    this.units++;
    for (const s of new Set(stems)) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  /**
   * Smoothed IDF: a stem in every unit still weighs a little; one never seen weighs most. The prior counts
   * as that many more units that lack the stem, so that in a story of two sentences shared words still weigh.
   */
  idf(stem: string): number {
    return Math.log((this.units + IDF_PRIOR_UNITS + 1) / ((this.df.get(stem) ?? 0) + 0.5));
  }

  vector(stems: string[]): TermVector {
    const weights = new Map<string, number>();
    for (const s of stems) weights.set(s, (weights.get(s) ?? 0) + this.idf(s));
    let sum = 0;
    for (const w of weights.values()) sum += w * w;
    return { weights, norm: Math.sqrt(sum) };
  }
}

/** Cosine of two term vectors: symmetric, in [0, 1]. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.weights) {
    const v = large.weights.get(k);
    if (v !== undefined) dot += w * v;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}
