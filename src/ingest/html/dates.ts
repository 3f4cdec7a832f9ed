/**
 * Dates as web pages write them: ISO 8601 and RFC 2822 in metadata, numeric and spelled-out dates in
 * visible text (English, German, French, Spanish, Italian, Portuguese, Dutch, Polish month names), and
 * dates in URLs. Results are ISO strings: "2025-04-08" or "2025-04-08T11:24" in the page's own local time.
 */

/** Earliest publication date taken as plausible: the web's news archives barely reach further back. */
export const MIN_YEAR = 1995;

const MONTH_NAMES: [number, string[]][] = [
  [
    1,
    [
      "january",
      "jan",
      "januar",
      "jänner",
      "janvier",
      "janv",
      "enero",
      "ene",
      "gennaio",
      "gen",
      "janeiro",
      "januari",
      "stycznia",
      "styczeń",
    ],
  ],
  [
    2,
    [
      "february",
      "feb",
      "februar",
      "feber",
      "février",
      "fevrier",
      "févr",
      "fev",
      "febrero",
      "febbraio",
      "fevereiro",
      "februari",
      "lutego",
      "luty",
    ],
  ],
  [3, ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "marca", "marzec"]],
  [4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień"]],
  [5, ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj"]],
  [6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec"]],
  [7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec"]],
  [8, ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień"]],
  [
    9,
    [
      "september",
      "sep",
      "sept",
      "septembre",
      "septiembre",
      "setiembre",
      "settembre",
      "set",
      "setembro",
      "września",
      "wrzesień",
    ],
  ],
  [
    10,
    [
      "october",
      "oct",
      "oktober",
      "okt",
      "octobre",
      "octubre",
      "ottobre",
      "ott",
      "outubro",
      "out",
      "października",
      "październik",
    ],
  ],
  [11, ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"]],
  [
    12,
    [
      "december",
      "dec",
      "dezember",
      "dez",
      "décembre",
      "decembre",
      "déc",
      "diciembre",
      "dic",
      "dicembre",
      "dezembro",
      "grudnia",
      "grudzień",
    ],
  ],
];

const MONTHS = new Map<string, number>();
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS.set(name, n);

const MONTH_ALTERNATION = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");
const MONTH = `(${MONTH_ALTERNATION})\\.?`;
const TIME = String.raw`(?:[,\s]+(?:at\s+|um\s+|à\s+|-\s*|\|\s*)?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(?:([ap])\.?m\.?)?(?![\w]))?`;

/** "April 8, 2025", "Apr. 8th 2025" */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)${TIME}`,
  "iu",
);
/** "8 April 2025", "8. April 2025", "8 de abril de 2025", "8th of April, 2025" */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+)?${MONTH}(?:,?\s+de|,)?\s+(\d{4})(?!\d)${TIME}`,
  "iu",
);
/** "2025-04-08", "2025/04/08", "2025.04.08", also with a time. */
const YEAR_FIRST = new RegExp(String.raw`(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)${TIME}`, "u");
/** "08.04.2025", "8/4/2025", "08-04-2025": day first unless the page is American English. */
const NUMERIC = new RegExp(String.raw`(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])${TIME}`, "u");

const ISO_FULL =
  /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

/** A date found in a string. */
export interface FoundDate {
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
  iso: string;
  index: number;
  length: number;
}

/** Options for reading numeric dates. */
export interface DateOptions {
  /** Read "04/08/2025" as April 8 (American order). Default false: day first, as most of the world writes. */
  monthFirst?: boolean;
  /** Dates after this one are not publication dates. Default: tomorrow. */
  latest?: Date;
}

/**
 * Parses a date value from metadata: ISO 8601, RFC 2822, Unix time, or any form {@link findDate} reads.
 *
 * @example parseDateValue("2025-04-08T11:24:00+02:00") // "2025-04-08T11:24"
 */
export function parseDateValue(value: string, options: DateOptions = {}): string | undefined {
  const v = value.trim();
  if (v.length === 0 || v.length > 200) return undefined;
  if (/^\d{10}(?:\d{3})?$/.test(v)) {
    const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
    const d = new Date(ms);
    return plausible(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), options)
      ? d.toISOString().slice(0, 16)
      : undefined;
  }
  const iso = ISO_FULL.exec(v);
  if (iso && (v.length <= 10 || /^\d{4}-\d{2}-\d{2}|^\d{8}T/.test(v))) {
    const [, y, m, d, hh, mm] = iso;
    if (!plausible(Number(y), Number(m), Number(d), options)) return undefined;
    return `${y}-${m}-${d}${hh && mm && !(hh === "00" && mm === "00") ? `T${hh}:${mm}` : ""}`;
  }
  return findDate(v, options)?.iso;
}

/**
 * The first date written in a text, in any of the forms this module reads.
 *
 * @example findDate("Posted on 8. April 2025 by admin")?.iso // "2025-04-08"
 */
export function findDate(text: string, options: DateOptions = {}): FoundDate | undefined {
  return findAllDates(text, options)[0];
}

/** Every date written in a text, in order. */
export function findAllDates(text: string, options: DateOptions = {}): FoundDate[] {
  const out: FoundDate[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => string | undefined][] = readers(options);
  for (const [pattern, read] of patterns) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      const iso = read(m as RegExpExecArray);
      if (iso) out.push({ iso, index: m.index ?? 0, length: m[0].length });
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out.filter((d, i) => i === 0 || d.index >= (out[i - 1] as FoundDate).index + (out[i - 1] as FoundDate).length);
}

function readers(options: DateOptions): [RegExp, (m: RegExpExecArray) => string | undefined][] {
  return [
    [YEAR_FIRST, (m) => build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], options)],
    [MONTH_DAY_YEAR, (m) => build(Number(m[3]), monthNumber(m[1]), Number(m[2]), m[4], m[5], m[6], options)],
    [DAY_MONTH_YEAR, (m) => build(Number(m[3]), monthNumber(m[2]), Number(m[1]), m[4], m[5], m[6], options)],
    [
      NUMERIC,
      (m) => {
        let a = Number(m[1]);
        let b = Number(m[3]);
        const yearText = m[4] ?? "";
        // Two-digit years are only read in the dotted European form, where "08.04.25" is unambiguous enough.
        if (yearText.length === 2 && m[2] !== ".") return undefined;
        const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
        if (options.monthFirst ? a > 12 : b > 12) [a, b] = [b, a];
        const [day, month] = options.monthFirst ? [b, a] : [a, b];
        return build(year, month, day, m[5], m[6], m[7], options);
      },
    ],
  ];
}

