import { tokenSpans } from "../words/tokens.js";

/** One run of a word diff: words both texts share, words only the other text has, or words it lacks. */
export interface DiffRun {
  op: "equal" | "insert" | "delete";
  /** The words with the whitespace before them, from the other text for equal and insert, from the base for delete. */
  text: string;
}

/**
 * Past this many cells (words of one text times words of the other, after the shared head and tail are
 * cut off) the quadratic table is not built and the middle is shown as replaced. Quotations are a few
 * dozen words; 250,000 cells (500 × 500 words) keeps the worst case near a millisecond while no real
 * quotation comes near it.
 */
const MAX_DIFF_CELLS = 250_000;

interface Token {
  text: string;
  key: string;
}

/** The shared splitter's tokens (words and single marks), each with the whitespace before it. */
function tokenize(text: string): Token[] {
  let end = 0;
  return tokenSpans(text).map((t) => {
    const withSpace = text.slice(end, t.end);
    end = t.end;
    return { text: withSpace, key: keyOf(withSpace) };
  });
}

/** Typographic variants of one character compare equal: a curly apostrophe is not an edit of the words. */
function keyOf(token: string): string {
  return token
    .trim()
    .normalize("NFKC")
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—]/g, "-");
}

/**
 * A word-level diff of `other` against `base` from their longest common subsequence of words
 * (punctuation marks count as words; whitespace and quotation-mark style do not).
 *
 * @example diffWords("no one should expect", "nobody should expect")
 *   // [{op:"delete",text:"no one"},{op:"insert",text:"nobody"},{op:"equal",text:" should expect"}]
 */
export function diffWords(base: string, other: string): DiffRun[] {
  const a = tokenize(base);
  const b = tokenize(other);
  let head = 0;
  while (head < a.length && head < b.length && a[head]?.key === b[head]?.key) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail]?.key === b[b.length - 1 - tail]?.key
  ) {
    tail++;
  }
  const runs: DiffRun[] = [];
  const push = (op: DiffRun["op"], token: Token | undefined): void => {
    if (!token) return;
    const last = runs[runs.length - 1];
    if (last?.op === op) last.text += token.text;
    else runs.push({ op, text: runs.length === 0 ? token.text.trimStart() : token.text });
  };
  for (let i = 0; i < head; i++) push("equal", b[i]);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const [op, token] of diffMiddle(midA, midB)) push(op, token);
  for (let i = b.length - tail; i < b.length; i++) push("equal", b[i]);
  return runs;
}

function diffMiddle(a: Token[], b: Token[]): [DiffRun["op"], Token][] {
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [
      ...a.map((t): [DiffRun["op"], Token] => ["delete", t]),
      ...b.map((t): [DiffRun["op"], Token] => ["insert", t]),
    ];
  }
  const width = b.length + 1;
  // lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i]?.key === b[j]?.key
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: [DiffRun["op"], Token][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ta = a[i];
    const tb = b[j];
    if (ta && tb && ta.key === tb.key) {
      out.push(["equal", tb]);
      i++;
      j++;
    } else if (ta && (!tb || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      out.push(["delete", ta]);
      i++;
    } else if (tb) {
      out.push(["insert", tb]);
      j++;
    }
  }
  return out;
}
