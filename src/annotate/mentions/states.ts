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
