import type { Mention } from "../../model/index.js";
import { US_STATE_ABBREVIATIONS } from "../../words/names.js";

/** What stands between a town and its state: a comma and spaces. */
const COMMA_BETWEEN = /^\s*,\s*$/u;

/**
 * A US state's abbreviation right after a town and a comma ("Tarvik , Calif.", "Orrin , Pa", "Velmar , TX") is
 * the state, a place, however the tagger read its short letters (an acronym's organisation, a person's initial).
 * Mentions must be sorted by `start` with their text set; their types are changed in place.
 */
export function statesAfterTowns(mentions: Mention[], text: string): Mention[] {
  mentions.forEach((m, i) => {
    const town = mentions[i - 1];
    if (m.type === "place" || town?.type !== "place") return;
    if (!COMMA_BETWEEN.test(text.slice(town.end, m.start))) return;
    if (US_STATE_ABBREVIATIONS.has(m.text.replace(/\./g, ""))) m.type = "place";
  });
  return mentions;
}

/**
 * A state's abbreviation after a town and a comma that ends a dateline or an address: the end of the line, a
 * full stop, a comma or a date after it ("LITTLE ROCK , Ark .", "Tarvik , Calif. 1996-08-23").
 */
const STATE_AT_END = /^\s*,\s*(\p{Lu}\p{L}{0,4}\.?)(?![\p{L}.-])(?=[ \t]*(?:\n|$|[.,]|\d))/u;

/**
 * A state's abbreviation that ends a dateline or an address after a town and a comma ("LITTLE ROCK , Ark .",
 * "Tarvik , Calif. 1996-08-23"), where no mention covers it, is added as a place. Mentions must be sorted by
 * `start`; the result is too.
 */
export function statesMissedAfterTowns(mentions: Mention[], text: string): Mention[] {
  const found: Mention[] = [];
  for (const town of mentions) {
    if (town.type !== "place") continue;
    const match = STATE_AT_END.exec(text.slice(town.end, town.end + 16));
    const abbreviation = match?.[1];
    if (!match || !abbreviation || !US_STATE_ABBREVIATIONS.has(abbreviation.replace(/\./g, ""))) continue;
    const start = town.end + match[0].length - abbreviation.length;
    const end = start + abbreviation.length;
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    found.push({ start, end, text: abbreviation, type: "place" });
  }
  return found.length === 0 ? mentions : [...mentions, ...found].sort((a, b) => a.start - b.start);
}
