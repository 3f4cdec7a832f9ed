import type { EntityType, Mention, Sentence, Token } from "../../model/index.js";
import { speechVerb } from "./speech-verbs.js";
import {
  isCapitalised,
  lower,
  NAME_PARTICLES,
  ORGANISATION_WORDS,
  PERSON_TITLES,
  SENTENCE_INITIAL,
  wordSet,
} from "./words.js";

const PLACE_PREPOSITIONS = wordSet(`
  in at from to near across outside inside into
`);

/** Acronyms (NATO, CSD) name organisations far more often than people. */
const ACRONYM = /^\p{Lu}{2,6}s?$/u;

/**
 * Guesses the type of a capitalised name from its words and the word before it. Only a fallback for when no
 * mention detector ran; it is right often enough to resolve pronouns, not to be reported as entities.
 */
export function guessType(words: string[], before: string): EntityType {
  const lowered = words.map((w) => w.toLowerCase().replace(/\.$/u, ""));
  if (lowered.some((w) => ORGANISATION_WORDS.has(w))) return "organization";
  if (words.length === 1 && ACRONYM.test(words[0] ?? "")) return "organization";
  if (PERSON_TITLES.has(lowered[0] ?? "") || PERSON_TITLES.has(before.replace(/\.$/u, ""))) return "person";
  if (PLACE_PREPOSITIONS.has(before)) return "place";
  if (words.length >= 2 && words.length <= 4) return "person";
  return "other";
}

/** Token indices that open a sentence or a quotation, where capitals say nothing about names. */
function openingPositions(tokens: Token[], sentences: Sentence[]): Set<number> {
  const openings = new Set<number>();
  for (const s of sentences) openings.add(s.tokenStart);
  tokens.forEach((t, i) => {
    if (/^["“‘'([«]$/u.test(t.text)) openings.add(i + 1);
  });
  return openings;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === " " || gap === "";
}

/**
 * Finds capitalised names (runs of capitalised words, with particles like al- and "of" between them) and guesses
 * their type. A capitalised word that only ever opens a sentence counts only when it is the subject of a speech
 * verb ("Officials said" does not; "Reuters reported" does when Reuters recurs).
 */
export function findNames(text: string, tokens: Token[], sentences: Sentence[]): Mention[] {
  const openings = openingPositions(tokens, sentences);
  const midSentence = new Set<string>();
  tokens.forEach((t, i) => {
    if (!openings.has(i) && isCapitalised(t)) midSentence.add(t.text);
  });
  const names: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    const opening = openings.has(i);
    if (!isCapitalised(first) || (opening && SENTENCE_INITIAL.has(lower(first)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j] as Token;
      const prev = tokens[j - 1] as Token;
      if (!adjacent(text, prev, t)) break;
      if (isCapitalised(t) && !speechVerb(t.text)) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      const linker = NAME_PARTICLES.has(lower(t)) || lower(t) === "of";
      if (linker && next && isCapitalised(next) && adjacent(text, t, next)) {
        j += 2;
        continue;
      }
      if (lower(t) === "of" && lower(next) === "the" && tokens[j + 2] && isCapitalised(tokens[j + 2] as Token)) {
        j += 3;
        continue;
      }
      break;
    }
    const words = tokens.slice(i, j);
    const last = words[words.length - 1] as Token;
    const single = words.length === 1;
    if (single && opening && !midSentence.has(first.text)) {
      i = j;
      continue;
    }
    const before = lower(tokens[i - 1]);
    names.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      type: guessType(
        words.map((w) => w.text),
        before,
      ),
    });
    i = j;
  }
  return names;
}
