import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import type { MentionInput } from "./input.js";
import { detectMentionsWithTagger } from "./tagger.js";

export type { MentionInput } from "./input.js";
export { detectMentionsByRules, type RuleMention } from "./rules.js";
export { detectMentionsWithTagger } from "./tagger.js";

/**
 * Finds the names of people, organisations and places in a document (and other names, typed "other").
 *
 * A trained tagger (an averaged perceptron over word, shape, context, gazetteer and document features, decoded
 * with Viterbi) labels the words; among its features is the output of the hand-written rule detector
 * (`detectMentionsByRules`), so the rules' knowledge of news conventions and the corpora's statistics are
 * weighed together. The result is sorted by `start` and has no overlaps.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * detectMentions({ text, tokens, sentences }); // [{ text: "Ali Hassan", type: "person", start: 0, end: 10 }, ...]
 */
export function detectMentions(input: MentionInput, lexicon?: Lexicon): Mention[] {
  return detectMentionsWithTagger(input, lexicon);
}
