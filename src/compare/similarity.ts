/**
 * The terms of one story's vectors, numbered in the order they are first seen: vectors of one space compare
 * numbers instead of strings. A space belongs to one analysis (its {@link TermStatistics}), never to the process.
 */
export class TermSpace {
  private readonly ids = new Map<string, number>();
  /** The term of each id. */
  readonly terms: string[] = [];

  /** The id of a term, numbering it if it is new. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a term already numbered, else undefined. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  private lookup: TermTable = { values: new Float64Array(0), present: new Uint8Array(0) };

  /**
   * A table by term id for one product at a time (see `dot`): left with every `present` flag 0 by whoever used
   * it, and as long as the space has terms.
   */
  table(): TermTable {
    if (this.lookup.present.length < this.terms.length) this.lookup = termTable(this.terms.length);
    return this.lookup;
  }
}

/** Weights by term id, where `present[id]` is 1: a lookup table with no hashing. */
interface TermTable {
  values: Float64Array;
  present: Uint8Array;
}

function termTable(size: number): TermTable {
  const length = Math.max(1024, 2 * size);
  return { values: new Float64Array(length), present: new Uint8Array(length) };
}

/**
 * Adds the products of `terms`/`weights[from..to)` with the weights in `table`, in that order: the sum a map
 * lookup per term gives, to the last bit, without the map.
 */
function tableDot(
  table: TermTable,
  terms: ArrayLike<number>,
  weights: ArrayLike<number>,
  from: number,
  to: number,
): number {
  const { values, present } = table;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const id = terms[k] as number;
    if (present[id]) sum += (weights[k] as number) * (values[id] as number);
  }
  return sum;
}

function fillTable(table: TermTable, terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number) {
  for (let k = from; k < to; k++) {
    const id = terms[k] as number;
    table.values[id] = weights[k] as number;
    table.present[id] = 1;
  }
}

function clearTable(table: TermTable, terms: ArrayLike<number>, from: number, to: number) {
  for (let k = from; k < to; k++) table.present[terms[k] as number] = 0;
}

/**
 * A bag of stems with weights, normalised for cosine similarity: the ids (in `space`) of its terms, each once in
 * the order the terms first appear, and their weights.
 */
export interface TermVector {
  space: TermSpace;
  terms: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** Pseudo-units without any stem, added to every IDF (see {@link TermStatistics.idf}). */
const IDF_PRIOR_UNITS = 10;

/** Document frequencies of stems over a set of units, for IDF weights. */
export class TermStatistics {
  private readonly df: number[] = [];
  private units = 0;
  /** Position of a term in the vector being built, by id; -1 when absent. */
  private readonly slot: number[] = [];

  /** @param space where the terms are numbered; a new one unless vectors must meet another statistics' vectors */
  constructor(readonly space: TermSpace = new TermSpace()) {}

