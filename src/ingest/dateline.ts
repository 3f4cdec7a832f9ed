const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
// The time is optional; the first sentence may follow with no space at all ("09:41A ferry ran ...").
const TIME =
  "(?:(?:,?\\s*(?:at\\s+)?|\\s*[-–|]\\s*)(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?(?!\\d)(?:\\s*([ap])\\.?m\\.?(?![a-z]))?(?:\\s*(GMT|UTC|Z|[ECMP][SD]T|CES?T|BST|IST)(?![a-z]))?)?";
/** A label before the date on many pages: "Updated: March 14, 2026". */
const LABEL = "(?:(?:published|updated|posted|last updated)(?:\\s+on)?:?\\s+)?";
const WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
const MONTH_FIRST = new RegExp(
  `^\\s*${LABEL}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)${TIME}`,
  "i",
);
const DAY_FIRST = new RegExp(
  `^\\s*${LABEL}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)${TIME}`,
  "i",
);
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/;

const DATE_ONLY = (monthFirst: boolean) =>
  monthFirst
    ? new RegExp(`^\\s*${LABEL}${WEEKDAY}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, "i")
    : new RegExp(`^\\s*${LABEL}${WEEKDAY}\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}`, "i");

/** A date found at the start of a string: its ISO form and where it ends. */
export interface Dateline {
  date: string;
  end: number;
}

/**
 * Recognises a dateline at the start of a string ("March 14, 2026 09:41", "14 March 2026", "2026-03-14"),
 * also when the first sentence follows with no space.
 *
 * @example parseDateline("March 14, 2026 09:41A ferry ran ...") // { date: "2026-03-14T09:41", end: 20 }
 */
export function parseDateline(line: string): Dateline | undefined {
  let m = ISO.exec(line);
  if (m) {
    const [, y, mo, d, hh, mm, ss, zone] = m;
    if (!validDate(Number(y), Number(mo), Number(d))) return undefined;
    const time = hh && mm ? `T${hh}:${mm}${ss ? `:${ss}` : ""}${zone ?? ""}` : "";
    return { date: `${y}-${mo}-${d}${time}`, end: m[0].length };
  }
  m = MONTH_FIRST.exec(line);
  const monthFirst = Boolean(m);
  m ??= DAY_FIRST.exec(line);
  if (!m) return undefined;
  const [, a, b, year, hh, mm, ss, ampm, zone] = m;
  const monthName = (monthFirst ? a : b) ?? "";
  const day = Number(monthFirst ? b : a);
  const month = MONTHS[monthName.toLowerCase().replace(".", "")];
  if (!month || !validDate(Number(year), month, day)) return undefined;
  let date = `${year}-${pad(month)}-${pad(day)}`;
  if (hh && mm) {
    let hour = Number(hh);
    if (ampm?.toLowerCase() === "p" && hour < 12) hour += 12;
    if (ampm?.toLowerCase() === "a" && hour === 12) hour = 0;
    if (hour < 24 && Number(mm) < 60) {
      const utc = zone && /^(?:GMT|UTC|Z)$/i.test(zone) ? "Z" : "";
      date += `T${pad(hour)}:${mm}${ss ? `:${ss}` : ""}${utc}`;
    } else {
      // What looked like a time is not one: the dateline is the date alone.
      return { date, end: (line.match(DATE_ONLY(monthFirst)) ?? [""])[0].length };
    }
  }
  return { date, end: m[0].length };
}

/**
 * A real calendar day that a report can have been published on: from 1900 to tomorrow (a time zone ahead).
 * A later "date" at the head of a text is a figure or a typo, and taken as the date it would move every
 * relative date of the article, and a stream's clock, years ahead.
 */
function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false;
  return Date.UTC(y, m - 1, d) <= Date.now() + DAY_MS;
}

const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
