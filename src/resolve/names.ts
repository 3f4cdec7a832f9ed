import { PERSON_TITLES } from "../words/names.js";

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

/**
 * Titles of royalty and nobility. Unlike an office ("Mayor", "President"), such a title stays part of who is
 * named: "Prince Edgar" and "King Edgar VI" are two people of one family.
 */
export const ROYAL_TITLES = new Set([
  "king",
  "queen",
  "prince",
  "princess",
  "emperor",
  "empress",
  "tsar",
  "czar",
  "tsarina",
  "sultan",
  "emir",
  "shah",
  "pope",
  "duke",
  "duchess",
  "archduke",
  "archduchess",
]);

/** Royal titles of a reigning monarch, the ones a regnal number ("VI") goes with. */
export const REGNANT_TITLES = new Set([
  "king",
  "queen",
  "emperor",
  "empress",
  "tsar",
  "czar",
  "sultan",
  "emir",
  "shah",
  "pope",
]);

/** A regnal number as folded: "ii", "vi", "xiv" (up to 39). */
export function isRegnalNumber(word: string): boolean {
  return word.length > 0 && /^x{0,3}(?:ix|iv|v?i{0,3})$/.test(word);
}

/** The most title words read before a name ("Deputy Prime Minister"). */
const MAX_TITLE_WORDS = 4;

/** Titles written shortened with a period ("Gen.", "Rev."): any other title word before a period ends a sentence. */
const ABBREVIATED_TITLES = new Set(
  "mr mrs ms dr prof gen lt col maj capt sgt cpl adm brig cmdr gov sen rep rev det insp supt const cst pte fr".split(
    " ",
  ),
);

/**
 * Title words that only qualify the title after them ("Foreign" in "Foreign Minister"): a run of titles ending
 * in one ("Secretary of Defense Ada Kestrel" read back to "Defense") is no title.
 */
const TITLE_MODIFIERS = new Set([
  "foreign",
  "defence",
  "defense",
  "interior",
  "finance",
  "health",
  "state",
  "former",
  "deputy",
  "vice",
  "prime",
  "supreme",
]);

/**
 * The capitalised title words written right before a name ("Queen", "Prime Minister"), in order, as written.
 *
 * @example titlesBefore("said Queen Ada II.", 10) // ["Queen"]
 */
export function titlesBefore(text: string, start: number): string[] {
  const out: string[] = [];
  let at = start;
  while (out.length < MAX_TITLE_WORDS) {
    const m = /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}-]*\.?) $/u.exec(text.slice(Math.max(0, at - 30), at));
    const word = m?.[1];
    if (!word) break;
    const folded = word.toLowerCase().replace(/\.$/, "");
    if (folded === "the" || !TITLES.has(folded)) break;
    // "Gen. Ada" is a title; "the King. Ada said" ends a sentence.
    if (word.endsWith(".") && !ABBREVIATED_TITLES.has(folded)) break;
    if (out.length === 0 && TITLE_MODIFIERS.has(folded)) break;
    out.unshift(word);
    at -= word.length + 1;
  }
  return out;
}

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

/** Any code unit outside ASCII. */
const NOT_ASCII = /[\u0080-\uffff]/;

/** Case-, accent- and apostrophe-insensitive form of a surface name, with possessives and a leading "the" removed. */
export function foldName(surface: string): string {
  // Most names are plain ASCII, where decomposing changes nothing and the Unicode classes are ASCII's: the
  // same result, at a fraction of the cost (this runs for every mention, several times).
  if (!NOT_ASCII.test(surface))
    return surface
      .replace(/`/g, "'")
      .replace(/'s?$/i, "")
      .toLowerCase()
      .replace(/^the\s+/, "")
      .replace(/[^a-z0-9'&-]+/g, " ")
      .trim();
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

/**
 * The key two spellings share when they differ only by "al-" articles, spacing or a hyphen in place of a space
 * ("Dae-hyun" and "Dae Hyun", "Hewlett-Packard" and "Hewlett Packard").
 */
export function bareKey(words: string[]): string {
  return words
    .filter((w) => !/^(?:al|el)$/.test(w))
    .map((w) => bareWord(w).replace(/(?<=\p{L})-(?=\p{L})/gu, " "))
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

/** The initials of a name's words, the joining words included ("ministry of health" -> "moh"). */
export function allInitials(words: string[]): string {
  return words
    .filter((w) => w !== "the" && w !== "and" && w !== "&")
    .map((w) => bareWord(w)[0] ?? "")
    .join("");
}

/**
 * Common names of countries, folded, to one key: "U.S." and "America" are the United States. World knowledge
 * of the short forms news writes, not of any story; a name two countries share ("Congo") is left out.
 */
const COUNTRY_FORMS: [string, string[]][] = [
  ["united states", ["us", "u s", "usa", "u s a", "united states of america", "america"]],
  ["united kingdom", ["uk", "u k", "britain", "great britain", "united kingdom of great britain and northern ireland"]],
  ["united arab emirates", ["uae", "u a e"]],
  ["russia", ["russian federation"]],
  ["china", ["prc", "people's republic of china"]],
  ["north korea", ["dprk", "democratic people's republic of korea"]],
  ["south korea", ["republic of korea"]],
  ["democratic republic of the congo", ["drc", "dr congo", "democratic republic of congo"]],
  ["czech republic", ["czechia"]],
  ["turkey", ["turkiye"]],
  ["myanmar", ["burma"]],
  ["ivory coast", ["cote d'ivoire", "cote divoire"]],
  ["eswatini", ["swaziland"]],
  ["east timor", ["timor-leste"]],
  ["cape verde", ["cabo verde"]],
  ["soviet union", ["ussr"]],
  ["bosnia and herzegovina", ["bosnia-herzegovina"]],
  ["vatican", ["vatican city", "holy see"]],
  ["iran", ["islamic republic of iran"]],
  ["syria", ["syrian arab republic"]],
  ["vietnam", ["viet nam"]],
];

const COUNTRY_KEY = new Map<string, string>(
  COUNTRY_FORMS.flatMap(([key, forms]) => [
    [key, key] as [string, string],
    ...forms.map((f) => [f, key] as [string, string]),
  ]),
);

/** The one key of a country's several names ("u s" -> "united states"), if the folded name is one. */
export function countryKey(folded: string): string | undefined {
  return COUNTRY_KEY.get(folded);
}

/**
 * Last words of a building or site's name: "Glenmorrow Castle", "Kestrel Airport" are places, whatever an
 * organisation's tenant does there. Not "Church" or "Hall", which as often name a body ("Methodist Church").
 */
export const FACILITY_HEADS = new Set([
  "castle",
  "palace",
  "abbey",
  "cathedral",
  "airport",
  "bridge",
  "chapel",
  "basilica",
  "mosque",
  "temple",
  "synagogue",
  "monastery",
  "minster",
  "tower",
  "estate",
  "manor",
]);

/** True for an acronym as written: 2 to 6 capitals, optionally with periods ("CSD", "U.N."). */
export function isAcronym(surface: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}s?$/u.test(surface.trim()) && !/^\p{Lu}\p{Ll}/u.test(surface);
}
