import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { COMMON_WORD, endsInHead, isCountry } from "./words.js";

/**
 * Names that hold the words the tagger stops at. Institutions are often named with common words, and two
 * places inside such names read to the tagger as the end of one name and the start of another: a common noun
 * in the possessive ("the People's Bank of Velmar", "the Workers' Party", "the Donmar People's Republic") and
 * "and" or "for" between common nouns ("the Kestrel Alliance for Research and Technology"). A common word is
 * capitalised in running text only because it is part of a name, so where the words on both sides of the break
 * are such words, the break is inside one name.
 */

/** A capitalised word, then a possessive ("People's", "Workers'"), as the tail of the text before a name. */
const POSSESSIVE_WORD = /(?:^|[^\p{L}\p{M}'’-])(\p{Lu}\p{Ll}+)(['’][sS]|(?<=s)['’])\s$/u;
/** "and" or "for" between two parts of a name, as the text between them. */
const JOINING_WORD = /^\s(?:and|for|&)\s$/u;

/**
 * A common word (the dictionary writes it in lower case, or the corpora do) that the corpora never saw as a
 * whole name by itself: "Action", "Research", "Workers", but not "Police" or "Army", which name a body alone.
 */
function commonPart(word: string, lexicon: Lexicon): boolean {
  const kind = lexicon.dictionaryKind(word);
  if (kind === "name" || kind === "both") return false;
  if (kind !== "common" && lexicon.lowerCount(word.toLowerCase()) < COMMON_WORD) return false;
  return (lexicon.wordCounts(word)?.alone ?? 0) === 0 && !lexicon.lookupPlace(word);
}

/** Whether a name has a head word of a body, a place or an event among its words ("Bank of Velmar", "Republic"). */
const hasHead = (words: string[]) => words.some((w) => endsInHead(w));

/** The index of the nearest mention before index `at` that is still there, or -1. */
function before(mentions: (Mention | undefined)[], at: number): number {
  for (let i = at - 1; i >= 0; i--) if (mentions[i] !== undefined) return i;
  return -1;
}

/**
 * A common noun in the possessive inside a name: "People's" before "Bank of Velmar" or "Republic", "Workers'"
 * before "Party of Velmar". The name after the possessive must hold a head word of its own (a body, a place, an
 * event), so that "Officials' Velmar trip" stays a possessive before a town; and it must not be a person
 * ("Women's Ana Ruiz") or a country. Capitalised words right before the possessive word, read as a name of
 * their own ("Donmar People"), are part of it too. The joined name has the type of the name after the
 * possessive. Mentions must have their text set and be sorted by `start`.
 */
export function possessiveCommonNames(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const out: (Mention | undefined)[] = [...mentions];
  for (let i = 0; i < out.length; i++) {
    const b = out[i];
    if (!b || b.type === "person" || isCountry(b.text, lexicon)) continue;
    // A name with "and" in it may be two ("Retirement System and Velmar Insurance Group"): only one is owned.
    if (!hasHead(b.text.split(/\s+/u)) || /\s(?:and|&)\s/u.test(b.text)) continue;
    const tail = POSSESSIVE_WORD.exec(text.slice(Math.max(0, b.start - 40), b.start));
    if (!tail) continue;
    const word = tail[1] as string;
    if (!commonPart(word, lexicon)) continue;
    const wordStart = b.start - tail[0].length + tail[0].indexOf(word);
    let start = wordStart;
    // The possessive word read as a name, or as the end of one ("Donmar People", even read as a person's):
    // that name's words join too.
    const at = before(out, i);
    const a = out[at];
    if (a && a.end === wordStart + word.length) {
      start = a.start;
      out[at] = undefined;
    } else if (a && a.end > wordStart) continue;
    out[i] = { start, end: b.end, text: text.slice(start, b.end), type: b.type };
  }
  return out.filter((m): m is Mention => m !== undefined);
}

/** Words that join the parts of a name of common words ("Centers for Disease Control and Prevention"). */
const CONNECTORS = new Set(["of", "for", "and", "&", "on", "the"]);
/** The start of a sentence or line, then a name: its capital says nothing. */
const OPENING = /(?:^|[.!?:]\s+|\n\s*)$/u;
/** "and", "for" or "&", then capitalised words, as the head of the text after a name. */
const JOINED_WORDS = /^\s(?:and|for|&)\s(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*)(?![\p{L}\p{N}'’-])/u;

/**
 * "and", "for" or "&" inside an organisation's name, where the tagger ended the name at it:
 * - an organisation of two words or more, then capitalised common words ("Kestrel Alliance for Research" +
 *   "and Technology", "Ministry of Trade" + "and Industry", "Association of Women" + "for Action"), read from
 *   the text, as the tagger may have dropped such words or read them as a name of their own; they must never
 *   name a body alone (so "the Port Authority and Police" stays two) and hold no head word of their own
 *   ("Chamber of Commerce and Trust Fund");
 * - common words, then an organisation of common words and head words only ("Securities" + "and" + "Exchange
 *   Commission", "Centers" + "for" + "Disease Control and Prevention"), where the first is not at the start
 *   of a sentence, whose capital would say nothing of it, and one of their words is the head word of a body
 *   (teams named by plain plurals, "the Otters and Owls", stay two).
 * Runs left to right, so a chain of parts joins into one name. Mentions must have their text set and be sorted
 * by `start`.
 */
export function conjoinedNameParts(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const part = (w: string) => commonPart(w, lexicon);
  const words = (m: Mention) => m.text.split(/\s+/u);
  // Where the tagger found a person of two words or more, the words are a name of their own ("Rain Field").
  const people = new Set(mentions.filter((m) => m.type === "person" && /\s/u.test(m.text)).map((m) => m.start));
  const out: Mention[] = [];
  for (const m of mentions) {
    const a = out[out.length - 1];
    // The name before has grown over this one.
    if (a && m.start < a.end) continue;
    if (
      a &&
      JOINING_WORD.test(text.slice(a.end, m.start)) &&
      m.type === "organization" &&
      words(a).every(part) &&
      words(m).every((w) => CONNECTORS.has(w) || endsInHead(w) || part(w)) &&
      [...words(a), ...words(m)].some(endsInHead) &&
      !OPENING.test(text.slice(Math.max(0, a.start - 4), a.start))
    ) {
      out[out.length - 1] = { start: a.start, end: m.end, text: text.slice(a.start, m.end), type: "organization" };
      continue;
    }
    out.push(extended(m, text, part, people));
  }
  return out;
}

/**
 * An organisation of two words or more with the common words after its "and", "for" or "&" taken in, unless
 * they begin at one of `people`'s offsets.
 */
function extended(m: Mention, text: string, part: (w: string) => boolean, people: Set<number>): Mention {
  if (m.type !== "organization" || !/\s/u.test(m.text)) return m;
  let end = m.end;
  for (;;) {
    const next = JOINED_WORDS.exec(text.slice(end, end + 80));
    const words = next?.[1] as string | undefined;
    if (!next || words === undefined || people.has(end + next[0].length - words.length)) break;
    if (!words.split(/\s/u).every((w) => part(w) && !endsInHead(w))) break;
    end += next[0].length;
  }
  return end === m.end ? m : { ...m, end, text: text.slice(m.start, end) };
}
