/**
 * The weights as the tagger reads them: a row of one integer per label for each feature, found by the feature's
 * 32-bit hash in an open-addressing table, and the transitions.
 */
export interface TaggerWeights {
  /** Number of features (rows). */
  readonly size: number;
  /** Slot -> feature hash; a slot is empty where `slots` holds -1. */
  readonly keys: Uint32Array;
  /** Slot -> row of the feature in `rows`, or -1 for an empty slot. Its length is a power of two. */
  readonly slots: Int32Array;
  /** Row r holds `rows[r * L] .. rows[r * L + L - 1]` (L labels), in units of 1 / the model's scale. Never written after parsing. */
  readonly rows: Int16Array;
  /** (L + 1) x L: the score of a label after each label, and (last row) at the start of a sentence. */
  readonly transitions: Float64Array;
}

/** The weights in the form the model file stores them (see `encodeWeights`). */
export interface EncodedWeights {
  /** The features' hashes in ascending order, as base64 of the unsigned LEB128 varints of their differences. */
  hashes: string;
  /** Each feature's row in the same order, `labels` integers each, as base64 of zigzag LEB128 varints. */
  weights: string;
  /** (labels + 1) x labels comma-separated integers. */
  transitions: string;
}

/**
 * The table is at most this full, so that a feature the model does not know (most of a word's features) is
 * found missing after one or two slots.
 */
const MAX_LOAD = 0.5;

/** The row of a feature, or -1 when the model has no weights for it. */
export function rowOf(weights: TaggerWeights, hash: number): number {
  const { keys, slots } = weights;
  const mask = slots.length - 1;
  for (let s = hash & mask; ; s = (s + 1) & mask) {
    const row = slots[s] as number;
    if (row < 0 || keys[s] === hash) return row;
  }
}

/**
 * Writes feature hashes (distinct, any order) with their rows (`rows[k * labels ..]` for `hashes[k]`, integers
 * that fit 16 bits) in the compact form of the model file, sorted by hash so the same weights give the same text.
 *
 * @example encodeWeights([7, 3], Int16Array.from([1, -2, 0, 5]), [0, 0, 0, 0, 0, 0], 2).hashes
 */
export function encodeWeights(
  hashes: readonly number[],
  rows: ArrayLike<number>,
  transitions: readonly number[],
  labels: number,
): EncodedWeights {
  const order = hashes.map((_h, k) => k).sort((a, b) => (hashes[a] as number) - (hashes[b] as number));
  const keyBytes: number[] = [];
  const rowBytes: number[] = [];
  let last = 0;
  for (const k of order) {
    const hash = hashes[k] as number;
    if (hash < 0 || hash > 0xffffffff || !Number.isInteger(hash)) throw new Error(`not a 32-bit hash: ${hash}`);
    if (hash === last && rowBytes.length > 0) throw new Error(`hash ${hash} appears twice`);
    varint(keyBytes, hash - last);
    last = hash;
    for (let y = 0; y < labels; y++) {
      const w = rows[k * labels + y] as number;
      if (!Number.isInteger(w) || w < -0x8000 || w > 0x7fff) throw new Error(`weight out of 16-bit range: ${w}`);
      varint(rowBytes, w >= 0 ? w * 2 : -w * 2 - 1);
    }
  }
  return {
    hashes: Buffer.from(keyBytes).toString("base64"),
    weights: Buffer.from(rowBytes).toString("base64"),
    transitions: transitions.join(","),
  };
}

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * Reads weights in the form `encodeWeights` writes, each row `labels` wide, into the lookup table.
 *
 * @example rowOf(parseWeights(encodeWeights([7], [1, 2], [0, 0, 0, 0, 0, 0], 2), 2), 7) // 0
 */
export function parseWeights(encoded: EncodedWeights, labels: number): TaggerWeights {
  const keyBytes = Buffer.from(encoded.hashes, "base64");
  const rowBytes = Buffer.from(encoded.weights, "base64");
  const sorted: number[] = [];
  let hash = 0;
  for (let at = 0; at < keyBytes.length; ) {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = keyBytes[at++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte & 0x80);
    hash += value;
    sorted.push(hash);
  }
  const size = sorted.length;
  const rows = new Int16Array(size * labels);
  let k = 0;
  for (let at = 0; at < rowBytes.length && k < rows.length; k++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = rowBytes[at++] as number;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    rows[k] = value & 1 ? -((value + 1) >>> 1) : value >>> 1;
  }
  if (k !== rows.length) throw new Error(`tagger model: ${k} weights for ${size} features of ${labels} labels`);
  let slotCount = 1;
  while (slotCount * MAX_LOAD < size) slotCount *= 2;
  const keys = new Uint32Array(slotCount);
  const slots = new Int32Array(slotCount).fill(-1);
  const mask = slotCount - 1;
  sorted.forEach((key, row) => {
    let s = key & mask;
    while ((slots[s] as number) >= 0) s = (s + 1) & mask;
    keys[s] = key;
    slots[s] = row;
  });
  return { size, keys, slots, rows, transitions: Float64Array.from(encoded.transitions.split(","), Number) };
}
