import type { TaggerWeights } from "../../lexicon/tagger-weights.js";
import type { EntityType } from "../../model/index.js";
import {
  type FeatureVisitor,
  LABELS,
  type Label,
  RULE_CONTEXT_FEATURES,
  type TaggerDocument,
  type WordFeatures,
} from "./tagger-features.js";
import { CONLL_OF, type RuleTag } from "./tagger-tokens.js";
import { L, viterbi } from "./viterbi.js";

/**
 * The features of a document's words for {@link tagDocument}: made already, one list per word, or made on demand
 * by a function that hands each word's features to a visitor (as `visitFeatures` does), to be scored and dropped.
 */
export type DocumentFeatures = readonly WordFeatures[] | ((visit: FeatureVisitor) => void);

/**
 * The best label of every word of a document: each sentence decoded on its own (Viterbi), the words scored
 * by their features (see `DocumentFeatures`); then one name, one type within the document (see
 * `agreeInDocument`), and the rules' type where their context evidence is strong (see `keepStrongContext`).
 */
export function tagDocument(doc: TaggerDocument, weights: TaggerWeights, features: DocumentFeatures): string[] {
  const total =
    doc.sentences.length === 0 ? 0 : (doc.sentences[doc.sentences.length - 1] as readonly [number, number])[1];
  const emission = new Float64Array(total * L);
  const { keys, slots, rows } = weights;
  const mask = slots.length - 1;
  // The rows are summed below label by label, unrolled: this fails to compile if the number of labels changes.
  const labelCount: 9 = L;
  /**
   * Adds the rows of features `f[from .. to - 1]` to `into[at .. at + L - 1]`. Each label's sum is kept in a local
   * and written once, which costs far less than a loop over the labels for each row; the weights are integers,
   * so the sums are exact in any order.
   */
  const add = (into: Float64Array, at: number, f: Uint32Array, from: number, to: number) => {
    let y0 = 0;
    let y1 = 0;
    let y2 = 0;
    let y3 = 0;
    let y4 = 0;
    let y5 = 0;
    let y6 = 0;
    let y7 = 0;
    let y8 = 0;
    for (let k = from; k < to; k++) {
      // rowOf, inlined: this loop runs for every feature of every word.
      const hash = f[k] as number;
      let s = hash & mask;
      let r = slots[s] as number;
      while (r >= 0 && keys[s] !== hash) {
        s = (s + 1) & mask;
        r = slots[s] as number;
      }
      if (r < 0) continue;
      const row = r * labelCount;
      y0 += rows[row] as number;
      y1 += rows[row + 1] as number;
      y2 += rows[row + 2] as number;
      y3 += rows[row + 3] as number;
      y4 += rows[row + 4] as number;
      y5 += rows[row + 5] as number;
      y6 += rows[row + 6] as number;
      y7 += rows[row + 7] as number;
      y8 += rows[row + 8] as number;
    }
    into[at] = (into[at] as number) + y0;
    into[at + 1] = (into[at + 1] as number) + y1;
    into[at + 2] = (into[at + 2] as number) + y2;
    into[at + 3] = (into[at + 3] as number) + y3;
    into[at + 4] = (into[at + 4] as number) + y4;
    into[at + 5] = (into[at + 5] as number) + y5;
    into[at + 6] = (into[at + 6] as number) + y6;
    into[at + 7] = (into[at + 7] as number) + y7;
    into[at + 8] = (into[at + 8] as number) + y8;
  };
  // The summed rows of each distinct word's features that depend on its form alone (see FeatureVisitor: the
  // first `formOwn` and the `fixed` ones), made at its first occurrence. The weights are integers, so a sum
  // made once and added gives the same scores as adding each row.
  const formRows = new Float64Array(total * L);
  const formDone = new Uint8Array(total);
  // The summed rows of the rule contexts met (see FeatureVisitor's `context`), likewise made once each.
  const contexts = new ContextRows();
  const score = (
    word: number,
    f: Uint32Array,
    count: number,
    own: number,
    form: number,
    fixed: number,
    formOwn: number,
    context: number,
  ) => {
    const at = word * L;
    if (formOwn + fixed > 0) {
      const base = form * L;
      if (formDone[form] === 0) {
        add(formRows, base, f, 0, formOwn);
        add(formRows, base, f, own, own + fixed);
        formDone[form] = 1;
      }
      for (let y = 0; y < L; y++) emission[at + y] = (emission[at + y] as number) + (formRows[base + y] as number);
    }
    add(emission, at, f, formOwn, own);
    add(emission, at, f, own + fixed, context);
    if (context < count) {
      let base = contexts.find(f, context);
      if (base < 0) {
        base = contexts.insert(f, context);
        add(contexts.rows, base, f, context, count);
      }
      const rows = contexts.rows;
      for (let y = 0; y < L; y++) emission[at + y] = (emission[at + y] as number) + (rows[base + y] as number);
    }
  };
  if (typeof features === "function") features(score);
  else
    for (const [word, f] of features.entries()) {
      const count = f.features.length;
      score(word, f.features, count, 0, 0, 0, 0, count);
    }
  const labels = new Uint8Array(total);
  for (const [from, to] of doc.sentences)
    labels.set(viterbi(emission.subarray(from * L, to * L), to - from, weights.transitions), from);
  agreeInDocument(doc.words, labels, emission);
  keepStrongContext(labels, doc.rules);
  // Pushed rather than mapped, so that the array is of one kind whether this code is optimised or not (the
  // caller's optimised loop over it was thrown away at the other kind).
  const out: string[] = [];
  for (const y of labels) out.push(LABELS[y] as string);
  return out;
}

