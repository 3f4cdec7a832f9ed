import type { Interval, NumberMention } from "../model/index.js";
import { NUMBER_WORD, parseNumberWords } from "../words/numbers.js";
import type { Unit } from "./units.js";
import { contentStems } from "./words.js";

/**
 * Slots: the figures of a statement that fill a role the plain count reader does not see as one value. A tally
 * ("voted 7 to 2", "a 6-3 ruling") is two numbers that only mean something together; a duration ("for six
 * months", "for a year", "a one-year ban") is compared in days whatever its unit. Within aligned statements a
 * slot is compared only with a slot of the same kind.
 */
export interface Slot {
  kind: "tally" | "duration";
  /** Offsets into the article text. */
  start: number;
  end: number;
  text: string;
  /** A tally's two sides, larger first; a duration's length in days as an interval. */
  tally?: [number, number];
  days?: Interval;
  /** Content stems of the words just before the slot: what is being voted on, or what lasts. */
  predicate: string[];
}

/** A small count as written: a numeral or number words ("twenty-one" too). */
const AMOUNT = String.raw`\d{1,4}(?:\.\d+)?|(?:${NUMBER_WORD})(?:-(?:${NUMBER_WORD}))?`;

/**
 * A tally: two small numbers joined by "to" or a dash, with a word of voting or scoring right before or after.
 * Without that word "7 to 2" may be a range or a time, so it is no tally.
 */
const TALLY = new RegExp(String.raw`\b(?<a>${AMOUNT})(?:\s+votes?)?\s*(?:-|–|—|\s+to\s+)\s*(?<b>${AMOUNT})\b`, "giu");
const TALLY_BEFORE =
  /\b(?:vot\w*|ballot\w*|margin|decision|ruling|verdict|majority|split|won|wins?|beat|defeated|lost|score[ds]?|approved|passed|rejected)\b(?:\s+\w+){0,4}\s*$/iu;
const TALLY_AFTER =
  /^\s*(?:vote|votes|decision|ruling|verdict|margin|majority|split|win|victory|defeat|loss|in\s+favou?r)\b/iu;
/** A tally's sides are counts of votes or points: beyond this they are more likely a range or a score of years. */
const MAX_TALLY_SIDE = 500;

const DAYS: Record<string, number> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30.44,
  year: 365.25,
  decade: 3652.5,
};
const TIME_UNIT = "hours?|days?|weeks?|fortnights?|months?|years?|decades?";
const DURATION_HEDGE = String.raw`about|around|nearly|almost|roughly|some|up\s+to|at\s+least|more\s+than|less\s+than|over`;
/**
 * A duration: "for six months", "for a year", "lasting two weeks", "for the next three years", or a compound
 * before a noun ("a six-month closure", "a one-year ban"). "Six months ago" or "a year earlier" are points in
 * time, not lengths, and are not read.
 */
const DURATION = new RegExp(
  String.raw`\b(?:for|lasting|within)\s+(?:the\s+(?:next|past|last|first)\s+)?(?:(?<hedge>${DURATION_HEDGE})\s+)?(?<n>an?|${AMOUNT})\s+(?:(?:more|further|additional|extra)\s+)?(?<unit>${TIME_UNIT})\b(?!\s+(?:ago|earlier|later|before|after|old)\b)|\b(?<cn>${AMOUNT})-(?<cunit>hour|day|week|month|year|decade)(?=\s+\p{Ll})(?!\s+old\b)`,
  "giu",
);

/**
 * What every tally and every duration has (a joining dash or "to"; a unit of time), by the same case rules:
 * a statement without it is not searched with the long patterns.
 */
const TALLY_JOIN = /[-–—]|\sto\s/iu;
const DURATION_UNIT = /hour|day|week|fortnight|month|year|decade/iu;

const amountOf = (word: string): number | undefined => {
  if (/^an?$/i.test(word)) return 1;
  if (/^\d/.test(word)) return Number(word);
  const parsed = parseNumberWords(word);
  return parsed && parsed.length === word.length ? parsed.value : undefined;
};

/** How far before a slot its predicate is read, in characters. */
const PREDICATE_REACH = 60;

/** What slots are read from: a sentence and where it starts. */
type Statement = Pick<Unit, "text" | "sentence">;

/** Content stems of the clause before offset `at` (names left out): what a figure or a date is said of. */
export function predicateBefore(u: Statement, at: number): string[] {
  return predicateOf(clauseBefore(u, at).text);
}

