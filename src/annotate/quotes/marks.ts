import type { Span } from "../../model/index.js";

/** A run of text between paired quotation marks. */
export interface QuotedSpan extends Span {
  /** Where the opening mark starts; `start`/`end` are the quoted words without marks or edge spaces. */
  markStart: number;
  /** Where the closing mark ends. */
  markEnd: number;
  /** Double marks are the usual top level; single marks count at top level only outside double ones. */
  kind: "double" | "single";
}

type Direction = "open" | "close" | "either";

interface Mark extends Span {
  kind: "double" | "single";
  direction: Direction;
  /** Straight and two-apostrophe marks say nothing about their direction; curly ones do. */
  explicit: boolean;
}

/**
 * Mis-decoded UTF-8 (Windows-1252 read of curly marks) is common in scraped news; these sequences stand for
 * the marks they were meant to be. A dropped third byte leaves "â€" before a space, which only a closing
 * double mark produces.
 */
const MOJIBAKE: [string, Omit<Mark, "start" | "end">][] = [
  ["â€œ", { kind: "double", direction: "open", explicit: true }],
  ["â€\u009d", { kind: "double", direction: "close", explicit: true }],
  ["â€˜", { kind: "single", direction: "open", explicit: true }],
  ["â€™", { kind: "single", direction: "close", explicit: true }],
];

const SPACE_BEFORE = /[\s([{\u2014\u2013\-/]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isSpaceOrOpener(ch: string | undefined): boolean {
  return ch === undefined || SPACE_BEFORE.test(ch) || ch === "“" || ch === '"' || ch === "‘" || ch === "«";
}

function isSpaceOrCloser(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?)\]}\u2014\u2013\-…/”"»’']/u.test(ch);
}

/** Feet and inches ("5'9\"", "6' 2\"") use the same characters as quotation marks. */
const FEET_INCHES = /\d['’]\s?\d{1,2}(?:\.\d+)?$/;

/** Elisions that open with an apostrophe ('90s, 'em, 'til) are not opening single quotes. */
const LEADING_ELISION = /^['’](?:\d0s|em\b|til\b|cause\b|n\b|tis\b)/i;

/**
 * Whether a character (its UTF-16 code) may be or begin a quotation mark: "â" of mojibake, backtick, straight and
 * curly marks, guillemets. `scanMarks` skips every other character with this test alone.
 */
function mayBeMark(code: number): boolean {
  return (
    code === 0x22 ||
    code === 0x27 ||
    code === 0x60 ||
    code === 0xab ||
    code === 0xbb ||
    code === 0xe2 ||
    (code >= 0x2018 && code <= 0x201f)
  );
}

/** The character at `k`, or undefined outside the text (checked: a read past the end is slow in optimised code). */
function charAt(text: string, k: number): string | undefined {
  return k >= 0 && k < text.length ? text[k] : undefined;
}

function scanMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let i = 0;
  while (i < text.length) {
    if (!mayBeMark(text.charCodeAt(i))) {
      i++;
      continue;
    }
    i = markAt(text, i, marks);
  }
  return marks;
}

/** Adds the mark that starts at `i` (a character `mayBeMark` lets through), if it is one; where to look on. */
function markAt(text: string, i: number, marks: Mark[]): number {
  const ch = text[i] as string;
  if (ch === "â" && text.startsWith("â€", i)) {
    const hit = MOJIBAKE.find(([seq]) => text.startsWith(seq, i));
    if (hit) {
      marks.push({ start: i, end: i + hit[0].length, ...hit[1] });
      return i + hit[0].length;
    }
    const third = charAt(text, i + 2);
    if (third === undefined || /[\s.,;:!?)\]]/u.test(third)) {
      marks.push({ start: i, end: i + 2, kind: "double", direction: "close", explicit: true });
      return i + 2;
    }
    // Another mis-decoded character (dashes, ellipsis, bullet); its last byte may look like a quotation mark.
    return i + 3;
  }
  const before = charAt(text, i - 1);
  const after = charAt(text, i + 1);
  if (ch === "`" && after === "`") {
    marks.push({ start: i, end: i + 2, kind: "double", direction: "open", explicit: true });
    return i + 2;
  }
  if (ch === "'" && after === "'") {
    marks.push({ start: i, end: i + 2, kind: "double", direction: flank(text, i, i + 2), explicit: false });
    return i + 2;
  }
  if (ch === "“" || ch === "„" || ch === "‟" || ch === "«") {
    marks.push({ start: i, end: i + 1, kind: "double", direction: "open", explicit: true });
  } else if (ch === "”" || ch === "»") {
    // A closing curly mark before a word after a space is a mis-typed opening one.
    const direction = isSpaceOrOpener(before) && WORD_CHAR.test(after ?? "") ? "open" : "close";
    marks.push({ start: i, end: i + 1, kind: "double", direction, explicit: true });
  } else if (ch === '"') {
    if (!FEET_INCHES.test(text.slice(Math.max(0, i - 8), i))) {
      marks.push({ start: i, end: i + 1, kind: "double", direction: flank(text, i, i + 1), explicit: false });
    }
  } else if (ch === "‘" || ch === "‚") {
    if (!LEADING_ELISION.test(text.slice(i, i + 6))) {
      marks.push({ start: i, end: i + 1, kind: "single", direction: "open", explicit: true });
    }
  } else if (ch === "’" || ch === "'") {
    const direction = flank(text, i, i + 1);
    const apostrophe =
      (WORD_CHAR.test(before ?? "") && WORD_CHAR.test(after ?? "")) ||
      (direction === "open" && LEADING_ELISION.test(text.slice(i, i + 6))) ||
      (ch === "’" && direction === "open") ||
      (ch === "'" && FEET_INCHES.test(text.slice(Math.max(0, i - 3), i + 3)));
    if (!apostrophe) marks.push({ start: i, end: i + 1, kind: "single", direction, explicit: ch === "’" });
  }
  return i + 1;
}

