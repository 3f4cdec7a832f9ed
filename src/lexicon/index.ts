import { nameKey } from "../words/name-key.js";
import { NATIONS, REGIONS } from "../words/names.js";
import shipped from "./lexicon.model.json" with { type: "json" };
import tagger from "./tagger.model.json" with { type: "json" };
import { type EncodedWeights, parseWeights, type TaggerWeights } from "./tagger-weights.js";

/*
 * The Lexicon is data, not code: gazetteers, counts from open corpora and trained weights, shipped as JSON models
 * and swapped for other counts in training. It is one immutable value, made once and handed to the stages that
 * read it, so that two analyses in one process, or a training run beside them, never see each other's tables.
 * The fixed word lists (titles, name heads, number words) are code and live in src/words/.
 */

export { BoundedMemo } from "./memo.js";
export type { TaggerWeights } from "./tagger-weights.js";

/** Counts of a capitalised word's occurrences (not sentence-initial) in the open corpora, by the type of name it was part of. */
export interface WordCounts {
  readonly person: number;
  readonly organization: number;
  readonly place: number;
  readonly misc: number;
  readonly none: number;
  /** Times the word was a whole name by itself (not a part of a longer name). */
  readonly alone: number;
}

/** How an English dictionary lists a word form (see `Lexicon.dictionaryKind`). */
export type DictionaryKind = "common" | "name" | "both" | "unknown";

const DICTIONARY_KIND: Readonly<Record<string, DictionaryKind>> = { "": "common", N: "name", B: "both" };

/** What the gazetteers know about a name. */
export interface PlaceEntry {
  readonly kind: "country" | "region" | "city";
  /** ISO 3166 alpha-2 code of the country the place is in (or is). */
  readonly country: string;
  /** For cities: ten times the base-10 log of the population (50 = 100,000); countries and regions get 99. */
  readonly size: number;
}

/** The corpus statistics of the lexicon, in the shape `lexicon.model.json` stores them (tab-separated lines). */
export interface CorpusCounts {
  /** "Word\tPER\tORG\tLOC\tMISC\tO\tALONE" lines. */
  words: string;
  /** "Word\tcount" lines: words that began person names. */
  firstNames: string;
  /** "word\tcount" lines: words written in lower case. */
  lower: string;
}

/** The tagger's weights as `tagger.model.json` stores them (see `encodeWeights`). */
export interface TaggerModel extends EncodedWeights {
  /** The labels of a row's columns, comma-separated ("O,B-PER,I-PER,..."). */
  labels: string;
}

/**
 * What the stages know about words beyond the fixed lists of src/words/: the gazetteers (countries, regions,
 * cities, universities, demonyms), how the open corpora used each word, and the entity tagger's weights.
 *
 * An immutable value: nothing a caller does changes what it answers. Its methods are plain functions (they may be
 * taken off the object). Make one with `createLexicon`, or take the shipped one from `defaultLexicon`.
 */
export interface Lexicon {
  /** The gazetteer entry for a name (country or city of 15,000 people or more), if any. */
  readonly lookupPlace: (name: string) => PlaceEntry | undefined;
  /** True when the name is a university or college in the gazetteer. */
  readonly isUniversity: (name: string) => boolean;
  /**
   * The country a demonym or national adjective refers to.
   *
   * @example defaultLexicon().placeOfDemonym("Chilean") // "Chile"
   */
  readonly placeOfDemonym: (word: string) => string | undefined;
  /** How often the word began a person's full name in the open corpora (0 when never). */
  readonly firstNameCount: (word: string) => number;
  /** Corpus counts for a capitalised word, if it was seen. */
  readonly wordCounts: (word: string) => WordCounts | undefined;
  /** How often the word was written in lower case in the open corpora. */
  readonly lowerCount: (word: string) => number;
  /**
   * Every word the corpus counts hold: the lower-case words, then the capitalised ones (their counts from
   * `lowerCount` and `wordCounts`), for stages that derive a table of their own from the counts.
   */
  readonly countedWords: () => Iterable<string>;
  /**
   * A table a stage derives from this lexicon (`make` must be a pure function of it), made on the first request
   * and the same value for every later request with the same `make`, so that a stage built many times in one
   * process (once per batch) reads the counts once. Held weakly by `make`: a table lives as long as its maker.
   *
   * @example lexicon.derived(termPriors).share("body", "quake")
   */
  readonly derived: <T>(make: (lexicon: Lexicon) => T) => T;
  /**
   * What an English dictionary (SCOWL) says of a word form, any case: a common word it writes in lower case,
   * a name it only writes capitalised, both ("Bill", "bill"), or unknown.
   *
   * @example defaultLexicon().dictionaryKind("ATHLETICS") // "common"
   */
  readonly dictionaryKind: (word: string) => DictionaryKind;
  /** The entity tagger's weights, parsed on first use. */
  readonly taggerWeights: () => TaggerWeights;
  /**
   * Rows of the word-count table parsed so far. Parsed rows are kept, unknown words are not, so this never
   * exceeds the table's size, however many words are looked up (for tests and monitoring).
   */
  readonly parsedWordCount: () => number;
}

