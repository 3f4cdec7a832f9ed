import { MONTH_FULL } from "./calendar.js";

/** Words right before a four-digit number that make it a year whatever follows ("in 2000", "since 1990"). */
const YEAR_CUE_BEFORE = new RegExp(
  String.raw`(?:\b(?:in|since|until|till|during|before|after|circa|year|fiscal|early|mid|late|spring|summer|autumn|fall|winter)|\bc\.|\b(?:${MONTH_FULL})(?:\s+\d{1,2})?,?)[\s-]+$`,
  "i",
);

/** Words right before a number that make it an amount, not a year ("more than 2000", "$2000"). */
const AMOUNT_CUE_BEFORE =
  /(?:[$£€¥₹]\s?|\b(?:more than|over|at least|nearly|almost|about|around|approximately|roughly|some|estimated|up to|as many as|fewer than|less than|at most|than|total of|tally of|toll of|count of|of about|of some)\s+)$/i;

/** A determiner or possessive before the number makes "the 2024 elections" a year, not 2024 elections. */
const DETERMINER_BEFORE = /(?:\b(?:the|its|their|his|her|our|this|that|these|those|a|an)|['’]s)\s+$/i;

/** A percent sign or word after the number makes it an amount. */
const PERCENT_AFTER = /^\s?(?:%|per\s?cent\b|percent\b)/i;

/** The first word after the number. */
const NEXT_WORD = /^[\s-]+([A-Za-z][A-Za-z'’]*)/;

/** Plurals that do not end in -s, common as the thing a number counts. */
const IRREGULAR_PLURALS = new Set([
  "people",
  "men",
  "women",
  "children",
  "police",
  "personnel",
  "staff",
  "cattle",
  "sheep",
  "feet",
  "dead",
]);

/** Words ending in -s that are not plurals of a counted thing. */
const NOT_PLURAL = new Set(["news", "series", "species", "its", "this", "was", "is", "has", "his", "as", "us"]);

const SINGULAR_IN_S = /(?:ss|us|is|['’]s)$/;
const FOUR_DIGITS = /^\d{4}$/;

/** True when a word looks like a plural noun (soldiers, people) rather than a singular or a verb. */
export function looksPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURAL.has(w)) return false;
  return w.length > 2 && w.endsWith("s") && !SINGULAR_IN_S.test(w);
}

/** Earliest and latest values read as a year without a cue word before them; outside this, a cue is required. */
const BARE_YEAR_MIN = 1900;
const YEAR_MAX = 2099;
const YEAR_MIN = 1000;

/**
 * Whether the four-digit integer at text[start, end) is a year rather than a count. A number between 1900 and
 * 2099 is a year ("in 2023", "the 2020 drone strike") unless an amount word comes before it ("more than 2000",
 * "$2000") or a plural noun follows without a determiner ("2000 people"); 1000–1899 is a year only after a
 * cue word ("in 1848"), since such a bare number in news copy is usually a count.
 */
export function readsAsYear(text: string, start: number, end: number): boolean {
  const digits = text.slice(start, end);
  if (!FOUR_DIGITS.test(digits)) return false;
  const value = Number(digits);
  if (value < YEAR_MIN || value > YEAR_MAX) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 30);
  if (PERCENT_AFTER.test(after)) return false;
  if (YEAR_CUE_BEFORE.test(before)) return true;
  if (value < BARE_YEAR_MIN) return false;
  if (AMOUNT_CUE_BEFORE.test(before)) return false;
  const next = NEXT_WORD.exec(after)?.[1];
  if (next !== undefined && looksPlural(next) && !DETERMINER_BEFORE.test(before)) return false;
  return true;
}
