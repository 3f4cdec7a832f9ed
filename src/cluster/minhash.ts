/**
 * MinHash signatures over word shingles and their LSH bands, to find near-duplicates (syndicated copies of
 * one report, lightly edited) among earlier documents without comparing with each.
 */

import { fmix32 } from "../words/hash.js";

/** Hash functions per signature: the standard error of the Jaccard estimate is about 1/sqrt(64) = 0.125. */
export const MINHASH_HASHES = 64;

/**
 * Bands of `MINHASH_HASHES / LSH_BANDS` rows: with 16 bands of 4 rows, a pair at Jaccard 0.5 shares a band
 * with probability 1 - (1 - 0.5^4)^16 = 0.64 and a pair at 0.8 with probability 0.9999, so copies above
 * `COPY_JACCARD` are found while pairs of merely related texts rarely reach the signature check.
 */
export const LSH_BANDS = 16;

/** Words per shingle: three-word shingles change where a copy is edited and stay where it is not. */
export const SHINGLE_WORDS = 3;

/** Seeds of the hash family, fixed so that signatures are comparable across runs and processes. */
const SEEDS = (() => {
  const out = new Uint32Array(MINHASH_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_HASHES; i++) {
    x = fmix32(x + 0x6d2b79f5 + i);
    out[i] = x;
  }
  return out;
})();

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The MinHash signature of a word sequence over its `SHINGLE_WORDS`-word shingles (a shorter text is one
 * shingle). An empty sequence gives a signature of all 0xffffffff, which matches nothing (see `estimateJaccard`).
 *
 * @example minhashSignature(["a", "storm", "hit", "the", "coast"])
 */
export function minhashSignature(words: readonly string[]): Uint32Array {
  const signature = new Uint32Array(MINHASH_HASHES).fill(0xffffffff);
  const wordHashes = words.map(hashString);
  const shingles = Math.max(wordHashes.length - SHINGLE_WORDS + 1, wordHashes.length > 0 ? 1 : 0);
  for (let i = 0; i < shingles; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, wordHashes.length); j++) {
      h = fmix32(Math.imul(h, 31) + (wordHashes[j] as number));
    }
    for (let k = 0; k < MINHASH_HASHES; k++) {
      const v = fmix32(h ^ (SEEDS[k] as number));
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return signature;
}

/** The LSH band keys of a signature ("band index:hash of its rows"); an empty text has none. */
export function lshBands(signature: Uint32Array): string[] {
  if (signature.every((v) => v === 0xffffffff)) return [];
  const rows = MINHASH_HASHES / LSH_BANDS;
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = b;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h, 31) + (signature[b * rows + r] as number));
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/** The share of hash functions on which two signatures agree: an estimate of their shingle sets' Jaccard. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  let empty = true;
  for (let k = 0; k < MINHASH_HASHES; k++) {
    if (a[k] === b[k]) same++;
    if (a[k] !== 0xffffffff) empty = false;
  }
  return empty ? 0 : same / MINHASH_HASHES;
}
