/**
 * murmur3's 32-bit finaliser (fmix32): every input bit reaches every output bit. The one integer mixer the
 * tagger's feature hashes and the clusterer's MinHash share.
 */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A small seeded random stream (mulberry32) of numbers in [0, 1): the same seed gives the same numbers on every
 * machine, so training, shuffles and invented test streams repeat exactly.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
