import { isoMonth, isoTime, isValidDate, MONTH_ANY, monthNumber } from "./calendar.js";

const DATE_PART = [
  String.raw`^\s*(?:(?:published|updated|posted|last updated)(?:\s+on)?:?\s+)?`,
  String.raw`(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?`,
  "(?:",
  String.raw`(?<isoY>\d{4})-(?<isoM>\d{2})-(?<isoD>\d{2})`,
  String.raw`|(?<mdM>${MONTH_ANY})\s+(?<mdD>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<mdY>\d{4})`,
  String.raw`|(?<dmD>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<dmM>${MONTH_ANY}),?\s+(?<dmY>\d{4})`,
  String.raw`)(?!\d)`,
].join("");

const TIME_PART = [
  String.raw`(?:(?:T|,?\s+(?:at\s+)?|\s*[-–|]\s*)(?<h>\d{1,2})[:.](?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?(?!\d)`,
  String.raw`(?:\s*(?<ap>[ap]\.?m\b\.?))?`,
  String.raw`(?:\s*(?<tz>GMT|UTC|Z)\b)?)?`,
].join("");

/**
 * A dateline at the start of a string: an optional "Updated"/"Published" label and weekday, a full date
 * (month-day-year, day-month-year or ISO), then an optional clock time and GMT/UTC. Case-insensitive because
 * datelines are often set in capitals; anchored, so it cannot wander into the sentence that follows.
 */
const DATELINE = new RegExp(DATE_PART + TIME_PART, "i");

/** The same without the time, for when what looked like a time is not one ("April 8, 2025 - 35.80"). */
const DATELINE_DATE_ONLY = new RegExp(DATE_PART, "i");

/**
 * Recognises a dateline at the start of `line` and returns its ISO date or date-time and the offset where the
 * dateline ends (right before whatever follows, even when the first sentence is glued to it). A time given as
 * GMT or UTC gets a "Z"; other times are left without an offset, as written.
 *
 * @example parseDateline("April 8, 2025 11:24A number of...") // { date: "2025-04-08T11:24", end: 19 }
 */
export function parseDateline(line: string): { date: string; end: number } | undefined {
  const m = DATELINE.exec(line);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const year = Number(g.isoY ?? g.mdY ?? g.dmY);
  const month = g.isoM !== undefined ? Number(g.isoM) : monthNumber(g.mdM ?? g.dmM ?? "");
  const day = Number(g.isoD ?? g.mdD ?? g.dmD);
  if (month === undefined || !isValidDate(year, month, day)) return undefined;
  const date = `${isoMonth(year, month)}-${String(day).padStart(2, "0")}`;
  if (g.h === undefined || g.mi === undefined) return { date, end: m[0].length };
  const time = isoTime(Number(g.h), Number(g.mi), g.s === undefined ? undefined : Number(g.s), g.ap);
  if (time === undefined) {
    const d = DATELINE_DATE_ONLY.exec(line);
    return d ? { date, end: d[0].length } : undefined;
  }
  return { date: `${date}${time}${g.tz === undefined ? "" : "Z"}`, end: m[0].length };
}
