import type { Lexicon } from "../lexicon/index.js";
import { stem } from "./features.js";
import type { Field } from "./types.js";

/**
 * Words per article assumed when a word's share of the corpus tokens is turned into the share of articles that
 * hold it (1 - e^(-share x words)): a news article runs to a few hundred words. 100 and 400 scored alike on the
 * ECB+ and MMDS development files (within 0.003); what matters is that the commonest words reach a share near 1.
 */
export const PRIOR_ARTICLE_WORDS = 400;

/**
 * How many documents the background corpus counts as beside the stream's (see `TermPriors`): a term's document
 * frequency is the stream's plus this times its prior share. Without it the first hundreds of documents are
 * weighed by a few dozen counts, so a common word shared by two early reports of different events weighs as
 * much as a name. Against no prior, paired over the same 16 orders (file order and shuffles 1-15): 500, 1,000 and
 * 2,000 raised B-cubed F1 on the ECB+ development file by 0.0057, 0.0072 and 0.0058 (standard error 0.0025,
 * 0.0022, 0.0019; 1,000 better in 13 orders, worse in 3) and on the English MMDS development articles by 0.0030,
 * 0.0030 and 0.0038 (se 0.0008, worse in none); 1,000 sits in the middle of that plateau. Past a few hundred the
 * prior outweighs the stream on sets of this size, and rarity comes mostly from the open corpora.
 */
export const PRIOR_DOCUMENTS = 1000;

/**
 * What a background corpus says of how common a term is, before the stream has shown it: the share of articles
 * that would hold it, read from the lexicon's counts of words in open corpora. Content words are counted by
 * stem, over their lower-case and capitalised uses; a name by its capitalised uses, a name of several words by
 * its least common word (a name is as rare as its rarest part). Terms the corpora never had get 0.
 */
export interface TermPriors {
  /** The prior share (0 to 1) of articles that hold `term` in `field`. */
  share(field: Field, term: string): number;
}

/**
 * The term priors of a lexicon's corpus counts. Reads every counted word once (a few milliseconds); the value
 * is immutable.
 *
 * @example termPriors(defaultLexicon()).share("body", stem("said")) // near 1
 */
export function termPriors(lexicon: Lexicon, articleWords = PRIOR_ARTICLE_WORDS): TermPriors {
  const stems = new Map<string, number>();
  const names = new Map<string, number>();
  let total = 0;
  for (const word of lexicon.countedWords()) {
    const counts = lexicon.wordCounts(word);
    const count = counts
      ? counts.person + counts.organization + counts.place + counts.misc + counts.none
      : lexicon.lowerCount(word);
    if (count <= 0) continue;
    total += count;
    const lower = word.toLowerCase();
    if (counts) names.set(lower, (names.get(lower) ?? 0) + count);
    const key = stem(lower);
    stems.set(key, (stems.get(key) ?? 0) + count);
  }
  const share = (count: number) => (total === 0 ? 0 : 1 - Math.exp((-count * articleWords) / total));
  const nameCount = (name: string): number => {
    const parts = name.split(" ");
    if (parts.length === 1) return names.get(name) ?? 0;
    let least = Number.POSITIVE_INFINITY;
    for (const part of parts) least = Math.min(least, names.get(part) ?? stems.get(stem(part)) ?? 0);
    return least;
  };
  return Object.freeze({
    share: (field: Field, term: string) => share(field === "entities" ? nameCount(term) : (stems.get(term) ?? 0)),
  });
}
