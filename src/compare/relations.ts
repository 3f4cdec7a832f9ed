import type { EntityIndex, Mention, RelationFinding } from "../model/index.js";
import type { Unit } from "./units.js";

/** The words between two names may be at most this long for a clause pattern to join them. */
const MAX_GAP_CHARS = 60;

/**
 * Clause patterns between a subject name and an object name, as predicate and the words that must lie between
 * them. Each pattern is anchored at the end of the gap (the object follows the verb phrase).
 */
const PREDICATES: { predicate: string; between: RegExp }[] = [
  { predicate: "threatens", between: /\bthreaten(?:s|ed|ing)?\b(?:\s+to\s+\w+)?(?:\s+(?:the|its|their))?\s*$/i },
  {
    predicate: "backs",
    between:
      /\b(?:backs|backed|supports?|supported|arms|armed|funds|funded|sponsors|sponsored)\b(?:\s+(?:the|its|their))?\s*$/i,
  },
  {
    predicate: "negotiates with",
    between: /\b(?:negotiat\w*|(?:in\s+)?talks|held talks|talking)\s+with\s+(?:the\s+)?$/i,
  },
  {
    predicate: "is part of",
    between: /\b(?:is|are|was|were)\s+(?:a\s+)?(?:part|members?)\s+of\s+(?:the\s+)?$|\bbelongs?\s+to\s+(?:the\s+)?$/i,
  },
  {
    predicate: "attacked",
    between: /\b(?:attack(?:s|ed)?|struck|strikes|bomb(?:s|ed)|target(?:s|ed)|invaded|shelled)\s+(?:the\s+)?$/i,
  },
  { predicate: "said to", between: /\b(?:told|said\s+to)\s+(?:the\s+)?$/i },
  { predicate: "urged", between: /\burg(?:es|ed)\s+(?:the\s+)?$/i },
  { predicate: "met", between: /\bmet(?:\s+with)?\s+(?:the\s+)?$/i },
  { predicate: "accused", between: /\baccus(?:es|ed)\s+(?:the\s+)?$/i },
  { predicate: "leads", between: /\b(?:leads|led|heads|headed)\s+(?:the\s+)?$/i },
];

/** The words from a name to a second name that a relative clause about the first holds (", who leads the "). */
const RELATIVE_OPENING = /^\s*,\s+(?:who|which)\s+[\p{Ll}\s]{1,40}$/u;
/** The end of that relative clause: lower-case words and the comma that closes it. */
const RELATIVE_CLOSING = /^[\p{Ll}\s'’-]{0,30},/u;

const SUBORDINATE = /\b(?:to|of|in|at|from|with|for|by|on|about)\s+(?:the\s+)?$/i;

/** A negation in the gap turns the clause around: "did not attack" is no attack. */
const NEGATED = /\b(?:not|never|no)\b|n['’]t\b/i;

/**
 * Subject–predicate–object relations between named entities from clause patterns in each sentence (outside
 * quotations), merged across articles with their sources and evidence sentences.
 */
export function relationsOf(units: Unit[], entities: EntityIndex): RelationFinding[] {
  const merged = new Map<string, RelationFinding>();
  for (const u of units) {
    const names = u.mentions.filter(
      (m) => m.type !== "other" && !u.quotes.some((q) => m.start >= q.start && m.end <= q.end),
    );
    for (let i = 0; i + 1 < names.length; i++) {
      let subject = names[i] as Mention;
      const object = names[i + 1] as Mention;
      // "A, who leads the B union, told C": B sits in a relative clause about A, and A is the one who told C.
      const antecedent = names[i - 1];
      if (antecedent) {
        const clause = u.text.slice(antecedent.end - u.sentence.start, subject.start - u.sentence.start);
        const rest = u.text.slice(subject.end - u.sentence.start, object.start - u.sentence.start);
        if (RELATIVE_OPENING.test(clause) && RELATIVE_CLOSING.test(rest)) subject = antecedent;
      }
      const gap = u.text.slice(subject.end - u.sentence.start, object.start - u.sentence.start);
      const before = u.text.slice(Math.max(0, subject.start - u.sentence.start - 6), subject.start - u.sentence.start);
      // A possessive ("Chile's government told") or a prepositional object ("close to Chile") is not the subject.
      if (/^['’]s?\b/u.test(gap) || /['’]s?$/u.test(subject.text) || SUBORDINATE.test(before)) continue;
      if (gap.length > MAX_GAP_CHARS || /[.;:!?"“”]/u.test(gap) || NEGATED.test(gap)) continue;
      const predicate = PREDICATES.find((p) => p.between.test(gap))?.predicate;
      if (!predicate) continue;
      const s = entities.byMention(u.article, subject.start, subject.end);
      const o = entities.byMention(u.article, object.start, object.end);
      if (!s || !o || s.id === o.id) continue;
      const key = `${s.id}\u0000${predicate}\u0000${o.id}`;
      const r = merged.get(key) ?? { subject: s.id, predicate, object: o.id, sources: [], evidence: [] };
      if (!r.sources.includes(u.article)) r.sources.push(u.article);
      if (!r.evidence.some((e) => e.article === u.article && e.start === u.sentence.start))
        r.evidence.push({ article: u.article, start: u.sentence.start, end: u.sentence.end });
      merged.set(key, r);
    }
  }
  return [...merged.values()].sort((a, b) => b.sources.length - a.sources.length);
}
