/**
 * 32-bit hashes of the tagger's features. A feature is a template ("w", "l-1", "sh-1+1") and one or more values
 * (a word, a shape, a tag); its hash folds the hash of each value into the template's, so the tagger makes a
 * feature from hashes it computed once per word, without building a string. Two features may collide: with
 * about 10^6 features seen in training and 2^32 hashes, a handful do, which the weights absorb.
 */
import { fmix32 } from "../../words/hash.js";

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so the low bits are well mixed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/** The hash of the last `n` code units of `s` (all of it when shorter): `hashString(s.slice(-n))` without the slice. */
export function hashTail(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, s.length - n); i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
export function finish(h: number): number {
  return fmix32(h);
}

/** Folds a value's hash into a running hash (one murmur3 block step); the order of the values matters. */
export function fold(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/** The feature of a template (its hash) and one, two or three value hashes. */
export const feature1 = (template: number, a: number): number => finish(fold(template, a));
export const feature2 = (template: number, a: number, b: number): number => finish(fold(fold(template, a), b));
export const feature3 = (template: number, a: number, b: number, c: number): number =>
  finish(fold(fold(fold(template, a), b), c));

/** Hash of the prefix that marks a news-only copy of a feature. */
const NEWS = hashString("N:");

/** The news-only copy of a feature (see `TaggerDocument.newsCopies`). */
export const newsCopy = (feature: number): number => finish(fold(NEWS, feature));

/**
 * The hash of a feature given as text: its template and its values, as the tagger computes it from hashes.
 *
 * @example featureHash("l-1", "in") === feature1(hashString("l-1"), hashString("in")) // true
 */
export function featureHash(template: string, ...values: string[]): number {
  let h = hashString(template);
  for (const v of values) h = fold(h, hashString(v));
  return finish(h);
}
