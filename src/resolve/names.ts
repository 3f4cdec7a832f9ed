import { PERSON_TITLES } from "../annotate/mentions/cues.js";

/**
 * Titles and honorifics that may precede a name; they are not part of who is named. The detector's titles
 * and ranks, and the words of office titles ("Foreign Minister", "Supreme Leader").
 */
const TITLES = new Set([
  ...PERSON_TITLES,
  "commodore",
  "ensign",
  "constable",
  "const",
  "cst",
  "det",
  "trooper",
  "sheriff",
  "agent",
  "cpl",
  "pte",
  "private",
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "president",
  "vice",
  "prime",
  "minister",
  "premier",
  "chancellor",
  "secretary",
  "general",
  "gen",
  "lt",
  "colonel",
  "col",
  "major",
  "maj",
  "captain",
  "capt",
  "commander",
  "admiral",
  "sergeant",
  "sgt",
  "governor",
  "gov",
  "mayor",
  "senator",
  "sen",
  "representative",
  "rep",
  "judge",
  "justice",
  "king",
  "queen",
  "prince",
  "princess",
  "sheikh",
  "imam",
  "ayatollah",
  "pope",
  "bishop",
  "chief",
  "deputy",
  "former",
  "foreign",
  "defence",
  "defense",
  "interior",
  "finance",
  "health",
  "state",
  "supreme",
  "leader",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "ambassador",
  "envoy",
  "chairman",
  "chairwoman",
  "chair",
  "director",
  "inspector",
  "superintendent",
  "officer",
  "councillor",
  "councilor",
  "alderman",
  "mp",
  "the",
]);

/** Words that join the parts of a name without being part of its identity ("of", "in", "for"). */
export const CONNECTORS = new Set([
  "of",
  "in",
  "for",
  "and",
  "the",
  "on",
  "at",
  "de",
  "du",
  "des",
  "la",
  "le",
  "del",
  "der",
  "van",
  "von",
  "&",
]);

/** Arabic and other articles glued to a name part: "al-Haddad", "el-Sisi", "ad-Din". */
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|at|az|an|ash|ath|ul)[-‐‑‒’' ](?=\p{L})/iu;

/** Case-, accent- and apostrophe-insensitive form of a surface name, with possessives and a leading "the" removed. */
export function foldName(surface: string): string {
  return surface
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/'s?$/i, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}'&-]+/gu, " ")
    .trim();
}

/** The words of a folded name. */
export function nameWords(folded: string): string[] {
  return folded.split(/[\s]+/).filter((w) => w.length > 0);
}

/** A folded name without leading titles ("mayor velasquez" -> "velasquez"). */
export function stripTitles(words: string[]): string[] {
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i] as string)) i++;
  return words.slice(i);
}

/** True when every word of a folded name is a title: "Mr.", "Constable", no name at all. */
export function isOnlyTitles(words: string[]): boolean {
  return words.length > 0 && words.every((w) => TITLES.has(w.replace(/\.$/, "")));
}

/**
 * Legal forms after a company's name: "TallGrass Distribution Ltd." is "TallGrass Distribution". Not "Corp",
 * which is also how "Corps" gets misspelt.
 */
const LEGAL_FORMS = new Set([
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "llc",
  "plc",
  "co",
  "gmbh",
  "ag",
  "sa",
  "nv",
  "bv",
  "lp",
  "llp",
  "pty",
]);

/** A folded organisation name without its trailing legal form(s), when a name remains. */
export function stripLegalForm(words: string[]): string[] {
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.has((words[end - 1] as string).replace(/\.$/, ""))) end--;
  return words.slice(0, end);
}

/** A name part without its article ("al-haddad" -> "haddad"). */
export function bareWord(word: string): string {
  return word.replace(ARTICLE_PREFIX, "");
}

/** The key two spellings share when they differ only by "al-" articles or spacing. */
export function bareKey(words: string[]): string {
  return words
    .filter((w) => !/^(?:al|el)$/.test(w))
    .map(bareWord)
    .join(" ");
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The initials of a name's content words ("coastal security directorate" -> "csd"). */
export function initials(words: string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => bareWord(w)[0] ?? "")
    .join("");
}

/** True for an acronym as written: 2 to 6 capitals, optionally with periods ("CSD", "U.N."). */
export function isAcronym(surface: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}s?$/u.test(surface.trim()) && !/^\p{Lu}\p{Ll}/u.test(surface);
}
