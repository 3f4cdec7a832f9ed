/** A span of an article's text, as character offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Finds words that a finding gives only as text (discrepancy, certainty and citation evidence) in the
 * article: exactly first, then ignoring case, runs of whitespace and typographic variants of quotation
 * marks, apostrophes and dashes, since findings are often copied from a normalised sentence.
 *
 * @example locateText("He said “no”.", '"no"') // { start: 8, end: 12 }
 */
export function locateText(haystack: string, needle: string): TextRange | undefined {
  const wanted = needle.trim().replace(/(?:…|\.\.\.)$/, "");
  if (wanted.length === 0) return undefined;
  const exact = haystack.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length };
  const hay = fold(haystack);
  const key = fold(wanted).text.trim();
  if (key.length === 0) return undefined;
  const at = hay.text.indexOf(key);
  if (at < 0) return undefined;
  const start = hay.origin[at];
  const last = hay.origin[at + key.length - 1];
  if (start === undefined || last === undefined) return undefined;
  const lastChar = haystack.codePointAt(last) ?? 0;
  return { start, end: last + (lastChar > 0xffff ? 2 : 1) };
}

interface Folded {
  text: string;
  /** origin[i]: the offset in the original string of the character that produced folded unit i. */
  origin: number[];
}

function fold(text: string): Folded {
  let out = "";
  const origin: number[] = [];
  let offset = 0;
  let inSpace = false;
  for (const ch of text) {
    const here = offset;
    offset += ch.length;
    if (/\s/u.test(ch)) {
      if (!inSpace) {
        out += " ";
        origin.push(here);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) origin.push(here);
    out += folded;
  }
  return { text: out, origin };
}

function foldChar(ch: string): string {
  if (/[‘’ʼ`´]/.test(ch)) return "'";
  if (/[“”„«»]/.test(ch)) return '"';
  if (/[‐‑‒–—]/.test(ch)) return "-";
  const lower = ch.toLowerCase();
  // Lowercasing that changes the length (İ -> i̇) would break the offset map for nothing gained.
  return lower.length === ch.length ? lower : ch;
}