/** Room for this many rule contexts at first in `ContextRows`; it doubles when half full. */
const INITIAL_CONTEXTS = 256;

/**
 * The summed rows of the rule contexts of one document (see FeatureVisitor's `context`), found by their first
 * `RULE_CONTEXT_FEATURES` feature hashes in an open-addressing table, compared in full: two contexts share a
 * row only when those hashes are the same, and the rest of their features then are too.
 */
class ContextRows {
  /** Slot s holds its context's hashes at `keys[s * RULE_CONTEXT_FEATURES ..]`, its row's offset in `rows` at `at[s]` (-1: empty). */
  private keys = new Uint32Array(INITIAL_CONTEXTS * RULE_CONTEXT_FEATURES);
  private at = new Int32Array(INITIAL_CONTEXTS).fill(-1);
  private size = 0;
  /** Row k at `rows[k * L ..]`, zero until summed into by the caller of `insert`. */
  rows = new Float64Array(INITIAL_CONTEXTS * L);

  /** The offset in `rows` of the context whose hashes are `f[from ..]`, or -1 when it has none yet. */
  find(f: Uint32Array, from: number): number {
    const mask = this.at.length - 1;
    for (let s = contextHash(f, from) & mask; ; s = (s + 1) & mask) {
      const row = this.at[s] as number;
      if (row < 0 || this.sameKey(s, f, from)) return row;
    }
  }

  /** Makes a zero row for the context whose hashes are `f[from ..]` (not kept yet) and gives its offset. */
  insert(f: Uint32Array, from: number): number {
    if (2 * (this.size + 1) > this.at.length) this.grow();
    const row = this.size * L;
    this.place(contextHash(f, from), f, from, row);
    this.size++;
    return row;
  }

  private sameKey(s: number, f: Uint32Array, from: number): boolean {
    const k = s * RULE_CONTEXT_FEATURES;
    for (let j = 0; j < RULE_CONTEXT_FEATURES; j++) if (this.keys[k + j] !== f[from + j]) return false;
    return true;
  }

  private place(hash: number, f: Uint32Array, from: number, row: number): void {
    const mask = this.at.length - 1;
    let s = hash & mask;
    while ((this.at[s] as number) >= 0) s = (s + 1) & mask;
    this.at[s] = row;
    this.keys.set(f.subarray(from, from + RULE_CONTEXT_FEATURES), s * RULE_CONTEXT_FEATURES);
  }

