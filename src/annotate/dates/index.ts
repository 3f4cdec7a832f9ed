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
import { readsAsYear } from "./year.js";

export { looksPlural, readsAsYear } from "./year.js";

/**
 * How far past the article's date a date written without a year ("October 7", "in May") may lie and still be
 * read in the article's year. News mostly reports what has happened, so such dates are taken to be the latest
 * occurrence; two weeks leaves room for events announced as imminent ("talks on April 15" in an April 7 story)
 * without pulling last October into next October.
 */
export const FUTURE_WINDOW_DAYS = 14;

/**
 * How many characters before a date are searched for a future cue ("will meet on Monday"), within the same
 * sentence. About one clause; further back the cue usually governs something else.
 */
const FUTURE_CUE_REACH = 80;

/**
 * A word before the date, in the same sentence, that points forward in time; an infinitive of a verb that
 * names a coming event ("agreed to resume talks on Tuesday") does too.
 */
const FUTURE_CUE =
  /\b(?:will|shall|is to|are to|is due|are due|due to|scheduled|set to|expected to|plans? to|planning to|upcoming|to be held|to (?:resume|meet|hold|begin|start|restart|reopen|return|visit|vote|sign|announce|decide|travel))\b[^.!?\n]*$/i;

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

function futureCue(text: string, start: number): boolean {
  return FUTURE_CUE.test(text.slice(Math.max(0, start - FUTURE_CUE_REACH), start));
}

interface Resolver {
  article: DayNumber | undefined;
}

/** The year in which a month/day without a year falls, per {@link FUTURE_WINDOW_DAYS}. */
function yearFor(month: number, day: number, article: DayNumber, future: boolean): number {
  const { year } = fromDayNumber(article);
  const valid = isValidDate(year, month, day) ? day : 28;
  if (future) return dayNumber(year, month, valid) < article ? year + 1 : year;
  return dayNumber(year, month, valid) > article + FUTURE_WINDOW_DAYS ? year - 1 : year;
}

function monthDay(month: number, day: number, r: Resolver, future: boolean): string | undefined {
  if (r.article === undefined) return undefined;
  const year = yearFor(month, day, r.article, future);
  return isValidDate(year, month, day) ? isoDay(dayNumber(year, month, day)) : undefined;
}

function shiftMonth(year: number, month: number, by: number): string {
  const index = year * 12 + (month - 1) + by;
  return isoMonth(Math.floor(index / 12), (index % 12) + 1);
}

function bareMonth(month: number, modifier: string, r: Resolver, future: boolean): string | undefined {
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
      return isoMonth(yearFor(month, 1, r.article, future), month);
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

function weekday(target: number, modifier: string, r: Resolver, future: boolean): string | undefined {
  if (r.article === undefined) return undefined;
  const w = weekdayOf(r.article);
  if (modifier === "next" || (future && modifier !== "last")) {
    const ahead = (target - w + 7) % 7;
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

function calendarMention(text: string, m: RegExpExecArray, r: Resolver): DateMention | undefined {
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
      return make(start, end, monthDay(month, day, r, futureCue(text, start)), false);
    }
    const year = Number(yearText);
    if (!isValidDate(year, month, day)) return undefined;
    const hh = g[`hh${n}`];
    const time = hh === undefined ? "" : isoTime(Number(hh), Number(g[`mi${n}`]), undefined, g[`ap${n}`]);
    if (time === undefined) {
      // What followed the year was not a clock time; the date alone still stands.
      const yearEnd = idx[`y${n}`]?.[1] ?? end;
      return make(start, yearEnd, isoDay(dayNumber(year, month, day)), false);
    }
    const zone = g[`tz${n}`] === undefined ? "" : "Z";
    return make(start, end, `${isoDay(dayNumber(year, month, day))}${time}${zone}`, false);
  }

  if (g.m3 !== undefined) {
    const month = monthNumber(g.m3) ?? 0;
    return make(start, end, isoMonth(Number(g.y3), month), false);
  }

  if (g.m5 !== undefined) {
    const pre = g.pre5?.toLowerCase();
    const mod = g.mod5?.toLowerCase();
    if (pre === undefined && mod === undefined) return undefined;
    if (g.m5 === "May" && mod === undefined && pre !== undefined && WEAK_PREPOSITIONS.has(pre)) return undefined;
    const s = idx.mod5?.[0] ?? idx.m5?.[0] ?? start;
    const month = monthNumber(g.m5) ?? 0;
    const key = mod === "last" || mod === "next" || mod === "this" ? mod : "";
    return make(s, end, bareMonth(month, key, r, futureCue(text, start)), key !== "");
  }

  if (g.y6 !== undefined) return make(start, end, isoYear(Number(g.y6)), false);

  if (g.y7 !== undefined) {
    if (!readsAsYear(text, start, end)) return undefined;
    return make(start, end, g.y7, false);
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
    return make(s, end, weekday(target, key, r, futureCue(text, s)), true);
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
        else if (unit === "weekend") date = isoDay(weekend(a, q === "last" ? "past" : q === "next" ? "next" : "this"));
      }
    }
  } else if (g.wk !== undefined) {
    start = idx.wk?.[0] ?? start;
    if (a !== undefined) date = isoDay(weekend(a, futureCue(text, start) ? "next" : "past"));
  } else {
    return undefined;
  }
  const mention: DateMention = { start, end, text: text.slice(start, end), relative: true };
  if (date !== undefined) mention.date = date;
  return mention;
}

/**
 * Finds dates and times in `text`: absolute ones ("October 7, 2023", "March 2024", "in 2020"), yearless ones
 * ("October 7", "in January") and relative ones ("Monday", "last month", "18 months ago"), resolving them to
 * ISO dates (partial where the text is: "2025-01") against `articleDate`, the article's own ISO date or
 * date-time. Without an article date, relative and yearless expressions are returned without a `date`.
 *
 * @example extractDates("Talks began on Monday.", "2025-04-09")[0]?.date // "2025-04-07"
 */
export function extractDates(text: string, articleDate?: string): DateMention[] {
  const r: Resolver = { article: articleDate === undefined ? undefined : parseIsoDay(articleDate) };
  const found: DateMention[] = [];
  CALENDAR.lastIndex = 0;
  for (let m = CALENDAR.exec(text); m !== null; m = CALENDAR.exec(text)) {
    const mention = calendarMention(text, m, r);
    if (mention) found.push(mention);
  }
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m !== null; m = RELATIVE.exec(text)) {
    const mention = relativeMention(text, m, r);
    if (mention) found.push(mention);
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: DateMention[] = [];
  let reach = -1;
  for (const mention of found) {
    if (mention.start < reach) continue;
    out.push(mention);
    reach = mention.end;
  }
  return out;
}
