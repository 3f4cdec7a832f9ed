/** Lexical knowledge the comparison stages use, given by the pipeline (the stages import only the model). */
export interface CompareOptions {
  /** The place a demonym names ("Chilean" -> "Chile"), if it is one. */
  placeOfDemonym?: (word: string) => string | undefined;
  /** The country (ISO alpha-2) a place name lies in or is, if the gazetteer knows it. */
  countryOf?: (place: string) => string | undefined;
  /** A comparison key for what a number counts ("soldiers" -> "soldier"). */
  unitKey?: (unit: string) => string;
}

export const NO_LEXICON: Required<CompareOptions> = {
  placeOfDemonym: () => undefined,
  countryOf: () => undefined,
  unitKey: (unit) => unit.toLowerCase().replace(/s$/, ""),
};