/** Where a lexicon's tables come from; each left out is the shipped one. */
export interface LexiconSources {
  /**
   * Corpus statistics (word counts, first names, lower-case counts) in place of the shipped ones. Training uses
   * this: a tagger stacked on the rule detector must see the rules' output on a document computed without that
   * document's own labels in the counts, as it will be on new text. The gazetteers stay the shipped ones.
   */
  counts?: CorpusCounts;
  /** Tagger weights in place of the shipped ones. */
  tagger?: TaggerModel;
}

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

/** Countries, nations and regions by key, and demonyms, from the shipped gazetteer. */
function gazetteer(): { places: Map<string, PlaceEntry>; demonyms: Map<string, string> } {
  const places = new Map<string, PlaceEntry>();
  for (const [name, country] of index(shipped.countries))
    places.set(nameKey(name), Object.freeze({ kind: "country", country, size: 99 }));
  for (const name of REGIONS) {
    const key = nameKey(name);
    if (!places.has(key)) places.set(key, Object.freeze({ kind: "region", country: "", size: 99 }));
  }
  for (const name of NATIONS) {
    const key = nameKey(name);
    if (places.get(key)?.kind !== "country") places.set(key, Object.freeze({ kind: "country", country: "", size: 99 }));
  }
  const demonyms = new Map<string, string>();
  for (const line of shipped.demonyms.split("\n")) {
    const [demonym = "", country = ""] = line.split("\t");
    // Where several countries share a demonym ("American"), the shortest name, the sovereign state's, keeps it.
    const known = demonyms.get(demonym);
    if (known === undefined || country.length < known.length) demonyms.set(demonym, country);
  }
  return { places, demonyms };
}

/**
 * A lexicon from the shipped tables, with the corpus counts or tagger weights replaced where `sources` gives
 * them. The tables are indexed when it is made (a few milliseconds); a row's values are parsed when asked for.
 *
 * @example createLexicon({ counts: countsWithoutFold(3) }).wordCounts("Paris")
 */
export function createLexicon(sources: LexiconSources = {}): Lexicon {
  const { places, demonyms } = gazetteer();
  const cities = index(shipped.cities);
  const universities = new Set(shipped.universities.split("\n"));
  // The dictionary is the largest table (about 86,000 forms): indexed on first use.
  let dictionary: Map<string, string> | undefined;
  const counts = sources.counts ?? shipped;
  const words = index(counts.words);
  const firstNames = index(counts.firstNames);
  const lower = index(counts.lower);
  // Parsed rows of `words`, kept for the next lookup of the same word: only words in the table, so this holds
  // at most as many entries as the table has rows, whatever text is analysed.
  const parsed = new Map<string, WordCounts>();
  const model = sources.tagger ?? tagger;
  let weights: TaggerWeights | undefined;
  const tables = new WeakMap<(lexicon: Lexicon) => unknown, unknown>();
  const lexicon: Lexicon = {
    lookupPlace(name) {
      const key = nameKey(name);
      // Countries, nations and regions win over cities of the same name (Mexico, Panama, Singapore).
      const known = places.get(key);
      if (known) return known;
      const city = cities.get(key);
      if (city === undefined) return undefined;
      const tab = city.indexOf("\t");
      return { kind: "city", country: city.slice(0, tab), size: Number(city.slice(tab + 1)) };
    },
    isUniversity: (name) => universities.has(nameKey(name)),
    placeOfDemonym: (word) => demonyms.get(word) ?? EXTRA_DEMONYMS.get(word),
    firstNameCount: (word) => Number(firstNames.get(word) ?? 0),
    wordCounts(word) {
      const known = parsed.get(word);
      if (known) return known;
      const row = words.get(word);
      if (row === undefined) return undefined;
      const [p = 0, o = 0, l = 0, m = 0, n = 0, a = 0] = row.split("\t").map(Number);
      const counts: WordCounts = Object.freeze({ person: p, organization: o, place: l, misc: m, none: n, alone: a });
      parsed.set(word, counts);
      return counts;
    },
    lowerCount: (word) => Number(lower.get(word) ?? 0),
    *countedWords() {
      yield* lower.keys();
      yield* words.keys();
    },
    derived<T>(make: (lexicon: Lexicon) => T): T {
      if (tables.has(make)) return tables.get(make) as T;
      const table = make(lexicon);
      tables.set(make, table);
      return table;
    },
    dictionaryKind(word) {
      dictionary ??= index(shipped.dictionary);
      const mark = dictionary.get(word.toLowerCase());
      return mark === undefined ? "unknown" : (DICTIONARY_KIND[mark] ?? "unknown");
    },
    taggerWeights() {
      weights ??= parseWeights(model, model.labels.split(",").length);
      return weights;
    },
    parsedWordCount: () => parsed.size,
  };
  return Object.freeze(lexicon);
}

/**
 * The lexicon built from the shipped tables, made on first call and the same value ever after (importing this
 * module costs nothing until then). Entry points take it as their default lexicon.
 *
 * @example defaultLexicon().lookupPlace("Valparaíso")?.country // "CL"
 */
export function defaultLexicon(): Lexicon {
  shippedLexicon ??= createLexicon();
  return shippedLexicon;
}

/** The one lazily made default; never replaced once made, and immutable itself. */
let shippedLexicon: Lexicon | undefined;

/**
 * National and regional adjectives the country gazetteer lacks (it holds one demonym per country, and none for
 * regions or peoples without a state). General knowledge, written by hand.
 */
const EXTRA_DEMONYMS: ReadonlyMap<string, string> = new Map([
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
