import { defaultLexicon, type Lexicon } from "../../lexicon/index.js";
import type { EntityType, Mention, Token } from "../../model/index.js";
import type { Candidate } from "./candidates.js";
import { findCandidates } from "./candidates.js";
import { collectCaseStats } from "./casing.js";
import { type Evidence, resolveInDocument, type SureForm, scoreCandidate } from "./evidence.js";
import type { MentionInput } from "./input.js";
import { TYPES } from "./words.js";

/** A name the rules found, with how they came to its type. */
export interface RuleMention extends Mention {
  /** How far the chosen type's evidence is ahead of the next type's (log-odds-like units). */
  margin: number;
  /** The type the name's own words point to, and the type its context points to ("none" when nothing does). */
  own: EntityType | "none";
  context: EntityType | "none";
  /** How strongly they point there (log-odds-like units). */
  ownScore: number;
  contextScore: number;
  /** The context reads as a sports result. */
  team: boolean;
  /** The type was fixed by the form alone (a demonym). */
  fixed: boolean;
  /** A form news conventions settle (an event's name, a dateline, a credit line): its span and type stand. */
  sure?: SureForm;
}

/**
 * Finds names with hand-written rules alone: capitalised runs of tokens are the candidates; titles, demonyms
 * and calendar words are split off; each run is typed from its own words (gazetteers, first names,
 * organisation and place heads, corpus counts), its context (titles, role nouns, speech verbs, prepositions of
 * place, sport tables) and, last, what the rest of the document says about the same name. The result is sorted
 * by `start` and has no overlaps. The trained tagger reads this output, evidence included, among its features.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * detectMentionsByRules({ text, tokens, sentences }); // [{ text: "Ali Hassan", type: "person", start: 0, end: 10, ... }]
 */
export function detectMentionsByRules(input: MentionInput, lexicon: Lexicon = defaultLexicon()): RuleMention[] {
  const { text, tokens, sentences } = input;
  const stats = collectCaseStats(tokens, sentences, lexicon);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    for (const c of findCandidates(tokens, sentence, index, stats, lexicon)) candidates.push(c);
  });
  const evidence = candidates.map((c) => scoreCandidate(c, tokens, sentences, lexicon));
  const { types, totals } = resolveInDocument(candidates, evidence, tokens);
  const mentions: RuleMention[] = [];
  candidates.forEach((c, i) => {
    const start = (tokens[c.first] as Token).start;
    const end = (tokens[c.end - 1] as Token).end - c.trim;
    const type = types[i] as EntityType;
    const total = totals[i] as Record<EntityType, number>;
    const e = evidence[i] as Evidence;
    const runnerUp = Math.max(...TYPES.filter((t) => t !== type).map((t) => total[t]));
    const mention: RuleMention = {
      start,
      end,
      text: text.slice(start, end),
      type,
      margin: total[type] - runnerUp,
      own: leading(e.own),
      context: leading(e.context),
      ownScore: Math.max(...TYPES.map((t) => e.own[t])),
      contextScore: Math.max(...TYPES.map((t) => e.context[t])),
      team: e.team,
      fixed: c.fixed !== undefined,
    };
    if (e.sure) mention.sure = e.sure;
    mentions.push(mention);
  });
  return mentions.sort((a, b) => a.start - b.start);
}

/** Evidence below this says nothing about the type. */
const NO_EVIDENCE = 0.5;

function leading(scores: Record<EntityType, number>): EntityType | "none" {
  let best: EntityType | "none" = "none";
  let value = NO_EVIDENCE;
  for (const t of TYPES) {
    if (scores[t] > value) {
      value = scores[t];
      best = t;
    }
  }
  return best;
}
