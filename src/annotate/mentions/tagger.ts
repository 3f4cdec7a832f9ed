import type { EntityType, Mention, Token } from "../../model/index.js";
import type { MentionInput } from "./input.js";
import { detectMentionsByRules } from "./rules.js";
import model from "./tagger.model.json" with { type: "json" };
import { ruleTags, TYPE_OF_CONLL, taggerTokens } from "./tagger-tokens.js";
import { parseWeights, type TaggerWeights, tagDocument } from "./tagger-weights.js";

let loaded: TaggerWeights | undefined;

/**
 * Evidence from a name's own words (log-odds-like units of the rule detector) at which its type is settled:
 * an organisation noun, a place head, a title, a university.
 */
const SURE_OWN_SCORE = 3;

/**
 * Parses the shipped weights ("feature\tw0,w1,..." lines, empty for zero) on first use, so importing the
 * module costs nothing until a document is tagged.
 */
export function taggerWeights(): TaggerWeights {
  if (!loaded) loaded = parseWeights(model.weights, model.transitions);
  return loaded;
}

/**
 * Finds names with the trained tagger, which reads the rule detector's output among its features.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * detectMentionsWithTagger({ text, tokens, sentences }); // [{ text: "Ali Hassan", type: "person", ... }]
 */
export function detectMentionsWithTagger(input: MentionInput): Mention[] {
  const { tokens, sentences } = taggerTokens(input);
  const ruleMentions = detectMentionsByRules(input);
  const rules = ruleTags(tokens, ruleMentions);
  const labels = tagDocument(
    {
      words: tokens.map((t) => t.text),
      sentences,
      rules,
      newsCopies: "rules",
    },
    taggerWeights(),
  );
  const mentions: Mention[] = [];
  let open: Mention | undefined;
  labels.forEach((label, i) => {
    const t = tokens[i] as Token;
    if (label === "O") {
      open = undefined;
      return;
    }
    const type = TYPE_OF_CONLL[label.slice(2)] as EntityType;
    if (label.startsWith("I-") && open && open.type === type) {
      open.end = t.end;
      return;
    }
    open = { start: t.start, end: t.end, text: "", type };
    mentions.push(open);
  });
  // Where the name's own words settle its type ("Delta Shipping", "Mount Elgon"), the tagger keeps the span
  // it found but not a type of its own.
  const sure = new Map<string, EntityType>();
  for (const r of ruleMentions)
    if (r.own === r.type && r.ownScore >= SURE_OWN_SCORE) sure.set(`${r.start}:${r.end}`, r.type);
  for (const m of mentions) {
    m.text = input.text.slice(m.start, m.end);
    const type = sure.get(`${m.start}:${m.end}`);
    if (type) m.type = type;
  }
  return mentions.filter((m) => /[\p{L}\p{N}]/u.test(m.text));
}
