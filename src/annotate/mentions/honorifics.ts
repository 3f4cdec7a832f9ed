import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { endsInHead, isCountry } from "./words.js";

/**
 * A courtesy title right before a name, as the tail of the text before it: "Mr", "Ms", "Mrs", "Miss", "Mdm",
 * "Madam", "Dr", "Prof", with or without a period. These are given to people only.
 */
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Mx|Dr|Prof)\.?\s$/u;

/**
 * A name right after a courtesy title is a person's ("Ms Ana Ruiz, a member of the work group, said"), whatever
 * the tagger made of the words after it (an appositive about membership reads to it as an organisation's). A
 * name that ends in the head word of a body or a place ("Dr Ruiz Clinic") is that body or place, and keeps its
 * type, and so does a country after "Miss" (a pageant's title, "Miss Velmaria"). Mentions must have their text
 * set; their types are changed in place.
 */
export function personsAfterHonorifics(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type === "person") continue;
    if (!HONORIFIC_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
    const words = m.text.split(/\s+/u);
    if (endsInHead(words[words.length - 1] as string) || isCountry(m.text, lexicon)) continue;
    m.type = "person";
  }
  return mentions;
}
