import type { DateMention } from "../../model/index.js";
import {
  type DayNumber,
  dayNumber,
  fromDayNumber,
  isoDay,
  isoMonth,
  isoTime,
  isoYear,
  isValidDate,
  MONTH_ANY,
  MONTH_FULL,
  monthNumber,
  parseIsoDay,
  WEEKDAY_FULL,
  weekdayNumber,
  weekdayOf,
} from "./calendar.js";
import { type Found, frontedYears, shareYears, yearsFromText } from "./context.js";
import { datesByOffset } from "./offsets.js";
import { type Tense, tenseAt } from "./tense.js";
import { readsAsYear } from "./year.js";

export { type Tense, tenseAt } from "./tense.js";
export { looksPlural, readsAsYear } from "./year.js";

/**
 * How far past the article's date a date written without a year ("October 7", "in May") may lie and still be
 * read in the article's year when its clause has no tense (see {@link tenseAt}). News mostly reports what has
 * happened, so such dates are taken to be the latest occurrence; two weeks leaves room for events announced as
 * imminent ("talks on April 15" in an April 7 story) without pulling last October into next October.
 */
export const FUTURE_WINDOW_DAYS = 14;

const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])`;
const YEAR = String.raw`(?:1[89]|20)\d\d(?![\d%]|[.,]\d)`;

function timeGroup(n: number): string {
  return String.raw`(?:(?:,?\s+(?:at\s+)?|T)(?<hh${n}>\d{1,2}):(?<mi${n}>\d{2})(?!\d)(?:\s*(?<ap${n}>[aApP]\.?[mM]\b\.?))?(?:\s*(?<tz${n}>GMT|UTC)\b)?)?`;
}

/** Prepositions that make a bare month name a date ("in March"), as opposed to a verb or a surname. */
const MONTH_PREPOSITIONS =
  "[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Tt]hrough(?:out)?|[Bb]efore|[Aa]fter|[Bb]etween|[Ss]tarting|[Bb]eginning|[Oo]f|[Tt]o|[Aa]nd|[Oo]r";

/** Of the prepositions above, those that also precede the name May ("spoke to May", "Smith and May"). */
const WEAK_PREPOSITIONS = new Set(["of", "to", "and", "or"]);

const MONTH_MODIFIERS = "[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he (?:end|start|beginning|middle) of";

/**
 * Calendar expressions, case-sensitive because month and weekday names are only names when capitalised.
 * Alternatives are ordered so that the longest reading starting at a position wins.
 */
const CALENDAR = new RegExp(
  [
    String.raw`(?<![\d-])(?<isoY>\d{4})-(?<isoM>\d{2})-(?<isoD>\d{2})(?!\d)(?:T(?<isoH>\d{2}):(?<isoMi>\d{2}))?`,
    String.raw`(?:(?<wd1>${WEEKDAY_FULL}),?\s+)?(?<m1>${MONTH_ANY})\s+(?<d1>${DAY})(?:,?\s+(?<y1>${YEAR})${timeGroup(1)})?`,
    String.raw`(?<![\w$£€.,:/-])(?:(?<wd2>${WEEKDAY_FULL}),?\s+)?(?<d2>${DAY})(?:\s+of)?\s+(?<m2>${MONTH_ANY})(?:,?\s+(?<y2>${YEAR})${timeGroup(2)})?`,
    String.raw`(?:(?<mod3>[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?<m3>${MONTH_ANY}),?\s+(?:of\s+)?(?<y3>${YEAR})`,
    String.raw`(?:(?<pre5>${MONTH_PREPOSITIONS})\s+)?(?:(?<mod5>${MONTH_MODIFIERS})(?:-|\s+))?(?<m5>${MONTH_FULL})\b(?!,?\s+(?:of\s+)?\d)`,
    String.raw`(?<mod6>[Ee]arly|[Mm]id|[Ll]ate)[-\s]+(?<y6>${YEAR})`,
    String.raw`(?<![\w$£€¥₹.,:/'’])(?<!(?<!\d)\d{1,3}[-–])(?<y7>\d{4})(?![\w%]|[.,:/]\d)`,
    String.raw`(?<![\w'’-])(?<dec>(?:1[89]|20)\d0)s\b`,
    String.raw`(?:(?<wmod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill)\s+)?(?<wd>${WEEKDAY_FULL})\b(?!,?\s+(?:${MONTH_ANY}|\d))(?:\s+(?<wpart>morning|afternoon|evening|night))?`,
  ].join("|"),
  "gd",
);

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  "a couple of": 2,
  "couple of": 2,
};

const AMOUNT = String.raw`\d{1,3}|a few|a couple of|couple of|several|few|${Object.keys(NUMBER_WORDS)
  .filter((w) => !w.includes(" "))
  .join("|")}`;

/** Expressions relative to the article's date; case-insensitive because they are ordinary words. */
const RELATIVE = new RegExp(
  [
    String.raw`\b(?<agoN>${AMOUNT})\s+(?<agoU>day|week|month|year|decade)s?\s+ago\b`,
    String.raw`\b(?:(?:over|in|during|for)\s+)?(?:the\s+)?(?<perQ>past|last|previous|next|coming|following)\s+(?:(?<perN>${AMOUNT})\s+)?(?<perU>days|weeks|months|years|decades)\b`,
    String.raw`\b(?<simple>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b`,
    String.raw`\b(?<the>the\s+)?(?<uq>last|this|next|previous|past|coming)\s+(?<uu>week|month|year|decade|weekend)\b`,
    String.raw`\b(?:over|at|during)\s+(?<wk>the\s+weekend)\b`,
  ].join("|"),
  "gid",
);

const CAPITALISED_WORD_AFTER = /^\s[A-Z][a-z]/;
const NAME_CHAR = /[\w'’-]/;
const SENTENCE_OPENER = /[.!?:;"“‘'(\n]/;

/**
 * Whether a capitalised word that does not open a sentence stands right before `start`, making the date word
 * part of a name ("Good Friday", "USA Today"). A word ending in a period may end the previous sentence, so it
 * does not count.
 */
function afterName(text: string, start: number): boolean {
  const space = start - 1;
  if (text[space] !== " ") return false;
  let j = space;
  while (j > 0 && NAME_CHAR.test(text[j - 1] ?? "")) j--;
  const first = text[j] ?? "";
  if (j === space || first < "A" || first > "Z") return false;
  let k = j - 1;
  while (k >= 0 && text[k] === " ") k--;
  return k >= 0 && !SENTENCE_OPENER.test(text[k] ?? "");
}

interface Resolver {
  article: DayNumber | undefined;
}

/**
 * The year in which a month/day without a year falls: the first occurrence on or after the article's date when
 * its clause speaks of the future, the nearest one when of the future seen from the past, and otherwise the
 * last one up to {@link FUTURE_WINDOW_DAYS} ahead. A past tense gets that window too: a page's date may be
 * older than the edit it reports ("edited on 9 July"), and a past reading may be wrong ("visitors aged 16 to 24
 * from 6 November"), while a yearless date a few days ahead is rarely one of last year.
 */
function yearFor(month: number, day: number, article: DayNumber, tense: Tense): number {
  const { year } = fromDayNumber(article);
  const valid = isValidDate(year, month, day) ? day : 28;
  const at = dayNumber(year, month, valid);
  if (tense === "future") return at < article ? year + 1 : year;
  if (tense === "prospective") {
    // The nearest occurrence, on either side: the moment the future was seen from is near the article's.
    const before = dayNumber(year - 1, month, valid);
    const after = dayNumber(year + 1, month, valid);
    if (article - before < Math.abs(at - article)) return year - 1;
    if (after - article < Math.abs(at - article)) return year + 1;
    return year;
  }
  return at > article + FUTURE_WINDOW_DAYS ? year - 1 : year;
}

function monthDay(month: number, day: number, r: Resolver, tense: Tense): string | undefined {
  if (r.article === undefined) return undefined;
  return dayIn(yearFor(month, day, r.article, tense), month, day);
}

function dayIn(year: number, month: number, day: number): string | undefined {
  return isValidDate(year, month, day) ? isoDay(dayNumber(year, month, day)) : undefined;
}

function shiftMonth(year: number, month: number, by: number): string {
  const index = year * 12 + (month - 1) + by;
  return isoMonth(Math.floor(index / 12), (index % 12) + 1);
}

function bareMonth(month: number, modifier: string, r: Resolver, tense: Tense): string | undefined {
  if (r.article === undefined) return undefined;
  const a = fromDayNumber(r.article);
  switch (modifier) {
    case "last":
      return isoMonth(month < a.month ? a.year : a.year - 1, month);
    case "next":
      return isoMonth(month > a.month ? a.year : a.year + 1, month);
    case "this":
      return isoMonth(a.year, month);
    default:
      // A month is reached as soon as it begins and lasts until it ends: "will reopen in May" said in May is
      // this May, and so is "closed in May".
      if (tense === "future") return isoMonth(month < a.month ? a.year + 1 : a.year, month);
      if (tense === "prospective") {
        const ahead = (month - a.month + 12) % 12;
        return isoMonth(
          ahead <= 6 ? (month < a.month ? a.year + 1 : a.year) : month > a.month ? a.year - 1 : a.year,
          month,
        );
      }
      // A past clause may well name a month still to come in its year ("ended at $84 for October delivery"), so
      // it reads like one without a tense.
      return isoMonth(yearFor(month, 1, r.article, "unknown"), month);
  }
}

/** The Saturday of a weekend, which stands for the whole weekend. */
function weekend(article: DayNumber, which: "past" | "this" | "next"): DayNumber {
  const w = weekdayOf(article);
  const current = w === 6 ? article : w === 0 ? article - 1 : undefined;
  const past = current ?? article - (w + 1);
  const coming = current ?? article + (6 - w);
  switch (which) {
    case "past":
      return current === undefined ? past : current;
    case "next":
      return coming + (current === undefined ? 0 : 7);
    case "this":
      // Early in the week "this weekend" is usually the one just gone; from midweek on, the one ahead.
      return current ?? (w <= 2 ? past : coming);
  }
}

/** A weekday read back to the latest one on or before the article's date unless its clause speaks of the future. */
/** Which weekend "last/next/this weekend" is; "this weekend" follows its clause's tense when it has one. */
function weekendOf(q: string, text: string, start: number, end: number): "past" | "this" | "next" {
  if (q === "last") return "past";
  if (q === "next") return "next";
  const tense = tenseAt(text, start, end);
  // "would begin this weekend" is as forward-looking as "will": a past weekend would be "last weekend".
  return tense === "future" || tense === "prospective" ? "next" : tense === "past" ? "past" : "this";
}

function weekday(target: number, modifier: string, r: Resolver, tense: Tense): string | undefined {
  if (r.article === undefined) return undefined;
  const w = weekdayOf(r.article);
  const ahead = (target - w + 7) % 7;
  // Seen from the past, the nearer of the two.
  const forward = tense === "future" || (tense === "prospective" && ahead <= 3);
  if (modifier === "next" || (forward && modifier !== "last")) {
    return isoDay(r.article + (ahead === 0 && modifier === "next" ? 7 : ahead));
  }
  const back = (w - target + 7) % 7;
  return isoDay(r.article - (back === 0 && modifier === "last" ? 7 : back));
}

const DIGITS = /^\d+$/;
const WHITESPACE = /\s+/g;

function amountOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(WHITESPACE, " ");
  if (DIGITS.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

type Groups = Record<string, string | undefined>;
type Indices = Record<string, [number, number] | undefined>;

/** A year named right after a month (and day): "Jan 14 last year", "March 3 of next year", "in May this year". */
const YEAR_QUALIFIER = /^,?\s+(?:of\s+)?(?<q>last|this|next)\s+year\b/i;

function calendarMention(text: string, m: RegExpExecArray, r: Resolver): Found | undefined {
  const found = calendarDate(text, m, r);
  if (found === undefined || "mention" in found) return found;
  return { mention: found };
}

function calendarDate(text: string, m: RegExpExecArray, r: Resolver): DateMention | Found | undefined {
  const g = (m.groups ?? {}) as Groups;
  const idx = (m.indices?.groups ?? {}) as Indices;
  const start = m.index;
  const end = start + m[0].length;
  const make = (s: number, e: number, date: string | undefined, relative: boolean): DateMention => {
    const mention: DateMention = { start: s, end: e, text: text.slice(s, e), relative };
    if (date !== undefined) mention.date = date;
    return mention;
  };

  if (g.isoY !== undefined) {
    const year = Number(g.isoY);
    const month = Number(g.isoM);
    const day = Number(g.isoD);
    if (!isValidDate(year, month, day)) return undefined;
    const time = g.isoH === undefined ? "" : (isoTime(Number(g.isoH), Number(g.isoMi)) ?? "");
    return make(start, end, `${isoDay(dayNumber(year, month, day))}${time}`, false);
  }

  const n = g.m1 !== undefined ? 1 : g.m2 !== undefined ? 2 : 0;
  if (n > 0) {
    const month = monthNumber(g[`m${n}`] ?? "") ?? 0;
    const day = Number.parseInt(g[`d${n}`] ?? "", 10);
    const yearText = g[`y${n}`];
    if (yearText === undefined) {
      const q = YEAR_QUALIFIER.exec(text.slice(end, end + 24));
      if (q && r.article !== undefined) {
        const word = q.groups?.q?.toLowerCase();
        const year = fromDayNumber(r.article).year + (word === "last" ? -1 : word === "next" ? 1 : 0);
        return { mention: make(start, end + q[0].length, dayIn(year, month, day), true), year };
      }
      const tense = tenseAt(text, start, end);
      return { mention: make(start, end, monthDay(month, day, r, tense), false), yearless: { month, day, tense } };
    }
    const year = Number(yearText);
    if (!isValidDate(year, month, day)) return undefined;
    const hh = g[`hh${n}`];
    const time = hh === undefined ? "" : isoTime(Number(hh), Number(g[`mi${n}`]), undefined, g[`ap${n}`]);
    if (time === undefined) {
      // What followed the year was not a clock time; the date alone still stands.
      const yearEnd = idx[`y${n}`]?.[1] ?? end;
      return { mention: make(start, yearEnd, isoDay(dayNumber(year, month, day)), false), year };
    }
    const zone = g[`tz${n}`] === undefined ? "" : "Z";
    return { mention: make(start, end, `${isoDay(dayNumber(year, month, day))}${time}${zone}`, false), year };
  }

  if (g.m3 !== undefined) {
    const month = monthNumber(g.m3) ?? 0;
    return { mention: make(start, end, isoMonth(Number(g.y3), month), false), year: Number(g.y3) };
  }

  if (g.m5 !== undefined) {
    const pre = g.pre5?.toLowerCase();
    const mod = g.mod5?.toLowerCase();
    if (pre === undefined && mod === undefined) return undefined;
    if (g.m5 === "May" && mod === undefined && pre !== undefined && WEAK_PREPOSITIONS.has(pre)) return undefined;
    const s = idx.mod5?.[0] ?? idx.m5?.[0] ?? start;
    const month = monthNumber(g.m5) ?? 0;
    const key = mod === "last" || mod === "next" || mod === "this" ? mod : "";
    if (key !== "") return make(s, end, bareMonth(month, key, r, "unknown"), true);
    const q = YEAR_QUALIFIER.exec(text.slice(end, end + 24));
    if (q && r.article !== undefined) {
      const word = q.groups?.q?.toLowerCase();
      const year = fromDayNumber(r.article).year + (word === "last" ? -1 : word === "next" ? 1 : 0);
      return { mention: make(s, end + q[0].length, isoMonth(year, month), true), year };
    }
    const tense = tenseAt(text, s, end, true);
    return { mention: make(s, end, bareMonth(month, key, r, tense), false), yearless: { month, tense } };
  }

  if (g.y6 !== undefined) return { mention: make(start, end, isoYear(Number(g.y6)), false), year: Number(g.y6) };

  if (g.y7 !== undefined) {
    if (!readsAsYear(text, start, end)) return undefined;
    return { mention: make(start, end, g.y7, false), year: Number(g.y7) };
  }

  if (g.dec !== undefined) return make(start, end, undefined, false);

  if (g.wd !== undefined) {
    const mod = g.wmod?.toLowerCase();
    const wdStart = idx.wd?.[0] ?? start;
    const includesModifier = mod === "last" || mod === "next" || mod === "this" || mod === "early" || mod === "late";
    const s = includesModifier ? start : wdStart;
    if (mod === undefined) {
      if (afterName(text, wdStart)) return undefined;
      if (g.wpart === undefined && CAPITALISED_WORD_AFTER.test(text.slice(end, end + 3))) return undefined;
    }
    const target = weekdayNumber(g.wd) ?? 0;
    const key = mod === "last" || mod === "next" ? mod : "";
    return make(s, end, weekday(target, key, r, key === "" ? tenseAt(text, s, end) : "unknown"), true);
  }
  return undefined;
}

function relativeMention(text: string, m: RegExpExecArray, r: Resolver): DateMention | undefined {
  const g = (m.groups ?? {}) as Groups;
  const idx = (m.indices?.groups ?? {}) as Indices;
  let start = m.index;
  const end = start + m[0].length;
  let date: string | undefined;
  const a = r.article;
  const ad = a === undefined ? undefined : fromDayNumber(a);

  if (g.agoU !== undefined) {
    const n = amountOf(g.agoN);
    if (a !== undefined && ad !== undefined && n !== undefined) {
      switch (g.agoU.toLowerCase()) {
        case "day":
          date = isoDay(a - n);
          break;
        case "week":
          date = isoDay(a - 7 * n);
          break;
        case "month":
          date = shiftMonth(ad.year, ad.month, -n);
          break;
        case "year":
          date = isoYear(ad.year - n);
          break;
      }
    }
  } else if (g.perU !== undefined) {
    // A stretch of time ending at the article's date is not a point on a timeline; it keeps no date.
    start = idx.perQ?.[0] ?? start;
    const the = /the\s+$/i.exec(text.slice(Math.max(0, start - 4), start));
    if (the) start -= the[0].length;
  } else if (g.simple !== undefined) {
    const word = g.simple.toLowerCase();
    if (g.simple === "Today" && afterName(text, start)) return undefined;
    if (a !== undefined) {
      const offset = word === "yesterday" || /^last/.test(word) ? -1 : word === "tomorrow" ? 1 : 0;
      date = isoDay(a + offset);
    }
  } else if (g.uu !== undefined) {
    const q = (g.uq ?? "").toLowerCase();
    const unit = g.uu.toLowerCase();
    const hasThe = g.the !== undefined;
    if (a !== undefined && ad !== undefined && !hasThe) {
      const by = q === "last" ? -1 : q === "next" ? 1 : q === "this" ? 0 : undefined;
      if (by !== undefined) {
        if (unit === "month") date = shiftMonth(ad.year, ad.month, by);
        else if (unit === "year") date = isoYear(ad.year + by);
        else if (unit === "weekend") date = isoDay(weekend(a, weekendOf(q, text, start, end)));
      }
    }
  } else if (g.wk !== undefined) {
    start = idx.wk?.[0] ?? start;
    if (a !== undefined) date = isoDay(weekend(a, tenseAt(text, start, end) === "future" ? "next" : "past"));
  } else {
    return undefined;
  }
  const mention: DateMention = { start, end, text: text.slice(start, end), relative: true };
  if (date !== undefined) mention.date = date;
  return mention;
}

/** How the dates of one text are resolved. */
export interface ExtractDatesOptions {
  /**
   * A date to resolve against when the text has none of its own (default: none): for an undated article of a
   * story, the story's latest date. It is a guess, so a yearless date far before it takes the year the text
   * itself states for the same event (see {@link yearsFromText}).
   */
  reference?: string;
}

/**
 * Finds dates and times in `text`: absolute ones ("October 7, 2023", "March 2024", "in 2020"), yearless ones
 * ("October 7", "in January") and relative ones ("Monday", "last month", "18 months ago", "two days before ...
 * on Sept 8"), resolving them to ISO dates (partial where the text is: "2025-01") against `articleDate`, the
 * article's own ISO date or date-time, in the direction their clause's tense points (see {@link tenseAt}).
 * Without an article date or a reference, relative and yearless expressions are returned without a `date`.
 *
 * @example extractDates("Talks began on Monday.", "2025-04-09")[0]?.date // "2025-04-07"
 */
export function extractDates(text: string, articleDate?: string, options: ExtractDatesOptions = {}): DateMention[] {
  const guessed = articleDate === undefined && options.reference !== undefined;
  const day = articleDate ?? options.reference;
  const r: Resolver = { article: day === undefined ? undefined : parseIsoDay(day) };
  const found: Found[] = [];
  CALENDAR.lastIndex = 0;
  for (let m = CALENDAR.exec(text); m !== null; m = CALENDAR.exec(text)) {
    const f = calendarMention(text, m, r);
    if (f) found.push(f);
  }
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m !== null; m = RELATIVE.exec(text)) {
    const mention = relativeMention(text, m, r);
    if (mention) found.push({ mention });
  }
  found.sort((x, y) => x.mention.start - y.mention.start || y.mention.end - x.mention.end);
  const kept: Found[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.mention.start < reach) continue;
    kept.push(f);
    reach = f.mention.end;
  }
  shareYears(text, kept);
  frontedYears(text, kept, r.article);
  if (guessed && r.article !== undefined) yearsFromText(text, kept, r.article);
  const out = kept.map((f) => f.mention);
  const offsets = datesByOffset(text, out);
  if (offsets.length === 0) return out;
  return [...out, ...offsets].sort((x, y) => x.start - y.start);
}
