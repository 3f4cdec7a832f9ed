/** Han ideographs, kana and the CJK punctuation-free scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Counts the words of a text: runs of non-space characters, where each character of a script written
 * without spaces (Chinese, Japanese, Thai) counts as a word of its own. Length thresholds stated in words
 * then hold for a Chinese paragraph as for an English one.
 *
 * @example countWords("Fire at the port") === 4; countWords("港口发生火灾") === 6
 */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) {
      inWord = false;
      continue;
    }
    if (c >= 0x0e00 && UNSPACED.test(ch)) {
      n++;
      inWord = false;
      continue;
    }
    if (!inWord) n++;
    inWord = true;
  }
  return n;
}
