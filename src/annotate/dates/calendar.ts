/** Full month names, capitalised as news copy writes them; a bare name needs a cue before it to count. */
export const MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December";

/** Short month names; these only count next to a day or a year ("Apr. 8", "Sept 2024"). */
export const MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/** A month name, full or short (with its optional period), as a regex source. */
export const MONTH_ANY = `(?:(?:${MONTH_FULL})\\b|(?:${MONTH_ABBR})\\b\\.?)`;

export const WEEKDAY_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

const MONTH_NUMBER = new Map<string, number>([
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
]);

const WEEKDAY_NUMBER = new Map<string, number>([
  ["sun", 0],
  ["mon", 1],
  ["tue", 2],
  ["wed", 3],
  ["thu", 4],
  ["fri", 5],
  ["sat", 6],
]);

/** 1–12 for a month name in any case or length ("Sept.", "october"); undefined for anything else. */
export function monthNumber(name: string): number | undefined {
  return MONTH_NUMBER.get(name.slice(0, 3).toLowerCase());
}

/** 0 (Sunday) – 6 (Saturday) for a weekday name; undefined for anything else. */
export function weekdayNumber(name: string): number | undefined {
  return WEEKDAY_NUMBER.get(name.slice(0, 3).toLowerCase());
}

const MS_PER_DAY = 86_400_000;

/** A calendar day as a count of days since 1970-01-01, so that day arithmetic is plain integer arithmetic. */
export type DayNumber = number;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 (Sunday) – 6 (Saturday). */
export function weekdayOf(n: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

export function isoYear(year: number): string {
  return String(year).padStart(4, "0");
}

export function isoMonth(year: number, month: number): string {
  return `${isoYear(year)}-${pad2(month)}`;
}

export function isoDay(n: DayNumber): string {
  const { year, month, day } = fromDayNumber(n);
  return `${isoMonth(year, month)}-${pad2(day)}`;
}

/**
 * "THH:MM" (with ":SS" when given) from a clock reading, turning 12-hour times with am/pm into 24-hour ones;
 * undefined when the reading is not a time of day.
 */
export function isoTime(hour: number, minute: number, second?: number, meridiem?: string): string | undefined {
  let h = hour;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith("p");
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || minute > 59 || (second !== undefined && second > 59)) return undefined;
  return `T${pad2(h)}:${pad2(minute)}${second === undefined ? "" : `:${pad2(second)}`}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/**
 * Reads the calendar day at the start of an ISO date or date-time ("2025-04-07", "2025-04-07T10:00:00Z");
 * the day as written, ignoring any offset, because that is the day the article's words refer to.
 */
export function parseIsoDay(iso: string): DayNumber | undefined {
  const m = ISO_DAY.exec(iso.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : undefined;
}