  add(stems: Iterable<string>): void {
    this.units++;
    for (const s of new Set(stems)) {
      const id = this.space.id(s);
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
  }

  /**
   * Smoothed IDF: a stem in every unit still weighs a little; one never seen weighs most. The prior counts
   * as that many more units that lack the stem, so that in a story of two sentences shared words still weigh.
   */
  idf(stem: string): number {
    const id = this.space.find(stem);
    return this.idfOf(id === undefined ? 0 : (this.df[id] ?? 0));
  }

  private idfOf(df: number): number {
    return Math.log((this.units + IDF_PRIOR_UNITS + 1) / (df + 0.5));
  }

  vector(stems: string[]): TermVector {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const s of stems) {
      const id = this.space.id(s);
      const w = this.idfOf(this.df[id] ?? 0);
      const at = this.slot[id] ?? -1;
      if (at >= 0) weights[at] = (weights[at] as number) + w;
      else {
        this.slot[id] = ids.length;
        ids.push(id);
        weights.push(0 + w);
      }
    }
    let sum = 0;
    for (const id of ids) this.slot[id] = -1;
    for (const w of weights) sum += w * w;
    return {
      space: this.space,
      terms: Int32Array.from(ids),
      weights: Float64Array.from(weights),
      norm: Math.sqrt(sum),
    };
  }
}

/**
 * Beyond this many term comparisons a cosine looks terms up in a table by term id instead of scanning: filling
 * and clearing the table costs a few passes over the longer vector, a scan half the product on average. Both
 * give the same sum to the last bit (products added in the order of the shorter vector's terms).
 */
const SCAN_LIMIT = 64;

/**
 * The dot product of two term vectors, summed in the order of `small`'s terms (so that it does not depend on how
 * the other vector is stored).
 */
function dot(small: TermVector, large: TermVector): number {
  let sum = 0;
  if (small.space !== large.space) {
    const table = new Map<string, number>();
    large.terms.forEach((id, i) => {
      table.set(large.space.terms[id] as string, large.weights[i] as number);
    });
    small.terms.forEach((id, i) => {
      const v = table.get(small.space.terms[id] as string);
      if (v !== undefined) sum += (small.weights[i] as number) * v;
    });
    return sum;
  }
  const { terms, weights } = large;
  if (small.terms.length * terms.length > SCAN_LIMIT) {
    const table = large.space.table();
    fillTable(table, terms, weights, 0, terms.length);
    sum = tableDot(table, small.terms, small.weights, 0, small.terms.length);
    clearTable(table, terms, 0, terms.length);
    return sum;
  }
  for (let i = 0; i < small.terms.length; i++) {
    const id = small.terms[i];
    for (let k = 0; k < terms.length; k++)
      if (terms[k] === id) {
        sum += (small.weights[i] as number) * (weights[k] as number);
        break;
      }
  }
  return sum;
}

/** Cosine of two term vectors: symmetric, in [0, 1]. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  return Math.min(1, dot(small, large) / (a.norm * b.norm));
}

/**
 * The sum of term vectors of one space, term by term (terms in the order first seen), as one vector.
 *
 * @example sumVectors([stats.vector(["harbour"]), stats.vector(["harbour", "fire"])]).terms.length // 2
 */
export function sumVectors(vectors: TermVector[], space: TermSpace): TermVector {
  const at = new Map<number, number>();
  const ids: number[] = [];
  const weights: number[] = [];
  for (const v of vectors) {
    const own = v.space === space ? undefined : v.space;
    v.terms.forEach((raw, i) => {
      const id = own ? space.id(own.terms[raw] as string) : raw;
      const k = at.get(id);
      if (k === undefined) {
        at.set(id, ids.length);
        ids.push(id);
        weights.push(0 + (v.weights[i] as number));
      } else weights[k] = (weights[k] as number) + (v.weights[i] as number);
    });
  }
  let sum = 0;
  for (const w of weights) sum += w * w;
  return { space, terms: Int32Array.from(ids), weights: Float64Array.from(weights), norm: Math.sqrt(sum) };
}

/**
 * Term vectors of one space packed into flat arrays: comparing many of them then reads memory in order instead
 * of following each vector's objects, which in a large story is what the time goes to.
 */
export class PackedVectors {
  /** Vector `v`'s terms and weights are at `start[v]` to `start[v + 1]`. */
  readonly start: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  readonly norms: Float64Array;
  /** The lookup table of long products, made on first use (as long as the largest term id). */
  private table: TermTable | undefined;

  /** @param vectors all of one space */
  constructor(vectors: TermVector[]) {
    this.start = new Int32Array(vectors.length + 1);
    vectors.forEach((v, i) => {
      this.start[i + 1] = (this.start[i] as number) + v.terms.length;
    });
    const size = this.start[vectors.length] as number;
    this.terms = new Int32Array(size);
    this.weights = new Float64Array(size);
    this.norms = new Float64Array(vectors.length);
    vectors.forEach((v, i) => {
      this.terms.set(v.terms, this.start[i]);
      this.weights.set(v.weights, this.start[i]);
      this.norms[i] = v.norm;
    });
  }

  /** The {@link cosine} of vectors `i` and `j`, with the same arithmetic (so the same value, to the last bit). */
  cosine(i: number, j: number): number {
    const ni = this.norms[i] as number;
    const nj = this.norms[j] as number;
    if (ni === 0 || nj === 0) return 0;
    const { start, terms, weights } = this;
    let from = start[i] as number;
    let to = start[i + 1] as number;
    let otherFrom = start[j] as number;
    let otherTo = start[j + 1] as number;
    if (to - from > otherTo - otherFrom) [from, to, otherFrom, otherTo] = [otherFrom, otherTo, from, to];
    let sum = 0;
    if ((to - from) * (otherTo - otherFrom) > SCAN_LIMIT) {
      if (!this.table) this.table = termTable(terms.reduce((most, id) => Math.max(most, id + 1), 0));
      fillTable(this.table, terms, weights, otherFrom, otherTo);
      sum = tableDot(this.table, terms, weights, from, to);
      clearTable(this.table, terms, otherFrom, otherTo);
    } else {
      for (let k = from; k < to; k++) {
        const id = terms[k];
        for (let m = otherFrom; m < otherTo; m++)
          if (terms[m] === id) {
            sum += (weights[k] as number) * (weights[m] as number);
            break;
          }
      }
    }
    return Math.min(1, sum / (ni * nj));
  }
}
