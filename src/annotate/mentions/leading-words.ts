import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isTitle } from "./words.js";

/** A word and the space after it, at the start of a name. */
const FIRST_WORD = /^(\S+)\s+/u;

/**
 * Words a person's name picked up in front of it that are not part of it: a nationality ("Argentine", "Frenchman",
 * "Britons") or a title in hyphenated parts ("Secretary-General", "Lieutenant-Colonel"). They are cut off, one by one,
 * while a word of the name remains; a faith's adjective ("Christian", often a first name) is no nationality. (Common words are not: many first names are one, "Mate", "Hen", "Per".)
 * Mentions must have their text set; spans are changed in place.
 *
 * @example "Argentine Ana Ruiz said" -> "Ana Ruiz"
 */
export function personsWithoutLeadingWords(mentions: Mention[], lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== "person") continue;
    for (let first = FIRST_WORD.exec(m.text); first; first = FIRST_WORD.exec(m.text)) {
      if (!isLeadingWord(first[1] as string, lexicon)) break;
      m.start += first[0].length;
      m.text = m.text.slice(first[0].length);
    }
  }
  return mentions;
}

function isLeadingWord(word: string, lexicon: Lexicon): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  if (isNationality(word, lexicon)) return true;
  const parts = word.split("-");
  return parts.length > 1 && parts.every((p) => isTitle(p));
}

/** A people's adjective or noun, of a country or region the gazetteers know: "Argentine", "Argentines", "Frenchman". */
function isNationality(word: string, lexicon: Lexicon): boolean {
  const forms = [word, word.replace(/s$/u, ""), word.replace(/m[ae]n$/u, "")];
  return forms.some((f) => {
    const place = f.length > 2 && !lexicon.lookupPlace(f) ? lexicon.placeOfDemonym(f) : undefined;
    return place !== undefined && lexicon.lookupPlace(place) !== undefined;
  });
}