/** A mark with a space (or nothing) before and a word after opens; the mirror image closes. */
function flank(text: string, start: number, end: number): Direction {
  const before = charAt(text, start - 1);
  const after = charAt(text, end);
  const openLike = isSpaceOrOpener(before) && !/\s/u.test(after ?? " ");
  const closeLike = !/\s/u.test(before ?? " ") && isSpaceOrCloser(after);
  if (openLike && !closeLike) return "open";
  if (closeLike && !openLike) return "close";
  return "either";
}

function paragraphBreakBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes("\n");
}

function makeSpan(text: string, open: Mark, close: Mark, kind: "double" | "single"): QuotedSpan | undefined {
  let start = open.end;
  let end = close.start;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  if (end <= start) return undefined;
  return { start, end, markStart: open.start, markEnd: close.end, kind };
}

/**
 * How many line breaks a quotation may run over without a reopening mark. Text set one sentence per line breaks
 * a quotation of several sentences at each of them; a quotation longer than this is more likely an unclosed mark
 * that a much later closing mark would wrongly pair with.
 */
export const MAX_QUOTE_LINES = 8;

/**
 * Pairs double marks. Straight marks toggle; curly marks say which way they face. A quotation left open at the
 * end of a paragraph runs on when the next paragraph opens with a mark (the newspaper convention for quotations
 * over several paragraphs), or, over a single line break (one sentence per line), when the next mark closes it;
 * otherwise it is dropped as unbalanced, because guessing where it ends would invent quoted words.
 */
function pairDoubles(text: string, marks: Mark[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open: Mark | undefined;
  /** Where the open quotation was last (re)opened: the end of its opening mark or of a paragraph's reopening. */
  let openedAt = 0;
  /** Opening marks of quotations nested inside `open`, innermost last. */
  let nested: Mark[] = [];
  const consumed = new Set<number>();
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k] as Mark;
    if (consumed.has(mark.start)) continue;
    /** Whether the open quotation reached this mark over a line break that nothing reopened. */
    let overLine = false;
    if (open && paragraphBreakBetween(text, openedAt, mark.start)) {
      const reopened = runOn(text, openedAt, marks, k, consumed);
      if (reopened === undefined) open = undefined;
      else {
        openedAt = reopened.from;
        overLine = reopened.overLine;
      }
      nested = [];
      if (consumed.has(mark.start)) continue;
    }
    if (!open) {
      if (mark.direction !== "close") {
        open = mark;
        openedAt = mark.end;
      }
      continue;
    }
    const inner = nested[nested.length - 1] ?? open;
    const closes =
      mark.direction === "close" ||
      (mark.direction === "either" && !(mark.explicit !== inner.explicit && leftFlanking(text, mark))) ||
      // An opening curly mark glued to the end of a word is a mis-typed closing one.
      (!isSpaceOrOpener(text[mark.start - 1]) && isSpaceOrCloser(text[mark.end]));
    if (overLine && !closes && !(mark.explicit !== open.explicit && closedOnItsLine(text, open, marks, k))) {
      // Only a closing mark carries a quotation over a line break, or a quotation nested in it (in the other
      // style of marks) on a line that closes it; this mark starts afresh.
      open = mark.direction === "close" ? undefined : mark;
      openedAt = mark.end;
      continue;
    }
    if (closes) {
      if (nested.length > 0) {
        nested.pop();
        continue;
      }
      const span = makeSpan(text, open, mark, "double");
      if (span) spans.push(span);
      open = undefined;
    } else if (nestsInside(text, mark, open, marks.slice(k + 1))) {
      nested.push(mark);
    } else {
      // A second opening mark means the first one was never closed; start again here.
      open = mark;
      openedAt = mark.end;
      nested = [];
    }
  }
  return spans;
}

/** Whether the last mark on the line of mark `k` is a closing mark in the style of `outer`. */
function closedOnItsLine(text: string, outer: Mark, marks: Mark[], k: number): boolean {
  const lineEnd = text.indexOf("\n", (marks[k] as Mark).end);
  let last: Mark | undefined;
  for (let j = k + 1; j < marks.length; j++) {
    const m = marks[j] as Mark;
    if (lineEnd >= 0 && m.start > lineEnd) break;
    last = m;
  }
  return last !== undefined && last.explicit === outer.explicit && last.direction !== "open";
}