  private grow(): void {
    const { keys, at, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.at = new Int32Array(at.length * 2).fill(-1);
    this.rows = new Float64Array(rows.length * 2);
    this.rows.set(rows);
    for (let s = 0; s < at.length; s++) {
      const row = at[s] as number;
      if (row >= 0) this.place(contextHash(keys, s * RULE_CONTEXT_FEATURES), keys, s * RULE_CONTEXT_FEATURES, row);
    }
  }
}

/** A hash of the `RULE_CONTEXT_FEATURES` hashes from `f[from]` (themselves well mixed, so folded simply). */
function contextHash(f: Uint32Array, from: number): number {
  let h = 0;
  for (let j = 0; j < RULE_CONTEXT_FEATURES; j++) h = Math.imul(h ^ (f[from + j] as number), 0x9e3779b1);
  return h ^ (h >>> 15);
}

/** Label index of B-type and I-type for each of the four types, in LABELS order. */
const TYPE_LABELS: [number, number][] = [
  [1, 2],
  [3, 4],
  [5, 6],
  [7, 8],
];

/**
 * Gives every occurrence of a name (the same words) the type its occurrences together score best, so a name
 * typed by a clear context in one sentence keeps that type where its context says little. Scores are the
 * tagger's own, summed over the occurrences' words.
 */
function agreeInDocument(words: readonly string[], labels: Uint8Array, emission: Float64Array): void {
  const groups = new Map<string, [number, number][]>();
  let i = 0;
  while (i < labels.length) {
    const y = labels[i] as number;
    if (y === 0) {
      i++;
      continue;
    }
    const type = (y - 1) >> 1;
    let end = i + 1;
    while (end < labels.length && labels[end] === TYPE_LABELS[type]?.[1]) end++;
    const key = words.slice(i, end).join(" ").toLowerCase();
    const list = groups.get(key) ?? [];
    list.push([i, end]);
    groups.set(key, list);
    i = end;
  }
  for (const spans of groups.values()) {
    if (spans.length < 2) continue;
    const types = new Set(spans.map(([s]) => ((labels[s] as number) - 1) >> 1));
    if (types.size < 2) continue;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    TYPE_LABELS.forEach(([b, inside], t) => {
      let score = 0;
      for (const [s, e] of spans)
        for (let k = s; k < e; k++) score += emission[k * L + (k === s ? b : inside)] as number;
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    });
    const [b, inside] = TYPE_LABELS[best] as [number, number];
    for (const [s, e] of spans) for (let k = s; k < e; k++) labels[k] = k === s ? b : inside;
  }
}

/**
 * Rule context evidence at least this strong (log-odds-like units: a role or organisation noun in apposition,
 * a title) keeps the rules' type; see `keepStrongContext`.
 */
const STRONG_RULE_CONTEXT = 3;

/**
 * Where the tagger found the same name as the rules but typed it otherwise, the rules' type stands when its
 * context says so strongly ("X, one of the largest militias", "commanders from X, Y and Z"): such cues were
 * written from news copy, and the corpora show them too rarely for the statistics to weigh them fully.
 */
function keepStrongContext(labels: Uint8Array, rules: readonly RuleTag[]): void {
  let i = 0;
  while (i < labels.length) {
    const reading = rules[i]?.reading;
    if (!rules[i]?.tag.startsWith("B-") || !reading) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < labels.length && rules[end]?.tag === `I-${reading.type}`) end++;
    const y = labels[i] as number;
    const b = LABELS.indexOf(`B-${reading.type}` as Label);
    const strong =
      CONLL_OF[reading.context as EntityType] === reading.type && reading.contextScore >= STRONG_RULE_CONTEXT;
    // The tagger's name must have the rules' span exactly: a B- tag here, I- tags of its type to the end.
    const sameSpan =
      y % 2 === 1 &&
      [...labels.subarray(i + 1, end)].every((l) => l === y + 1) &&
      (end === labels.length || labels[end] !== y + 1);
    if (strong && sameSpan && y !== b) for (let k = i; k < end; k++) labels[k] = k === i ? b : b + 1;
    i = end;
  }
}
