import type { Mention } from "../../model/index.js";
import { CALENDAR } from "../../words/names.js";

/** What joins the ends of a period: a hyphen, a dash or a slash ("Jan-May", "January–June", "Jul/Aug"). */
const PERIOD_JOINER = /\s?[-–/]\s?/u;

/**
 * Periods of months or days written as one capitalised word ("Jan-May", "January-June", "Mon-Fri"), as
 * economic and trade reports head their figures, are dates, not names: mentions made only of them are left out.
 *
 * @example
 * withoutPeriods([{ text: "Jan-May", type: "organization", start: 0, end: 7 }]); // []
 */
export function withoutPeriods(mentions: Mention[]): Mention[] {
  return mentions.filter((m) => !isPeriod(m.text));
}

function isPeriod(text: string): boolean {
  const ends = text.split(PERIOD_JOINER);
  return ends.length > 1 && ends.every((e) => CALENDAR.has(e.toLowerCase().replace(/\.$/u, "")));
}