function leftFlanking(text: string, mark: Mark): boolean {
  return isSpaceOrOpener(text[mark.start - 1]) && !/\s/u.test(text[mark.end] ?? " ");
}

/**
 * Whether an opening mark inside an open quotation starts a nested one rather than a new quotation after a
 * missing closing mark: it does when it differs in style from the outer mark (straight inside curly), or when
 * enough closing marks follow in the paragraph to close both.
 */
function nestsInside(text: string, mark: Mark, outer: Mark, rest: Mark[]): boolean {
  if (mark.explicit !== outer.explicit) return true;
  let closers = 0;
  for (const m of rest) {
    if (paragraphBreakBetween(text, mark.end, m.start)) break;
    if (m.direction === "open") break;
    closers++;
  }
  return closers >= 2;
}

/**
 * Follows an open quotation over line breaks from `from` up to the next unconsumed mark (from index `k` on). A
 * paragraph that opens with a double mark reopens it (the mark is consumed); a single line break inside a
 * paragraph lets it run on, up to {@link MAX_QUOTE_LINES}; a blank line without a reopening mark ends it. Returns where the
 * quotation was last reopened or continued, and whether a line break was crossed after that without a
 * reopening mark; undefined when it was dropped.
 */
function runOn(
  text: string,
  from: number,
  marks: Mark[],
  k: number,
  consumed: Set<number>,
): { from: number; overLine: boolean } | undefined {
  let overLine = false;
  let lines = 0;
  for (;;) {
    let next: Mark | undefined;
    for (let j = k; j < marks.length && !next; j++) {
      const m = marks[j] as Mark;
      if (m.start >= from && !consumed.has(m.start)) next = m;
    }
    const nl = text.indexOf("\n", from);
    if (!next) return undefined;
    if (nl < 0 || nl >= next.start) return { from, overLine };
    let lineStart = nl;
    while (lineStart < text.length && /\s/u.test(text[lineStart] as string)) lineStart++;
    const blank = text.slice(nl + 1, lineStart).includes("\n");
    if (next.start === lineStart && next.kind === "double" && next.direction !== "close") {
      // After a line the quotation ran on to unopened, only a new paragraph may reopen it: a mark opening the
      // next line of the same paragraph starts another quotation, and the first one was never closed.
      if (overLine && !blank) return { from: lineStart, overLine: true };
      consumed.add(next.start);
      from = next.end;
      overLine = false;
      continue;
    }
    if (blank || ++lines > MAX_QUOTE_LINES) return undefined;
    overLine = true;
    from = lineStart;
  }
}

/**
 * Pairs single marks outside double quotations, within one paragraph. A closing candidate right after a plural
 * "s" and before a word is more likely a possessive (the officials' plan), so it closes only when no later
 * candidate in the paragraph does.
 */
function pairSingles(text: string, marks: Mark[], doubles: QuotedSpan[]): QuotedSpan[] {
  const inside = (m: Mark) => doubles.some((d) => m.start >= d.markStart && m.end <= d.markEnd);
  const free = marks.filter((m) => m.kind === "single" && !inside(m));
  const spans: QuotedSpan[] = [];
  let open: Mark | undefined;
  for (let k = 0; k < free.length; k++) {
    const mark = free[k] as Mark;
    if (open && paragraphBreakBetween(text, open.end, mark.start)) open = undefined;
    if (!open) {
      if (mark.direction === "open") open = mark;
      continue;
    }
    if (mark.direction === "open") {
      open = mark;
      continue;
    }
    if (looksPossessive(text, mark)) {
      const later = free
        .slice(k + 1)
        .find(
          (m) => m.direction !== "open" && !paragraphBreakBetween(text, mark.end, m.start) && !looksPossessive(text, m),
        );
      if (later) continue;
    }
    const span = makeSpan(text, open, mark, "single");
    const crossesDouble = span && doubles.some((d) => d.markStart < span.end && d.markEnd > span.start);
    if (span && !crossesDouble) spans.push(span);
    open = undefined;
  }
  return spans;
}

function looksPossessive(text: string, mark: Mark): boolean {
  return /s$/iu.test(text.slice(mark.start - 1, mark.start)) && /^\s\p{L}/u.test(text.slice(mark.end, mark.end + 2));
}

/**
 * Finds the quoted spans of a text: double-quoted spans (straight, curly, two-apostrophe, guillemets and their
 * mis-decoded forms), and single-quoted spans that are not inside double ones. Apostrophes inside words
 * (don't, Shi'ite), feet-and-inches marks and leading elisions ('90s) never open a quotation. Ordered by start.
 *
 * @example findQuotedSpans('He said "no."') // [{ start: 9, end: 12, markStart: 8, markEnd: 13, kind: "double" }]
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const marks = scanMarks(text);
  const doubles = pairDoubles(
    text,
    marks.filter((m) => m.kind === "double"),
  );
  const singles = pairSingles(text, marks, doubles);
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}
