import type { EntityType, Mention, Sentence, Token } from "../../model/index.js";
import type { Candidate } from "./candidates.js";
import { findCandidates } from "./candidates.js";
import { collectCaseStats } from "./casing.js";
import { resolveInDocument, scoreCandidate } from "./evidence.js";

export { placeOfDemonym } from "./lexicon.js";

/** What `detectMentions` reads: the text and the tokenizer's output for it. */
export interface MentionInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * Finds the names of people, organisations and places in a document.
 *
 * Capitalised runs of tokens are the candidates; titles, demonyms and calendar words are split off; each
 * run is typed from its own words (gazetteers, first names, organisation and place heads, corpus counts),
 * its context (titles, role nouns, speech verbs, prepositions of place, sport tables) and, last, what the
 * rest of the document says about the same name. The result is sorted by `start` and has no overlaps.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * detectMentions({ text, tokens, sentences }); // [{ text: "Ali Hassan", type: "person", start: 0, end: 10 }, ...]
 */
export function detectMentions(input: MentionInput): Mention[] {
  const { text, tokens, sentences } = input;
  const stats = collectCaseStats(tokens, sentences);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    for (const c of findCandidates(tokens, sentence, index, stats)) candidates.push(c);
  });
  const evidence = candidates.map((c) => scoreCandidate(c, tokens, sentences));
  const types = resolveInDocument(candidates, evidence, tokens);
  const mentions: Mention[] = [];
  candidates.forEach((c, i) => {
    const start = (tokens[c.first] as Token).start;
    const end = (tokens[c.end - 1] as Token).end - c.trim;
    mentions.push({ start, end, text: text.slice(start, end), type: types[i] as EntityType });
  });
  return mentions.sort((a, b) => a.start - b.start);
}