/** The content stems of a clause, names and numbers left out: names say who or where, not what is done. */
export function predicateOf(clause: string): string[] {
  return contentStems(clause.replace(/(?<=^|\s)\p{Lu}[\p{L}'’.-]*/gu, " ")).filter((s) => !/^\d/.test(s));
}

/**
 * The clause a slot at offset `at` stands in, up to it: from the last comma, colon, semicolon or dash before
 * it, within {@link PREDICATE_REACH} characters; `from` is where it starts in the sentence's text.
 */
function clauseBefore(u: Statement, at: number): { text: string; from: number } {
  const local = at - u.sentence.start;
  const reach = Math.max(0, local - PREDICATE_REACH);
  const before = u.text.slice(reach, local);
  const cut = before.search(/[,;:—–][^,;:—–]*$/u);
  return { text: before.slice(cut + 1), from: reach + cut + 1 };
}

/**
 * The names in the clause before offset `at`, each as its words lower-cased, leaving out the sentence's first
 * word: what a date or a figure is said of when the clause names it ("won the Kestrel Prize in 2012", "the
 * Lantern Medal in 2013").
 */
export function namesBefore(u: Statement, at: number): string[][] {
  const clause = clauseBefore(u, at);
  const out: string[][] = [];
  for (const m of clause.text.matchAll(/(?<=^|\s)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu)) {
    const words = m[0].split(/\s+/u).map((w) => w.toLowerCase().replace(/['’]s?$|\.$/u, ""));
    // A capital at the sentence's start is no sign of a name.
    if (clause.from + m.index === 0) words.shift();
    if (words.length) out.push(words);
  }
  return out;
}

/** Whether two names are one: every word of the shorter is in the longer ("Minister Ruiz", "Ruiz"). */
export function sameName(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
}

/** How far a length read in days may stray from the written one through calendar units (a month is 28–31 days). */
const UNIT_SLACK = 0.03;

function interval(days: number, hedge: string | undefined): Interval {
  const h = hedge?.toLowerCase().replace(/\s+/g, " ");
  switch (h) {
    case undefined:
      // Months and years are not whole numbers of days: "a year" and "12 months" are one length.
      return { low: days * (1 - UNIT_SLACK), high: days * (1 + UNIT_SLACK), lowOpen: false, highOpen: false };
    case "more than":
    case "over":
      return { low: days, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case "at least":
      return { low: days, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case "less than":
      return { low: 0, high: days, lowOpen: false, highOpen: true };
    case "up to":
      return { low: 0, high: days, lowOpen: false, highOpen: false };
    case "nearly":
    case "almost":
      return { low: days * 0.85, high: days, lowOpen: false, highOpen: true };
    default:
      return { low: days * 0.85, high: days * 1.15, lowOpen: false, highOpen: false };
  }
}

/** The tallies and durations of one statement, in order. */
export function slotsOf(u: Statement): Slot[] {
  const out: Slot[] = [];
  const base = u.sentence.start;
  for (const m of TALLY_JOIN.test(u.text) ? u.text.matchAll(TALLY) : []) {
    const a = amountOf(m.groups?.a ?? "");
    const b = amountOf(m.groups?.b ?? "");
    if (a === undefined || b === undefined || a > MAX_TALLY_SIDE || b > MAX_TALLY_SIDE) continue;
    if (!Number.isInteger(a) || !Number.isInteger(b)) continue;
    const before = u.text.slice(Math.max(0, m.index - 40), m.index);
    const after = u.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!TALLY_BEFORE.test(before) && !TALLY_AFTER.test(after)) continue;
    out.push({
      kind: "tally",
      start: base + m.index,
      end: base + m.index + m[0].length,
      text: m[0],
      tally: a >= b ? [a, b] : [b, a],
      predicate: predicateBefore(u, base + m.index),
    });
  }
  for (const m of DURATION_UNIT.test(u.text) ? u.text.matchAll(DURATION) : []) {
    const g = m.groups ?? {};
    const n = amountOf(g.n ?? g.cn ?? "");
    const unit = (g.unit ?? g.cunit ?? "").toLowerCase().replace(/s$/, "");
    const factor = DAYS[unit];
    if (n === undefined || factor === undefined) continue;
    const start = base + m.index;
    if (out.some((s) => start < s.end && start + m[0].length > s.start)) continue;
    out.push({
      kind: "duration",
      start,
      end: start + m[0].length,
      text: m[0],
      days: interval(n * factor, g.hedge),
      predicate: predicateBefore(u, start),
    });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Whether a count lies inside one of the slots: its number is read there, as part of the slot. */
export function insideSlot(n: NumberMention, slots: Slot[]): boolean {
  return slots.some((s) => n.start < s.end && n.end > s.start);
}

/** Two stems meet when equal or when they share a prefix this long ("clos" for "closure" and "closed"). */
const SHARED_PREFIX = 4;

/** Whether two slots' predicates share a word: both are about the same vote, or the same thing lasting. */
export function samePredicate(a: Pick<Slot, "predicate">, b: Pick<Slot, "predicate">): boolean {
  return a.predicate.some((x) =>
    b.predicate.some((y) => x === y || (x.length >= SHARED_PREFIX && y.startsWith(x.slice(0, SHARED_PREFIX)))),
  );
}
