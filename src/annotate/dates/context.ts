import type { DateMention } from "../../model/index.js";
import { type DayNumber, dayNumber, isoDay, isoMonth, isValidDate } from "./calendar.js";
import type { Tense } from "./tense.js";
import { sentenceBounds } from "./tense.js";

/** A date as found, with what the context passes need: whether its year was written, or left for context. */
export interface Found {
  mention: DateMention;
  /** The year the words state ("2021", "last year"), when they do. */
  year?: number;
  /** A month (and day) written without a year and resolved against the reference date alone. */
  yearless?: { month: number; day?: number; tense: Tense };
}

/** What joins two dates of one span or list: "Nov 3 and Nov 5, 2021", "March 30 to April 2 last year". */
const CONNECTOR = /^\s*(?:and|or|to|until|till|through|-|–|—)\s*(?:on\s+)?$/;

function settle(f: Found, year: number): void {
  const y = f.yearless;
  if (y === undefined) return;
  if (y.day === undefined) f.mention.date = isoMonth(year, y.month);
  else if (isValidDate(year, y.month, y.day)) f.mention.date = isoDay(dayNumber(year, y.month, y.day));
  else delete f.mention.date;
  f.year = year;
  delete f.yearless;
}

/**
 * A month and day without a year joined to a date that states one takes its year ("between Nov 3 and Nov 5
 * last year"), the year before when it would otherwise come after it ("Dec 30 to Jan 2, 2021"). `found` is in
 * text order.
 */
export function shareYears(text: string, found: Found[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i] as Found;
    const b = found[i + 1] as Found;
    if (a.yearless === undefined || b.year === undefined || b.yearless !== undefined) continue;
    // "from June 1 to 2026" joins a day to a year, not a day to a day of that year.
    if ((b.mention.date ?? "").length < 7) continue;
    if (!CONNECTOR.test(text.slice(a.mention.end, b.mention.start))) continue;
    const bDate = b.mention.date ?? "";
    const bMonth = Number(bDate.slice(5, 7)) || 12;
    const bDay = Number(bDate.slice(8, 10)) || 31;
    const later = a.yearless.month > bMonth || (a.yearless.month === bMonth && (a.yearless.day ?? 1) > bDay);
    settle(a, later ? b.year - 1 : b.year);
  }
}

/** A sentence that opens on a year: "In 2021, ...", "Back in 2019, ...", "Later in 2020, ...". */
const FRONTED_YEAR = /^["“‘']?(?:(?:back|later|earlier|early|late)\s+)?in\s+(?<y>\d{4}),/i;

/**
 * A yearless date in a sentence that opens on a year ("In 2021, a nurse gave the wrong dose on January 14")
 * takes that year when no other year comes between and its clause is not in the future; in dated and undated
 * articles alike, since the writer has just said which year the sentence is about.
 */
export function frontedYears(text: string, found: Found[], reference: DayNumber | undefined): void {
  const referenceYear = reference === undefined ? undefined : new Date(reference * 86_400_000).getUTCFullYear();
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as Found;
    if (f.yearless === undefined || f.yearless.tense === "future") continue;
    const [s] = sentenceBounds(text, f.mention.start, f.mention.end);
    const m = FRONTED_YEAR.exec(text.slice(s, f.mention.start));
    if (!m) continue;
    const year = Number(m.groups?.y);
    if (referenceYear !== undefined && year > referenceYear) continue;
    // Another stated year between the opening one and the date governs it instead.
    const between = found.filter((g, j) => j < i && g.mention.start > s + m[0].length && g.year !== undefined);
    if (between.length > 0) continue;
    settle(f, year);
  }
}

/**
 * How long before the reference date a yearless date in an undated article is still read in the reference's
 * year: a season. The reference is only the story's latest date; an undated article is published near it, and a
 * writer leaves out the year of something recent. Of something older, the year is left out because the text
 * gives it elsewhere.
 */
export const UNDATED_RECENT_DAYS = 90;

/**
 * How many content words a sentence must share with the sentence that states a year for that year to be the
 * yearless date's: two are shared by chance between any sentences of one story (its main actors and place);
 * three name the same event ("the outbreak of the war in Kessania in 2031" / "the war in Kessania, which began on ...").
 */
export const MIN_SHARED_TOPIC_WORDS = 3;

const WORD = /[a-z][a-z'’-]*/g;
const STEM = /(?:ing|ed|es|s)$/;
const STOP = new Set(
  "the and for with that this from have has had been were was are will would their they them there these those which who whom what when where while after before since until over into also only more most than then such some other about said says could should may might can its his her our your not but all any one two three year years month months day days week weeks last next first new".split(
    " ",
  ),
);

function topicWords(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(WORD) ?? []) {
    if (w.length < 3 || STOP.has(w)) continue;
    const stem = w.length > 5 ? w.replace(STEM, "") : w.replace(/s$/, "");
    out.add(stem);
  }
  return out;
}

/**
 * In an article without a date of its own, gives a yearless date that would lie more than
 * {@link UNDATED_RECENT_DAYS} before the reference the year the article itself states for that event: the year
 * of the sentence that shares at least {@link MIN_SHARED_TOPIC_WORDS} content words with the date's own (its own
 * sentence first), when that year is also the latest the article states and is before the reference's year.
 * Otherwise the reference reading stands. Future-tense dates keep it: the article's stated years are its past.
 * An article's own date is not second-guessed so: there a yearless date months back is as often this year's
 * ("said in a report published in June") while the text names an older year on the same topic.
 */
export function yearsFromText(text: string, found: Found[], reference: DayNumber): void {
  const stated = found.filter((f) => f.year !== undefined && f.yearless === undefined && !f.mention.relative);
  if (stated.length === 0) return;
  const latest = Math.max(...stated.map((f) => f.year as number));
  const bounds = new Map<number, [number, number]>();
  const sentenceOf = (f: Found): [number, number] => {
    const [s, e] = sentenceBounds(text, f.mention.start, f.mention.end);
    bounds.set(f.mention.start, [s, e]);
    return [s, e];
  };
  for (const f of found) {
    const y = f.yearless;
    if (y === undefined || y.tense === "future" || f.mention.date === undefined) continue;
    const at = Date.parse(f.mention.date.length === 7 ? `${f.mention.date}-01` : f.mention.date) / 86_400_000;
    if (reference - at <= UNDATED_RECENT_DAYS) continue;
    const referenceYear = Number(f.mention.date.slice(0, 4));
    if (latest >= referenceYear) continue;
    const [s, e] = sentenceOf(f);
    const words = topicWords(text.slice(s, e));
    let best: { year: number; shared: number } | undefined;
    for (const g of stated) {
      const [gs, ge] = bounds.get(g.mention.start) ?? sentenceOf(g);
      const shared = gs === s ? Number.POSITIVE_INFINITY : overlap(words, topicWords(text.slice(gs, ge)));
      if (best === undefined || shared > best.shared) best = { year: g.year as number, shared };
    }
    if (best !== undefined && best.shared >= MIN_SHARED_TOPIC_WORDS && best.year === latest) settle(f, latest);
  }
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
