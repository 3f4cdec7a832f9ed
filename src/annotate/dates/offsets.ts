import type { DateMention } from "../../model/index.js";
import { parseNumberWords } from "../../words/numbers.js";
import { isoDay, isoMonth, isoYear, parseIsoDay } from "./calendar.js";

/**
 * How many characters may separate "two days before" from the date it counts from ("three days before the mill
 * closed on Aug 17"): a short clause. Further away the date usually belongs to another event.
 */
const OFFSET_REACH = 48;

/** The amounts an offset is counted in: a numeral, "a"/"an", or a number word up to twelve. */
const SMALL_AMOUNT = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

function amountOf(word: string): number {
  if (/^an?$/i.test(word)) return 1;
  return Number(word) || (parseNumberWords(word.toLowerCase())?.value ?? 0);
}

/** Where the search starts: "before"/"after" are rarer in text than amounts and units, and cheap to find. */
const DIRECTION = /\b(?:before|after)\b/g;

/** The unit right before the direction word. */
const UNIT_BEFORE = /\b(?<u>day|week|month|year)s?\s+$/i;

/**
 * The amount right before the unit, not preceded by a word that makes it a stretch of time ("in the two days
 * after", "for a week before", "the first days after").
 */
const AMOUNT_BEFORE = new RegExp(
  String.raw`(?<!\b(?:the|in|within|for|over|during|first|those|these|next|past|last|of|few|some)\s+)\b(?<n>\d{1,2}|${SMALL_AMOUNT})\s+$`,
  "i",
);

const STOP = /[.;!?\n]/;

/**
 * Dates given as an offset from a date that follows in the same clause: "three days before the mill closed on Aug 17"
 * is Aug 14, "a week after the vote on May 5" is May 12. `mentions` are the text's other dates, in order; the new
 * mentions span the offset words and are relative.
 *
 * @example datesByOffset(text, extractDates(text, "2025-04-09"))
 */
export function datesByOffset(text: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  DIRECTION.lastIndex = 0;
  for (let d = DIRECTION.exec(text); d !== null; d = DIRECTION.exec(text)) {
    const unitHead = text.slice(Math.max(0, d.index - 10), d.index);
    const unit = UNIT_BEFORE.exec(unitHead);
    if (!unit) continue;
    const unitStart = d.index - unitHead.length + unit.index;
    const head = text.slice(Math.max(0, unitStart - 40), unitStart);
    const amount = AMOUNT_BEFORE.exec(head);
    if (!amount) continue;
    const start = unitStart - head.length + amount.index;
    const end = d.index + d[0].length;
    const anchor = mentions.find((d) => d.start >= end);
    if (anchor?.date === undefined || anchor.start - end > OFFSET_REACH) continue;
    if (STOP.test(text.slice(end, anchor.start))) continue;
    const n = amountOf(amount.groups?.n ?? "");
    const sign = d[0] === "before" ? -1 : 1;
    const date = shift(anchor.date, (unit.groups?.u ?? "").toLowerCase(), sign * n);
    if (date === undefined) continue;
    out.push({ start, end, text: text.slice(start, end), date, relative: true });
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
