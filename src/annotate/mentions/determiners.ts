import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isPastForm } from "../../words/verbs.js";
import { isCountry } from "./words.js";

/** "the" right before a name, as the tail of the text before it. */
const THE_BEFORE = /\b[Tt]he\s$/u;
/** Function words after a name that stands alone ("the Velfed to act", "the Velfed is", "the Velfed says"). */
const FUNCTION_AFTER = new Set(
  `to of in on at for from with by and or but is was were are has had have will would could can may might should
  must did does do says who which that`.split(/\s+/u),
);
/** What follows a name: the end, a sign, or a word (its letters). */
const NEXT_WORD = /^(?:$|[^\s\p{L}]|\s+(\p{L}+))/u;

/**
 * Whether a name stands alone before what follows it: punctuation, a capitalised word, a function word or a
 * past verb ("the Velfed said", "the Velfed raised", "the Velfed fell"). Any other word in lower case may be a
 * noun the name modifies ("the Ruiz family", "the Okafor case").
 */
function standsAlone(after: string): boolean {
  const next = NEXT_WORD.exec(after);
  if (!next) return false;
  const word = next[1];
  return word === undefined || /^\p{Lu}/u.test(word) || FUNCTION_AFTER.has(word) || isPastForm(word);
}

/**
 * A person is not named with "the" right before the name: a one-word name right after it ("the Fed said",
 * "the Nasdaq fell") that the tagger read as a person, taken in by the words of the rest of its document, is
 * a body (or a place the gazetteers know). A word between them describes a person ("the 26-year-old Ruiz");
 * a name followed by a lower-case word other than a verb or a function word ("the Ruiz family") modifies it;
 * a plural is a family ("the Okafors"); names of two words or more may be a person's ("the Ana Ruiz I
 * knew"): each keeps its type.
 * Mentions must have their text set; their types are changed in place.
 */
export function noPersonAfterThe(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    // "The Okafors" are a family.
    if (m.type !== "person" || /\s|s$/u.test(m.text)) continue;
    if (!THE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    if (!standsAlone(text.slice(m.end, m.end + 24))) continue;
    m.type = lexicon.lookupPlace(m.text) || isCountry(m.text, lexicon) ? "place" : "organization";
  }
  return mentions;
}
