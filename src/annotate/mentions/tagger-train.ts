import { type EncodedWeights, encodeWeights } from "../../lexicon/tagger-weights.js";
import { TriangulateError } from "../../model/index.js";
import { seededRandom } from "../../words/hash.js";
import { LABELS } from "./tagger-features.js";
import { L, START, viterbi } from "./viterbi.js";

/** One training sentence: the feature ids of each word and the labels each word may take. */
export interface TrainingSentence {
  /** Feature ids of word i are `ids[offsets[i]] .. ids[offsets[i + 1] - 1]`. */
  offsets: Int32Array;
  ids: Int32Array;
  /** Bit mask of allowed labels per word: one bit where the label is known, several where the data leaves it open. */
  allowed: Uint16Array;
  /** How much an update on this sentence counts (1 for clean data; less for noisier sources). */
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  /** Seed of the shuffle of the sentences in each epoch. */
  seed: number;
}

/** Averaged weights: `weights[feature * L + label]` and `transitions[(prev or START) * L + label]`. */
export interface TrainedWeights {
  weights: Float64Array;
  transitions: Float64Array;
}

/** The bit mask allowing exactly one label. */
export const only = (label: number): number => 1 << label;
/** The bit mask allowing every label. */
export const ANY = (1 << L) - 1;

/**
 * Trains a structured averaged perceptron (Collins 2002) over first-order label sequences. Where a word's
 * label is left open, the reference sequence is the best one the current weights find among those the
 * known labels allow (a latent-variable perceptron), so partly annotated text teaches what it does know.
 *
 * @example const { weights, transitions } = trainPerceptron(sentences, featureCount, { epochs: 10, seed: 1 });
 */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  featureCount: number,
  options: TrainOptions,
): TrainedWeights {
  const w = new Float64Array(featureCount * L);
  const wSum = new Float64Array(featureCount * L);
  const t = new Float64Array((L + 1) * L);
  const tSum = new Float64Array((L + 1) * L);
  const random = seededRandom(options.seed);
  const order = sentences.map((_s, i) => i);
  let step = 1;
  // Updates are added to the sums weighted by the step they happen at; the average is w - sum / steps.
  const add = (f: number, label: number, by: number) => {
    const k = f * L + label;
    w[k] = (w[k] as number) + by;
    wSum[k] = (wSum[k] as number) + step * by;
  };
  const addTransition = (prev: number, label: number, by: number) => {
    const k = prev * L + label;
    t[k] = (t[k] as number) + by;
    tSum[k] = (tSum[k] as number) + step * by;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const s = sentences[index] as TrainingSentence;
      const n = s.allowed.length;
      const emission = emissions(s, w);
      const predicted = viterbi(emission, n, t);
      const reference = viterbi(emission, n, t, s.allowed);
      for (let i = 0; i < n; i++) {
        const g = reference[i] as number;
        const p = predicted[i] as number;
        const gPrev = i === 0 ? START : (reference[i - 1] as number);
        const pPrev = i === 0 ? START : (predicted[i - 1] as number);
        if (g !== p) {
          for (let k = s.offsets[i] as number; k < (s.offsets[i + 1] as number); k++) {
            add(s.ids[k] as number, g, s.weight);
            add(s.ids[k] as number, p, -s.weight);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          addTransition(gPrev, g, s.weight);
          addTransition(pPrev, p, -s.weight);
        }
      }
      step++;
    }
  }
  const weights = new Float64Array(w.length);
  for (let k = 0; k < w.length; k++) weights[k] = (w[k] as number) - (wSum[k] as number) / step;
  const transitions = new Float64Array(t.length);
  for (let k = 0; k < t.length; k++) transitions[k] = (t[k] as number) - (tSum[k] as number) / step;
  return { weights, transitions };
}

/**
 * The mean of several trained models' weights and transitions (all over the same features): as the scores
 * are sums of weights, the mean model scores every label as the mean of the models' scores.
 *
 * @example averageWeights([a, b]).weights[0] // (a.weights[0] + b.weights[0]) / 2
 */
export function averageWeights(models: readonly TrainedWeights[]): TrainedWeights {
  const first = models[0];
  if (!first) throw new TriangulateError("BAD_ARGUMENT", "averageWeights: expected at least one model, found none");
  const mean = (pick: (m: TrainedWeights) => Float64Array) => {
    const out = new Float64Array(pick(first).length);
    for (const m of models) {
      const values = pick(m);
      if (values.length !== out.length)
        throw new TriangulateError(
          "BAD_ARGUMENT",
          `averageWeights: expected models of ${out.length} weights, found one of ${values.length}`,
        );
      for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (values[k] as number) / models.length;
    }
    return out;
  };
  return { weights: mean((m) => m.weights), transitions: mean((m) => m.transitions) };
}

/** Scores of every label at every word of a sentence. */
export function emissions(s: TrainingSentence, w: ArrayLike<number>): Float64Array {
  const n = s.allowed.length;
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let k = s.offsets[i] as number; k < (s.offsets[i + 1] as number); k++) {
      const base = (s.ids[k] as number) * L;
      for (let y = 0; y < L; y++) out[i * L + y] = (out[i * L + y] as number) + (w[base + y] as number);
    }
  }
  return out;
}

/**
 * Weights are written as integers in units of 1 / WEIGHT_SCALE. Trained weights run to the hundreds and
 * decisions are won by margins of tens, so one decimal keeps every decision of the full weights.
 */
export const WEIGHT_SCALE = 10;
/**
 * A feature whose largest weight is below this is left out of the shipped model: together such features
 * changed no more than a few of 50,000 decisions on held-out text, and they are half the features.
 */
export const MIN_WEIGHT = 1;

/**
 * Writes the trained weights in the shipped form (see `encodeWeights`): the weights as integers in units of
 * 1 / WEIGHT_SCALE, features whose weights are all below MIN_WEIGHT left out; sorted by hash, so the text is
 * the same on every run. `hashes[f]` is the hash of feature f.
 */
export function serializeWeights(
  hashes: readonly number[],
  trained: TrainedWeights,
): EncodedWeights & {
  kept: number;
} {
  const keptHashes: number[] = [];
  const rows: number[] = [];
  for (let f = 0; f < hashes.length; f++) {
    let largest = 0;
    for (let y = 0; y < L; y++) largest = Math.max(largest, Math.abs(trained.weights[f * L + y] as number));
    if (largest < MIN_WEIGHT) continue;
    keptHashes.push(hashes[f] as number);
    for (let y = 0; y < L; y++) rows.push(quantise(trained.weights[f * L + y] as number));
  }
  const transitions = [...trained.transitions].map(quantise);
  return { ...encodeWeights(keptHashes, rows, transitions, L), kept: keptHashes.length };
}

/** A weight in units of 1 / WEIGHT_SCALE; `+ 0` makes -0 a plain 0. */
const quantise = (w: number) => Math.round(w * WEIGHT_SCALE) + 0;

export { LABELS };
