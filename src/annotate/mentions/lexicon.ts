import { nameKey } from "../../words/name-key.js";
import { NATIONS, REGIONS } from "../../words/names.js";
import data from "./lexicon.model.json" with { type: "json" };

export { nameKey } from "../../words/name-key.js";

/** Counts of a capitalised word's occurrences (not sentence-initial) in the open corpora, by the type of name it was part of. */
export interface WordCounts {
  person: number;
  organization: number;
  place: number;
  misc: number;
  none: number;
  /** Times the word was a whole name by itself (not a part of a longer name). */
  alone: number;
}

/** What the gazetteers know about a name. */
export interface PlaceEntry {
  kind: "country" | "region" | "city";
  /** ISO 3166 alpha-2 code of the country the place is in (or is). */
  country: string;
  /** For cities: ten times the base-10 log of the population (50 = 100,000); countries and regions get 99. */
  size: number;
}

interface Tables {
  /** City key -> "country\tsize". */
  cities: Map<string, string>;
  /** Countries, nations and regions by key. */
  places: Map<string, PlaceEntry>;
  universities: Set<string>;
  demonyms: Map<string, string>;
  firstNames: Map<string, string>;
  /** Word -> its counts as tab-separated numbers, parsed when asked for. */
  words: Map<string, string>;
  lower: Map<string, string>;
}

let tables: Tables | undefined;

/** Lines of a tab-separated block keyed by their first field; the rest of a line is kept as one string until asked for. */
function index(block: string): Map<string, string> {
  const map = new Map<string, string>();
  let at = 0;
  while (at < block.length) {
    let end = block.indexOf("\n", at);
    if (end < 0) end = block.length;
    const tab = block.indexOf("\t", at);
    if (tab < 0 || tab > end) map.set(block.slice(at, end), "");
    else map.set(block.slice(at, tab), block.slice(tab + 1, end));
    at = end + 1;
  }
  return map;
}

/** Parses the lexicon on first use, so importing the module costs nothing; values are parsed on lookup. */
function load(): Tables {
  if (tables) return tables;
  const places = new Map<string, PlaceEntry>();
  for (const [name, country] of index(data.countries))
    places.set(nameKey(name), { kind: "country", country, size: 99 });
  for (const name of REGIONS) {
    const key = nameKey(name);
    if (!places.has(key)) places.set(key, { kind: "region", country: "", size: 99 });
  }
  for (const name of NATIONS) {
    const key = nameKey(name);
    if (places.get(key)?.kind !== "country") places.set(key, { kind: "country", country: "", size: 99 });
  }
  const demonyms = new Map<string, string>();
  for (const line of data.demonyms.split("\n")) {
    const [demonym = "", country = ""] = line.split("\t");
    // Where several countries share a demonym ("American"), the shortest name, the sovereign state's, keeps it.
    const known = demonyms.get(demonym);
    if (known === undefined || country.length < known.length) demonyms.set(demonym, country);
  }
  tables = {
    cities: index(data.cities),
    places,
    universities: new Set(data.universities.split("\n")),
    demonyms,
    firstNames: index(data.firstNames),
    words: index(data.words),
    lower: index(data.lower),
  };
  return tables;
}

const parsedWords = new Map<string, WordCounts | undefined>();

/** The corpus statistics of the lexicon, in the shape `lexicon.model.json` stores them (tab-separated lines). */
export interface CorpusCounts {
  /** "Word\tPER\tORG\tLOC\tMISC\tO\tALONE" lines. */
  words: string;
  /** "Word\tcount" lines: words that began person names. */
  firstNames: string;
  /** "word\tcount" lines: words written in lower case. */
  lower: string;
}

/**
 * Replaces the corpus statistics (word counts, first names, lower-case counts) the detector reads, or restores
 * the shipped ones when called without an argument. Only for training: a tagger stacked on the rule detector
 * must see the rules' output on a document computed without that document's own labels in the counts, as it
 * will be on new text. The gazetteers are left as they are.
 */
export function useCorpusCounts(counts?: CorpusCounts): void {
  const t = load();
  const source = counts ?? data;
  t.words = index(source.words);
  t.firstNames = index(source.firstNames);
  t.lower = index(source.lower);
  parsedWords.clear();
}

