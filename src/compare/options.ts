/** Lexical knowledge the comparison stages use, given by the pipeline (the stages import only the model). */
export interface CompareOptions {
  /** The place a demonym names ("Chilean" -> "Chile"), if it is one. */
  placeOfDemonym?: (word: string) => string | undefined;
  /** What the gazetteer knows of a place name, if anything. */
  placeOf?: (place: string) => PlaceFacts | undefined;
  /** A comparison key for what a number counts ("soldiers" -> "soldier"). */
  unitKey?: (unit: string) => string;
}

export const NO_LEXICON: Required<CompareOptions> = {
  placeOfDemonym: () => undefined,
  placeOf: () => undefined,
  unitKey: (unit) => unit.toLowerCase().replace(/s$/, ""),
};

/** A place as the gazetteer knows it. */
export interface PlaceFacts {
  kind: "country" | "region" | "city";
  /** The country (ISO alpha-2) it lies in or is; none for a region without one or a town too small to trust. */
  country?: string | undefined;
  /** For cities: ten times the base-10 log of the population (60 = a million); countries and regions get 99. */
  size: number;
}
