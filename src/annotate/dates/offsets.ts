import type { DateMention } from "../../model/index.js";
import { isoDay, isoMonth, isoYear, parseIsoDay } from "./calendar.js";

/**
 * How many characters may separate "two days before" from the date it counts from ("two days before she died
 * on Sept 8"): a short clause. Further away the date usually belongs to another event.
 */
const OFFSET_REACH = 48;

const SMALL_NUMBERS: Record<string, number> = {
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
};

/**
 * "N days/weeks/months/years before/after", not preceded by a word that makes it a stretch of time ("in the two
 * days after", "for a week before", "the first days after").
 */
const OFFSET = new RegExp(
  String.raw`(?<!\b(?:the|in|within|for|over|during|first|those|these|next|past|last|of|few|some)\s+)\b(?<n>\d{1,2}|${Object.keys(SMALL_NUMBERS).join("|")})\s+(?<u>day|week|month|year)s?\s+(?<dir>before|after)\b`,
  "gi",
);

const STOP = /[.;!?\n]/;

/**
 * Dates given as an offset from a date that follows in the same clause: "two days before she died on Sept 8" is
 * Sept 6, "a week after the vote on May 5" is May 12. `mentions` are the text's other dates, in order; the new
 * mentions span the offset words and are relative.
 *
 * @example datesByOffset(text, extractDates(text, "2025-04-09"))
 */
export function datesByOffset(text: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  OFFSET.lastIndex = 0;
  for (let m = OFFSET.exec(text); m !== null; m = OFFSET.exec(text)) {
    const end = m.index + m[0].length;
    const anchor = mentions.find((d) => d.start >= end);
    if (anchor?.date === undefined || anchor.start - end > OFFSET_REACH) continue;
    if (STOP.test(text.slice(end, anchor.start))) continue;
    const words = m.groups ?? {};
    const n = Number(words.n) || (SMALL_NUMBERS[(words.n ?? "").toLowerCase()] ?? 0);
    const sign = (words.dir ?? "").toLowerCase() === "before" ? -1 : 1;
    const date = shift(anchor.date, (words.u ?? "").toLowerCase(), sign * n);
    if (date === undefined) continue;
    out.push({ start: m.index, end, text: m[0], date, relative: true });
  }
  return out;
}

/** The date `by` units from `iso`, at the precision both allow; undefined when the date is too coarse. */
function shift(iso: string, unit: string, by: number): string | undefined {
  const year = Number(iso.slice(0, 4));
  if (unit === "year") return isoYear(year + by);
  if (unit === "month") {
    if (iso.length < 7) return undefined;
    const index = year * 12 + Number(iso.slice(5, 7)) - 1 + by;
    const month = isoMonth(Math.floor(index / 12), (index % 12) + 1);
    const day = `${month}${iso.slice(7, 10)}`;
    // A day that the shifted month lacks ("a month after January 31") leaves the month alone.
    return iso.length >= 10 && parseIsoDay(day) !== undefined ? day : month;
  }
  const day = parseIsoDay(iso);
  if (day === undefined) return undefined;
  return isoDay(day + by * (unit === "week" ? 7 : 1));
}
