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
