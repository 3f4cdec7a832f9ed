import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";

/** Endings of adjectives that name a creed or a party's line ("Democratic", "Socialist", "Conservative", "Catholic"). */
const ADJECTIVE_ENDING = /^\p{Lu}\p{Ll}+(?:ic|ist|ive|an)$/u;
/** The lower-case word right after a name, which may be the noun an adjective qualifies ("Democratic convention"). */
const WORD_AFTER = /^ (\p{Ll}+)/u;
/** Words that follow names but qualify nothing: articles, conjunctions, prepositions, and the verbs of news copy. */
const NOT_NOUNS = new Set(
  "the a an and or but of to in on at for from with by as than that which who is was are were has have had said says will would".split(
    " ",
  ),
);

/**
 * A capitalised adjective that English also writes in lower case, before the noun it qualifies ("the
 * Democratic convention", "a Socialist deputy", "Catholic bishops"), tells what someone or something belongs
 * to, as a people's name does: it names no organisation or place, and is of type "other". Places the
 * gazetteers know ("Pacific coast") keep their type, and so do names read as persons ("Norman") and names
 * before an article or a verb ("Cooperative the bank", "Cooperative said"). Mentions must have their text set; their types are
 * changed in place.
 */
export function adjectivesBeforeNouns(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if ((m.type !== "organization" && m.type !== "place") || !ADJECTIVE_ENDING.test(m.text)) continue;
    const next = WORD_AFTER.exec(text.slice(m.end, m.end + 24))?.[1];
    if (next === undefined || NOT_NOUNS.has(next)) continue;
    const kind = lexicon.dictionaryKind(m.text);
    if ((kind !== "common" && kind !== "both") || lexicon.lookupPlace(m.text)) continue;
    m.type = "other";
  }
  return mentions;
}
