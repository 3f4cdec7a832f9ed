import type { Mention } from "../../model/index.js";

/** An acronym in brackets, as the head of the text after a name: "( OSCE )", "(LTTE)". */
const ACRONYM_AFTER = /^\s*\(\s*(\p{Lu}[\p{Lu}-]{1,7})\s*\)/u;
/** Small words a name keeps between its capitalised words that its acronym skips ("of", "for", "and", "the"). */
const SKIPPED = new Set(["of", "for", "and", "the", "in", "on", "to", "at", "de", "la", "du", "des", "&", "'", "’"]);
/** The longest name, in words, looked for before an acronym. */
const MAX_WORDS = 14;

/**
 * A long name followed by its acronym in brackets ("Council for Trade and Security in Velmaria ( CTSV )") is
 * one organisation, from the word whose initial opens the acronym to the bracket: the acronym spells the
 * capitalised words' initials, the small words skipped. Where the tagger cut such a name into pieces (an
 * organisation, a place, another organisation) and read one of them as an organisation, the pieces become the
 * whole. A name the tagger found whole, or whose pieces it read as no organisation, is left as it is. Mentions
 * must be sorted by `start` with their text set.
 */
export function namesBeforeTheirAcronyms(mentions: Mention[], text: string): Mention[] {
  const joined: Mention[] = [];
  for (const m of mentions) {
    const acronym = ACRONYM_AFTER.exec(text.slice(m.end, m.end + 16))?.[1];
    if (!acronym) continue;
    const start = initialsStart(text, m.end, acronym.replace(/-/g, ""));
    if (start === undefined || start >= m.start) continue;
    const pieces = mentions.filter((x) => x.start < m.end && start < x.end);
    if (pieces.some((x) => x.start < start) || !pieces.some((x) => x.type === "organization")) continue;
    joined.push({ start, end: m.end, text: text.slice(start, m.end), type: "organization" });
  }
  if (joined.length === 0) return mentions;
  const covered = (x: Mention) => joined.some((j) => x.start < j.end && j.start < x.end);
  return [...mentions.filter((x) => !covered(x)), ...joined].sort((a, b) => a.start - b.start);
}

/**
 * Where the name ending at `end` starts if its capitalised words' initials spell `letters`: walking back word
 * by word, small words skipped, until the initials read so; undefined when they never do or a word that is
 * neither capitalised nor small comes first.
 */
function initialsStart(text: string, end: number, letters: string): number | undefined {
  const words = [...text.slice(Math.max(0, end - 200), end).matchAll(/\S+/gu)];
  const offset = Math.max(0, end - 200);
  let initials = "";
  for (let k = words.length - 1; k >= 0 && k >= words.length - MAX_WORDS; k--) {
    const w = (words[k] as RegExpMatchArray)[0];
    if (SKIPPED.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w)) return undefined;
    initials = w[0] + initials;
    if (initials === letters) return offset + ((words[k] as RegExpMatchArray).index as number);
    if (!letters.endsWith(initials)) return undefined;
  }
  return undefined;
}