function monthNumber(name: string | undefined): number {
  return MONTHS.get((name ?? "").toLowerCase().replace(/\.$/, "")) ?? 0;
}

function build(
  year: number,
  month: number,
  day: number,
  hh: string | undefined,
  mm: string | undefined,
  ampm: string | undefined,
  options: DateOptions,
): string | undefined {
  if (!plausible(year, month, day, options)) return undefined;
  let out = `${year}-${pad(month)}-${pad(day)}`;
  if (hh && mm) {
    let hour = Number(hh);
    if (ampm?.toLowerCase() === "p" && hour < 12) hour += 12;
    if (ampm?.toLowerCase() === "a" && hour === 12) hour = 0;
    if (hour < 24 && Number(mm) < 60) out += `T${pad(hour)}:${mm}`;
  }
  return out;
}

/** A real calendar day within the range a web page can have been published in. */
export function plausible(year: number, month: number, day: number, options: DateOptions = {}): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const latest = options.latest ?? new Date(Date.now() + 86_400_000);
  return Date.UTC(year, month - 1, day) <= latest.getTime();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "/2025/04/08/", "/2025-04-08-", "/20250408/" */
const URL_DAY = /[/_-](\d{4})[/_-]?(\d{2})[/_-]?(\d{2})(?=[/_.-]|$)/;
/** "/08-04-2025-fire", "/news/08.04.2025/" */
const URL_DAY_FIRST = /[/_-](\d{2})[-_.](\d{2})[-_.](\d{4})(?=[/_.-]|$)/;
/** "/2025/04/" */
const URL_MONTH = /\/(\d{4})\/(\d{2})\//;

/**
 * The date in a URL's path, when it has one: a full day, or a month ("2025-04") when only that is there.
 *
 * @example dateFromUrl("https://example.org/2025/04/08/fire-at-port") // "2025-04-08"
 */
export function dateFromUrl(url: string, options: DateOptions = {}): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const day = URL_DAY.exec(path);
  if (day) {
    const [, y, m, d] = day;
    if (plausible(Number(y), Number(m), Number(d), options)) return `${y}-${m}-${d}`;
  }
  const dayFirst = URL_DAY_FIRST.exec(path);
  if (dayFirst) {
    const [, d, m, y] = dayFirst;
    if (plausible(Number(y), Number(m), Number(d), options)) return `${y}-${m}-${d}`;
  }
  const month = URL_MONTH.exec(path);
  if (month) {
    const [, y, m] = month;
    if (plausible(Number(y), Number(m), 1, options)) return `${y}-${m}`;
  }
  return undefined;
}
