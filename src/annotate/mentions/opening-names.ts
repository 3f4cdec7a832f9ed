import type { Mention, Token } from "../../model/index.js";
import type { MentionInput } from "./input.js";

/** Tokens after which a capital is the convention, as at the start of a sentence. */
const OPENERS = new Set(['"', "'", "(", "-", "--", "—", "–", "“", "‘", "``", "*", "•"]);
/** The longest run of capitalised words taken as a name at a sentence's start. */
const MAX_WORDS = 3;
const CAPITALISED = /^\p{Lu}/u;

/**
 * A capital at a sentence's start says nothing, so the tagger often leaves a firm or a club that opens a sentence
 * unnamed ("Velmarco posted a loss", "Kestrel are fifth"). Where the same words are an organisation elsewhere in
 * the document, written where a capital means a name (inside a sentence), the opening words are that
 * organisation too. Only organisations: a person or a place found elsewhere is as often the start of another
 * name there. Returns the mentions sorted by `start`.
 */
export function organisationsOpeningSentences(mentions: Mention[], input: MentionInput): Mention[] {
  const { tokens, sentences } = input;
  // A loop rather than `map`: an array `map` makes in optimised code is of another kind than one it makes
  // unoptimised, and the caller's optimised code (which inlines this) was thrown away when it met the other.
  const firstWords: number[] = [];
  for (const s of sentences) firstWords.push(firstWord(tokens, s.tokenStart, s.tokenEnd));
  const opening = new Set<number>();
  for (const i of firstWords) opening.add(i < tokens.length ? (tokens[i] as Token).start : -1);
  const organisations = new Set(
    mentions.filter((m) => m.type === "organization" && !opening.has(m.start)).map((m) => m.text),
  );
  if (organisations.size === 0) return mentions;
  const covered = (t: Token) => mentions.some((m) => m.start < t.end && t.start < m.end);
  const added: Mention[] = [];
  sentences.forEach((s, k) => {
    const i = firstWords[k] as number;
    let end = i;
    while (
      end < s.tokenEnd &&
      end - i < MAX_WORDS + 1 &&
      CAPITALISED.test((tokens[end] as Token).text) &&
      !covered(tokens[end] as Token)
    )
      end++;
    if (end === i || end - i > MAX_WORDS) return;
    const start = (tokens[i] as Token).start;
    const stop = (tokens[end - 1] as Token).end;
    const text = input.text.slice(start, stop);
    if (organisations.has(text)) added.push({ start, end: stop, text, type: "organization" });
  });
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** The index of a sentence's first word, past opening quotation marks, brackets, dashes and bullets. */
function firstWord(tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to - 1 && OPENERS.has((tokens[i] as Token).text)) i++;
  return i;
}
