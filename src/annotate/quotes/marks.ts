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

function scanMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "â" && text.startsWith("â€", i)) {
      const hit = MOJIBAKE.find(([seq]) => text.startsWith(seq, i));
      if (hit) {
        marks.push({ start: i, end: i + hit[0].length, ...hit[1] });
        i += hit[0].length;
        continue;
      }
      const third = text[i + 2];
      if (third === undefined || /[\s.,;:!?)\]]/u.test(third)) {
        marks.push({ start: i, end: i + 2, kind: "double", direction: "close", explicit: true });
        i += 2;
      } else {
        // Another mis-decoded character (dashes, ellipsis, bullet); its last byte may look like a quotation mark.
        i += 3;
      }
      continue;
    }
    const before = text[i - 1];
    if (ch === "`" && text[i + 1] === "`") {
      marks.push({ start: i, end: i + 2, kind: "double", direction: "open", explicit: true });
      i += 2;
      continue;
    }
    if (ch === "'" && text[i + 1] === "'") {
      marks.push({ start: i, end: i + 2, kind: "double", direction: flank(text, i, i + 2), explicit: false });
      i += 2;
      continue;
    }
    if (ch === "“" || ch === "„" || ch === "‟" || ch === "«") {
      marks.push({ start: i, end: i + 1, kind: "double", direction: "open", explicit: true });
    } else if (ch === "”" || ch === "»") {
      // A closing curly mark before a word after a space is a mis-typed opening one.
      const direction = isSpaceOrOpener(before) && WORD_CHAR.test(text[i + 1] ?? "") ? "open" : "close";
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
        (WORD_CHAR.test(before ?? "") && WORD_CHAR.test(text[i + 1] ?? "")) ||
        (direction === "open" && LEADING_ELISION.test(text.slice(i, i + 6))) ||
        (ch === "’" && direction === "open") ||
        (ch === "'" && FEET_INCHES.test(text.slice(Math.max(0, i - 3), i + 3)));
      if (!apostrophe) marks.push({ start: i, end: i + 1, kind: "single", direction, explicit: ch === "’" });
    }
    i++;
  }
  return marks;
}

/** A mark with a space (or nothing) before and a word after opens; the mirror image closes. */
function flank(text: string, start: number, end: number): Direction {
  const openLike = isSpaceOrOpener(text[start - 1]) && !/\s/u.test(text[end] ?? " ");
  const closeLike = !/\s/u.test(text[start - 1] ?? " ") && isSpaceOrCloser(text[end]);
  if (openLike && !closeLike) return "open";
  if (closeLike && !openLike) return "close";
  return "either";
}

function paragraphBreakBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes("\n");
}

/** Index of the first character of the paragraph that follows `from`, or -1. */
function nextParagraphStart(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  if (nl < 0) return -1;
  let i = nl;
  while (i < text.length && /\s/u.test(text[i] as string)) i++;
  return i < text.length ? i : -1;
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
 * Pairs double marks. Straight marks toggle; curly marks say which way they face. A quotation left open at the
 * end of a paragraph runs on when the next paragraph opens with a mark (the newspaper convention for quotations
 * over several paragraphs); otherwise it is dropped as unbalanced, because guessing where it ends would invent
 * quoted words.
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
    if (open && paragraphBreakBetween(text, openedAt, mark.start)) {
      const reopened = runOn(text, openedAt, marks, consumed);
      if (reopened === undefined) open = undefined;
      else openedAt = reopened;
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
 * Follows an open quotation over paragraph breaks from `from`: each following paragraph must open with a double
 * mark, which is consumed. Returns where the quotation was last reopened when it is still open at the next mark,
 * or undefined when it was dropped.
 */
function runOn(text: string, from: number, marks: Mark[], consumed: Set<number>): number | undefined {
  for (;;) {
    const next = marks.find((m) => m.start >= from && !consumed.has(m.start));
    if (!next || !paragraphBreakBetween(text, from, next.start)) return from;
    const para = nextParagraphStart(text, from);
    if (para !== next.start || next.kind !== "double" || next.direction === "close") return undefined;
    consumed.add(next.start);
    from = next.end;
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
