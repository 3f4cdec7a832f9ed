import type { EntityType, Mention, Token } from "../../model/index.js";
import type { MentionInput } from "./input.js";
import type { RuleMention } from "./rules.js";

/** A possessive ending ("Chile's", "Qatar’s") comes off its word as the corpora the tagger learned from write it. */
const POSSESSIVE = /^(.*\p{L})(['’][sS])$/u;

/** The tagger's words: the tokenizer's tokens with possessive endings split off, and sentence ranges over them. */
export function taggerTokens(input: MentionInput): { tokens: Token[]; sentences: [number, number][] } {
  const tokens: Token[] = [];
  const sentences: [number, number][] = [];
  for (const s of input.sentences) {
    const from = tokens.length;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = input.tokens[i] as Token;
      const m = POSSESSIVE.exec(t.text);
      if (m) {
        const cut = t.start + (m[1] as string).length;
        tokens.push({ start: t.start, end: cut, text: m[1] as string });
        tokens.push({ start: cut, end: t.end, text: m[2] as string });
      } else tokens.push(t);
    }
    if (tokens.length > from) sentences.push([from, tokens.length]);
  }
  return { tokens, sentences };
}

/** How the rules typed a name: the evidence behind their choice, for the tagger to weigh. */
export interface RuleReading {
  /** The type chosen, as a CoNLL type ("PER", "ORG", "LOC", "MISC"). */
  type: string;
  /** How far the chosen type's evidence is ahead of the next type's. */
  margin: number;
  /** The types the name's own words and its context point to ("person", ..., "none") and how strongly. */
  own: EntityType | "none";
  ownScore: number;
  context: EntityType | "none";
  contextScore: number;
  team: boolean;
  fixed: boolean;
}

/** What the rule detector said about one token: its BIO tag and, inside a name, how it came to the type. */
export interface RuleTag {
  tag: string;
  reading?: RuleReading;
}

/**
 * The rule detector's reading of each token: BIO tags of the tokens under its mentions (a token counts as
 * inside when it overlaps one), with the evidence behind each type. Mentions are sorted and disjoint.
 */
export function ruleTags(tokens: readonly Token[], mentions: readonly (Mention | RuleMention)[]): RuleTag[] {
  // Filled by `push`, not `map`, so the array is of one kind whether or not this code is optimised (see
  // `visitFeatures`, which reads it).
  const tags: RuleTag[] = [];
  for (let k = 0; k < tokens.length; k++) tags.push({ tag: "O" });
  let t = 0;
  for (const m of mentions) {
    while (t < tokens.length && (tokens[t] as Token).end <= m.start) t++;
    const type = CONLL_OF[m.type];
    const reading: RuleReading | undefined =
      "margin" in m
        ? {
            type,
            margin: m.margin,
            own: m.own,
            ownScore: m.ownScore,
            context: m.context,
            contextScore: m.contextScore,
            team: m.team,
            fixed: m.fixed,
          }
        : undefined;
    let first = true;
    for (let k = t; k < tokens.length && (tokens[k] as Token).start < m.end; k++) {
      tags[k] = reading ? { tag: `${first ? "B" : "I"}-${type}`, reading } : { tag: `${first ? "B" : "I"}-${type}` };
      first = false;
    }
  }
  return tags;
}

/** CoNLL types by entity type. */
export const CONLL_OF: Record<EntityType, string> = { person: "PER", organization: "ORG", place: "LOC", other: "MISC" };
/** Entity types by CoNLL type. */
export const TYPE_OF_CONLL: Record<string, EntityType> = {
  PER: "person",
  ORG: "organization",
  LOC: "place",
  MISC: "other",
};