/** The gazetteer entry for a name (country or city of 15,000 people or more), if any. */
export function lookupPlace(name: string): PlaceEntry | undefined {
  const t = load();
  const key = nameKey(name);
  // Countries, nations and regions win over cities of the same name (Mexico, Panama, Singapore).
  const known = t.places.get(key);
  if (known) return known;
  const city = t.cities.get(key);
  if (city === undefined) return undefined;
  const tab = city.indexOf("\t");
  return { kind: "city", country: city.slice(0, tab), size: Number(city.slice(tab + 1)) };
}

/** True when the name is a university or college in the gazetteer. */
export function isUniversity(name: string): boolean {
  return load().universities.has(nameKey(name));
}

/**
 * The country a demonym or national adjective refers to.
 *
 * @example placeOfDemonym("Chilean") // "Chile"
 */
export function placeOfDemonym(word: string): string | undefined {
  return load().demonyms.get(word) ?? EXTRA_DEMONYMS.get(word);
}

/** How often the word began a person's full name in the open corpora (0 when never). */
export function firstNameCount(word: string): number {
  return Number(load().firstNames.get(word) ?? 0);
}

/** Corpus counts for a capitalised word, if it was seen. */
export function wordCounts(word: string): WordCounts | undefined {
  if (parsedWords.has(word)) return parsedWords.get(word);
  const row = load().words.get(word);
  let counts: WordCounts | undefined;
  if (row !== undefined) {
    const [p = 0, o = 0, l = 0, m = 0, n = 0, a = 0] = row.split("\t").map(Number);
    counts = { person: p, organization: o, place: l, misc: m, none: n, alone: a };
  }
  parsedWords.set(word, counts);
  return counts;
}

/** How often the word was written in lower case in the open corpora. */
export function lowerCount(word: string): number {
  return Number(load().lower.get(word) ?? 0);
}

/**
 * National and regional adjectives the country gazetteer lacks (it holds one demonym per country, and none for
 * regions or peoples without a state). General knowledge, written by hand.
 */
const EXTRA_DEMONYMS = new Map<string, string>([
  ["Soviet", "Soviet Union"],
  ["Palestinian", "Palestine"],
  ["Kurdish", "Kurdistan"],
  ["Kurd", "Kurdistan"],
  ["European", "Europe"],
  ["African", "Africa"],
  ["Asian", "Asia"],
  ["Arab", "Arab world"],
  ["Arabian", "Arabia"],
  ["Latin", "Latin America"],
  ["Scottish", "Scotland"],
  ["Scots", "Scotland"],
  ["Welsh", "Wales"],
  ["English", "England"],
  ["Irish", "Ireland"],
  ["Basque", "Basque Country"],
  ["Catalan", "Catalonia"],
  ["Flemish", "Flanders"],
  ["Chechen", "Chechnya"],
  ["Tibetan", "Tibet"],
  ["Taiwanese", "Taiwan"],
  ["Bosnian", "Bosnia and Herzegovina"],
  ["Serb", "Serbia"],
  ["Croat", "Croatia"],
  ["Dutch", "Netherlands"],
  ["Filipino", "Philippines"],
  ["Philippine", "Philippines"],
  ["West Indian", "West Indies"],
  ["Emirati", "United Arab Emirates"],
  ["Saudi", "Saudi Arabia"],
  ["Yemeni", "Yemen"],
  ["Shiite", "Shia Islam"],
  ["Shi'ite", "Shia Islam"],
  ["Sunni", "Sunni Islam"],
  ["Islamic", "Islam"],
  ["Muslim", "Islam"],
  ["Christian", "Christianity"],
  ["Jewish", "Judaism"],
  ["Western", "the West"],
  ["Eastern", "the East"],
  ["Middle Eastern", "Middle East"],
  ["Caribbean", "Caribbean"],
  ["Balkan", "Balkans"],
  ["Baltic", "Baltic states"],
  ["Scandinavian", "Scandinavia"],
  ["Nordic", "Nordic countries"],
  ["Yugoslav", "Yugoslavia"],
  ["Czechoslovak", "Czechoslovakia"],
  ["Zairean", "Zaire"],
  ["Burmese", "Myanmar"],
  ["Tajik", "Tajikistan"],
  ["Azeri", "Azerbaijan"],
  ["Uzbek", "Uzbekistan"],
  ["Kazakh", "Kazakhstan"],
  ["Kyrgyz", "Kyrgyzstan"],
  ["Turkmen", "Turkmenistan"],
  ["Korean", "Korea"],
  ["Bosnian Serb", "Republika Srpska"],
]);
