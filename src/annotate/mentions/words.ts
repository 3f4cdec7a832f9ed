import type { Lexicon } from "../../lexicon/index.js";
import type { EntityType, Sentence, Token } from "../../model/index.js";
import {
  EVENT_OPENERS,
  GROUP_NOUNS,
  MISC_HEADS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_ACRONYMS,
  PLACE_HEADS,
  PLACE_OPENERS,
  SPORT_OPENERS,
  STREET_ABBREVIATIONS,
  TITLE_MODIFIERS,
} from "../../words/names.js";

/** Evidence for each type of name, in log-odds-like units. */
export type Scores = Record<EntityType, number>;

export const TYPES: EntityType[] = ["person", "organization", "place", "other"];

/** A score or count in a results line ("3", "4-38", "6-3"); dates and decimals are not. */
export const SCORE = /^\d{1,3}(?:-\d{1,3})?$/;
export const NUMERIC = /^[+-]?\d[\d.,:/-]*$/;
export const DATE =
  /^(?:\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/i;
export const INITIAL = /^(?:\p{Lu}\.){1,3}$/u;
export const SINGLE_INITIAL = /^\p{Lu}\.$/u;
/** Compounds that are adjectives or descriptions, not names: "Ohio-based", "U.S.-led", "ex-Yankee", "anti-Western". */
export const DESCRIPTIVE_COMPOUND =
  /^(?:.+-\p{Ll}+|(?:[Ee]x|[Aa]nti|[Pp]ro|[Nn]on|[Pp]ost|[Pp]re|[Mm]id|[Nn]eo|[Pp]an|[Tt]rans|[Ss]emi)-.+)$/u;
/**
 * Heads of compound adjectives and nouns short enough to pass for a name's syllable ("Tory-led", "Obama-era",
 * "Covid-hit"); participles ("-backed", "-leaning") are told by their endings.
 */
const COMPOUND_HEADS = new Set(
  "led run era born made held old like free type class level term scale style wide bound based owned year day week month area zone up down out off over hit rich poor long proof sized size only".split(
    " ",
  ),
);
/** A capitalised syllable, a hyphen and a lower-case one: "Dae-hyun", "Jong-un", as Korean given names are written. */
const SYLLABLE_NAME = /^\p{Lu}\p{Ll}{1,5}-(\p{Ll}{1,5})$/u;
/** A family name before a given name: one short capitalised word ("Choi", "Park"). */
const FAMILY_NAME = /^\p{Lu}\p{Ll}{1,5}$/u;

/**
 * Whether a hyphenated word with a lower-case part is a given name after a family name ("Choi Dae-hyun") and
 * not a compound adjective ("Kremlin-backed", "Tory-led"): it follows a short capitalised word and its second
 * part is no compound head or participle.
 */
export function isSyllableName(word: string, before: string | undefined): boolean {
  const tail = SYLLABLE_NAME.exec(word)?.[1];
  if (tail === undefined || before === undefined || !FAMILY_NAME.test(before)) return false;
  return !COMPOUND_HEADS.has(tail) && !/(?:ed|ing)$/.test(tail);
}
export const OPENERS = new Set([...PLACE_OPENERS, ...SPORT_OPENERS, ...EVENT_OPENERS]);
/**
 * Model, weapon and disease designations ("F-16", "AK-47s", "C-4", "H1", "Covid-19"): products and codes,
 * not names.
 */
export const DESIGNATION = /^(?:\p{Lu}{1,3}-?|\p{Lu}\p{L}+-)\d+\p{L}?s?$/u;
/** A word that can begin or continue a name: capitalised, or a lower-case prefix before a capital ("al-Sadr"). */
export const NAME_START = /^(?:\p{Lu}|\p{Ll}{1,3}-\p{Lu})/u;
export const POSSESSIVE = /^(.*\p{L})['’][sS]$/u;
export const zero = (): Scores => ({ person: 0, organization: 0, place: 0, other: 0 });
/** A word in lower case without a final period ("Gen." -> "gen"). */
export const bare = (w: string) => {
  const lower = w.toLowerCase();
  return lower.charCodeAt(lower.length - 1) === 0x2e ? lower.slice(0, -1) : lower;
};
/** Longest gazetteer name looked for across an ambiguous stretch (words). */
export const MAX_KNOWN_NAME_WORDS = 4;
/** Seen this often in lower case in the open corpora, a word is a common word. */
export const COMMON_WORD = 3;

/** True when the word on its own names a people, a faith or a nationality ("Kurds", "Swede", "Chileans"). */
export function isGroupWord(raw: string, lexicon: Lexicon): boolean {
  const { placeOfDemonym } = lexicon;
  const word = raw.replace(/’/g, "'");
  if (placeOfDemonym(word) || GROUP_NOUNS.has(word.toLowerCase())) return true;
  return /s$/.test(word) && placeOfDemonym(word.slice(0, -1)) !== undefined;
}

/** The words `at(a)` to `at(b - 1)`, in order (a plain loop: this runs for most capitalised words). */
export function wordsIn(a: number, b: number, at: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = a; i < b; i++) out.push(at(i));
  return out;
}

export const isTitle = (w: string) => PERSON_TITLES.has(bare(w));
export const isCountry = (w: string, lexicon: Lexicon) =>
  lexicon.lookupPlace(w)?.kind === "country" || PLACE_ACRONYMS.has(w.toLowerCase());
export const isTitlePart = (w: string) => isTitle(w) || TITLE_MODIFIERS.has(bare(w));
/** An abbreviated street type ("St.", "Ave"), which names nothing alone. */
export const isStreetAbbreviation = (w: string) => STREET_ABBREVIATIONS.has(bare(w));
export const endsInHead = (w: string) => ORG_HEADS.has(bare(w)) || PLACE_HEADS.has(bare(w)) || MISC_HEADS.has(bare(w));

/** Share of score-like tokens above which a sentence is a results table or score line. */
export const TABLE_NUMBER_SHARE = 0.2;

export function scoreShare(tokens: Token[], s: Sentence): number {
  let numbers = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (SCORE.test((tokens[i] as Token).text)) numbers++;
  return numbers / Math.max(1, s.tokenEnd - s.tokenStart);
}
