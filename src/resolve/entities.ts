import { defaultLexicon, type Lexicon } from "../lexicon/index.js";
import type { AnnotatedArticle, Entity, EntityIndex, EntityType, LocatedMention, Mention } from "../model/index.js";
import { EVENT_OPENERS, ORG_HEADS, PLACE_HEADS } from "../words/names.js";
import {
  allInitials,
  bareKey,
  bareWord,
  CONNECTORS,
  countryKey,
  editDistance,
  FACILITY_HEADS,
  foldName,
  initials,
  isAcronym,
  isOnlyTitles,
  isRegnalNumber,
  nameWords,
  REGNANT_TITLES,
  ROYAL_TITLES,
  stripLegalForm,
  stripTitles,
  titlesBefore,
} from "./names.js";

/** Single-word spelling variants one letter apart merge only from this length: "Mali" and "Bali" must not. */
const MIN_VARIANT_WORD = 7;
/** Inside a multi-word name, a word may differ by one letter from this length ("Sahel"/"Saheel"). */
const MIN_VARIANT_PART = 4;

interface Group {
  key: string;
  /** The name's words without titles; a royal title is kept apart in `royal`. */
  words: string[];
  /** The royal title that is part of who is named ("prince" for "Prince Edgar"); absent for a numbered name. */
  royal: string | undefined;
  /** The name ends in a regnal number ("Edgar VI"). */
  regnal: boolean;
  /** Royal titles written before or in its mentions. */
  titles: Set<string>;
  /** Places its mentions are said to belong to ("Norvania's Fisheries Ministry"). */
  owners: Set<string>;
  forms: Map<string, number>;
  types: Map<EntityType, number>;
  mentions: LocatedMention[];
  /** The type most of its mentions have (see `majorityType`), once asked for or set by a rule. */
  majority?: EntityType;
  /** The type a mention's context settled (`Mention.settled`), which no vote overrides. */
  settled?: EntityType;
}

/**
 * Resolves a story's mentions into entities: identical names, "al-" and spacing variants, transliterations one
 * letter apart, acronyms defined in the text or matching initials, surnames and titled forms of a full name.
 * Different things that share words stay apart: a name is never merged into a longer name that contains it
 * unless it is a person's surname.
 *
 * @example resolveEntities(annotated).entities.map((e) => e.name)
 */
export function resolveEntities(articles: AnnotatedArticle[], lexicon: Lexicon = defaultLexicon()): EntityIndex {
  const groups = groupByKey(articles, lexicon);
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  retypeMistypedPersons(
    groups,
    articles.map((a) => a.article.text),
  );
  mergeVariants(groups, union);
  mergeAcronyms(groups, articles, union, find);
  mergeReorderedNames(groups, union);
  mergeAcronymPrefixes(groups, union, find);
  mergeCorporateNames(groups, union, find);
  mergeShortNames(groups, union, find, lexicon);
  mergeKindShortenings(groups, union, find, lexicon);
  mergeMiddleNames(groups, union, find);
  const claimed = mergeRoyalNames(groups, union, find);
  mergeSurnames(groups, union, find, claimed);
  mergeLeadingNames(groups, union, find, claimed);
  mergeEventNames(groups, union, find);

  const clusters = new Map<number, Group[]>();
  groups.forEach((g, i) => {
    const root = find(i);
    const list = clusters.get(root) ?? [];
    list.push(g);
    clusters.set(root, list);
  });
  const entities = [...clusters.values()]
    .map(toEntity)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  assignIds(entities);

  // Article, then start, then end: numbers are looked up as they are, where a key joined into a string would be
  // made and hashed anew at every one of the many lookups (every mention of every sentence, in several stages).
  const mentionIndex = new Map<string, Map<number, Map<number, Entity>>>();
  const nameIndex = new Map<string, Entity>();
  for (const e of entities) {
    for (const m of e.mentions) {
      let starts = mentionIndex.get(m.article);
      if (!starts) {
        starts = new Map();
        mentionIndex.set(m.article, starts);
      }
      let ends = starts.get(m.start);
      if (!ends) {
        ends = new Map();
        starts.set(m.start, ends);
      }
      ends.set(m.end, e);
    }
    for (const form of [e.name, ...e.aliases]) {
      const folded = foldName(form);
      // A royal title stays in the key: "Prince Edgar" does not answer for "Edgar".
      for (const key of [folded, groupKey(form, e.type).key]) if (!nameIndex.has(key)) nameIndex.set(key, e);
    }
  }
  return {
    entities,
    byMention: (article, start, end) => mentionIndex.get(article)?.get(start)?.get(end),
    byName: (surface) => {
      const folded = foldName(surface);
      const words = stripTitles(nameWords(folded));
      const found = nameIndex.get(folded) ?? nameIndex.get(words.join(" "));
      if (found) return found;
      // "Police Constable Tim Fanning": a person's name after words the title list lacks.
      for (let i = 1; i + 2 <= words.length; i++) {
        const person = nameIndex.get(words.slice(i).join(" "));
        if (person?.type === "person") return person;
      }
      return undefined;
    },
  };
}

/** Abbreviated words of place names, written out: "Mt Cook" is "Mount Cook". */
const SPELLED_OUT = new Map([
  ["mt", "mount"],
  ["mtn", "mountain"],
  ["mts", "mountains"],
  ["ft", "fort"],
  ["pt", "point"],
]);

interface NameKey {
  key: string;
  words: string[];
  royal: string | undefined;
  regnal: boolean;
  /** The royal title written with the name, whether or not it is part of the key. */
  title: string | undefined;
}

/**
 * The key a name is grouped under. A person's titles are left out ("Mayor Velasquez" is "Velasquez") but for a
 * royal one, which keeps "Prince Edgar" apart from "Edgar", unless a regnal number names the person ("King
 * Edgar VI" is "Edgar VI"). A country's several names share one key.
 */
function groupKey(surface: string, type: EntityType, titleBefore?: string): NameKey {
  let words = nameWords(foldName(surface)).map((w) => SPELLED_OUT.get(w.replace(/\.$/, "")) ?? w);
  if (type === "person") {
    const stripped = stripTitles(words);
    const leading = words.slice(0, words.length - stripped.length).map((w) => w.replace(/\.$/, ""));
    const royal = [titleBefore, ...leading].filter((t): t is string => t !== undefined && ROYAL_TITLES.has(t)).at(-1);
    const regnal = stripped.length >= 2 && isRegnalNumber(stripped[stripped.length - 1] as string);
    const key = stripped.join(" ");
    return {
      key: royal && !regnal ? `${key}\u0001${royal}` : key,
      words: stripped,
      royal: regnal ? undefined : royal,
      regnal,
      title: royal,
    };
  }
  if (type !== "place") words = stripLegalForm(words);
  const country = countryKey(words.join(" "));
  if (country) words = country.split(" ");
  return { key: words.join(" "), words, royal: undefined, regnal: false, title: undefined };
}

/** A mention, or two read as one name, with the forms it writes. */
interface NameItem {
  mentions: Mention[];
  surface: string;
  type: EntityType;
  forms: string[];
  titleBefore: string | undefined;
  /** The country or place written before an organisation's name ("Norvania's", "Norvanian"), folded. */
  owner: string | undefined;
}

function nameItems(article: AnnotatedArticle, lexicon: Lexicon): NameItem[] {
  const { text } = article.article;
  const items: NameItem[] = [];
  const list = article.mentions;
  for (let k = 0; k < list.length; k++) {
    const m = list[k] as Mention;
    if (m.type !== "organization" && isCreditLine(text, m)) continue;
    const next = list[k + 1];
    const members = next && bracketJoined(text, m, next) ? [m, next] : [m];
    if (members.length === 2) k++;
    const last = members[members.length - 1] as Mention;
    const surface = members.map((x) => displayForm(x.text)).join(" ");
    const type = members.some((x) => x.type === "person") ? "person" : m.type;
    const forms = [surface];
    if (members.length === 2) forms.push(displayForm(last.text));
    let titleBefore: string | undefined;
    if (type === "person") {
      const titles = titlesBefore(text, m.start);
      if (titles.length > 0) {
        titleBefore = (titles[titles.length - 1] as string).toLowerCase().replace(/\.$/, "");
        // "Prince Edgar" was written, not "Edgar", which may be another royal person of the name.
        if (ROYAL_TITLES.has(titleBefore)) forms.shift();
        forms.push(`${titles.join(" ")} ${surface}`);
      }
    }
    const prev = list[k - members.length];
    const owner = type === "organization" && prev ? ownerOf(text, prev, m, lexicon) : undefined;
    items.push({ mentions: members, surface, type, forms, titleBefore, owner });
  }
  return items;
}

/** The place an organisation's name is said to belong to: "Norvania's Fisheries Ministry", "the Norvanian Navy". */
function ownerOf(text: string, prev: Mention, m: Mention, lexicon: Lexicon): string | undefined {
  if (prev.type !== "place" && prev.type !== "other") return undefined;
  if (!/^(?:['’]s)?\s$/u.test(text.slice(prev.end, m.start))) return undefined;
  const written = displayForm(prev.text);
  const place = lexicon.placeOfDemonym(written) ?? (prev.type === "place" ? written : undefined);
  if (!place) return undefined;
  const folded = foldName(place);
  return countryKey(folded) ?? folded;
}

/**
 * An agency's credit where the detector saw a place: a name alone on the article's last line ("REUTERS"), or
 * in brackets after a dateline ("LAGOS (Reuters) -"). Provenance, not a place the story is about.
 */
function isCreditLine(text: string, m: Mention): boolean {
  const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
  const newline = text.indexOf("\n", m.end);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, m.start);
  const after = text.slice(m.end, lineEnd);
  // Nothing but spaces after the line (tested without copying the rest of the article for every mention).
  if (/^[\s\p{P}\p{S}]*$/u.test(before + after) && !/\S/u.test(text.slice(lineEnd))) return true;
  return /^\s*\p{Lu}[\p{Lu}\s,.'’-]*\(\s*$/u.test(before) && /^\s*\)/.test(after);
}

/** How far before a name an editor's opening bracket may stand: "(Russian President Ada) Kestrel". */
const MAX_BRACKET_REACH = 60;

/**
 * A name split by an editor's bracket, "(Deputy Minister Ada) Kestrel's" or "[Ada] Kestrel": the bracketed
 * part and the name after it are one name.
 */
function bracketJoined(text: string, m: Mention, n: Mention): boolean {
  if (m.type !== "person" && n.type !== "person") return false;
  if (!/^\s*[)\]]\s*$/.test(text.slice(m.end, n.start))) return false;
  const open = Math.max(text.lastIndexOf("(", m.start), text.lastIndexOf("[", m.start));
  return open >= 0 && m.start - open <= MAX_BRACKET_REACH && !/[)\]\n]/.test(text.slice(open + 1, m.start));
}

function groupByKey(articles: AnnotatedArticle[], lexicon: Lexicon): Group[] {
  const byKey = new Map<string, Group>();
  // A story writes the same names over and over: each surface, type and title is keyed once (`undefined` when
  // it names nobody). Only the first item of a key makes its group, so sharing the key's words is safe.
  const keyed = new Map<string, NameKey | undefined>();
  const keyOf = (item: NameItem): NameKey | undefined => {
    const memo = `${item.type}\u0000${item.titleBefore === undefined ? "-" : `+${item.titleBefore}`}\u0000${item.surface}`;
    if (keyed.has(memo)) return keyed.get(memo);
    const k = groupKey(item.surface, item.type, item.titleBefore);
    // A title alone ("Mr.", "Const.") names nobody.
    const named = k.key.length === 0 || isOnlyTitles(nameWords(foldName(item.surface))) ? undefined : k;
    keyed.set(memo, named);
    return named;
  };
  for (const a of articles) {
    for (const item of nameItems(a, lexicon)) {
      const named = keyOf(item);
      if (!named) continue;
      const { key, words, royal, regnal, title } = named;
      let g = byKey.get(key);
      if (!g) {
        g = {
          key,
          words,
          royal,
          regnal,
          titles: new Set(),
          owners: new Set(),
          forms: new Map(),
          types: new Map(),
          mentions: [],
        };
        byKey.set(key, g);
      }
      for (const form of item.forms) g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
      if (title) g.titles.add(title);
      if (item.owner) g.owners.add(item.owner);
      for (const m of item.mentions) {
        g.types.set(m.type, (g.types.get(m.type) ?? 0) + 1);
        if (m.settled) g.settled = m.type;
        g.mentions.push({ ...m, article: a.article.id });
      }
    }
  }
  return [...byKey.values()];
}

/** The surface form as an alias: possessive and a leading "the" removed, curly apostrophes kept as written. */
function displayForm(surface: string): string {
  return surface
    .trim()
    .replace(/['’]s?$/u, "")
    .replace(/^the\s+/i, "")
    .trim();
}

function majorityType(g: Group): EntityType {
  if (g.majority) return g.majority;
  let best: EntityType = "other";
  let count = -1;
  for (const [t, n] of g.types)
    if (n > count || (n === count && t !== "other" && best === "other")) [best, count] = [t, n];
  g.majority = best;
  return best;
}

function compatibleTypes(a: Group, b: Group): boolean {
  const ta = majorityType(a);
  const tb = majorityType(b);
  return ta === tb || ta === "other" || tb === "other";
}

/** Same name but for "al-", spacing, a plural "s", or one letter in long words ("Sahel"/"Saheel"). */
function mergeVariants(groups: Group[], union: (a: number, b: number) => void): void {
  const byBare = new Map<string, number>();
  groups.forEach((g, i) => {
    const bare = `${bareKey(g.words).replace(/s$/, "")}\u0001${g.royal ?? ""}`;
    const seen = byBare.get(bare);
    if (seen !== undefined && compatibleTypes(groups[seen] as Group, g)) union(seen, i);
    else byBare.set(bare, i);
  });
  // Spelling variants have as many words, joining words in the same places and the same first letters: only
  // names alike in that shape are compared.
  const byShape = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const shape = g.words.map((w) => {
      const bare = bareWord(w);
      return CONNECTORS.has(bare) ? "*" : bare[0];
    });
    push(byShape, `${g.royal ?? ""}\u0001${shape.join("")}`, i);
  });
  for (const list of byShape.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const a = groups[i] as Group;
        const b = groups[j] as Group;
        // A long name spelt two ways is one thing even when the tagger typed the two spellings differently.
        const typesAgree =
          compatibleTypes(a, b) || (a.words.length >= 2 && majorityType(a) !== "place" && majorityType(b) !== "place");
        if (typesAgree && spellingVariants(a.words, b.words)) union(i, j);
      }
    }
  }
}

function spellingVariants(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) {
    const x = bareWord(a[0] as string);
    const y = bareWord(b[0] as string);
    return x !== y && x[0] === y[0] && Math.min(x.length, y.length) >= MIN_VARIANT_WORD && editDistance(x, y, 1) <= 1;
  }
  let differing = 0;
  let sharedContent = 0;
  for (let k = 0; k < a.length; k++) {
    const x = bareWord(a[k] as string);
    const y = bareWord(b[k] as string);
    if (x === y) {
      if (!CONNECTORS.has(x)) sharedContent++;
      continue;
    }
    if (CONNECTORS.has(x) && CONNECTORS.has(y)) continue;
    if (x[0] !== y[0] || Math.min(x.length, y.length) < MIN_VARIANT_PART || editDistance(x, y, 1) > 1) return false;
    differing++;
  }
  return sharedContent > 0 && (differing > 0 || a.join(" ") !== b.join(" ")) && differing <= Math.ceil(a.length / 2);
}

/** "Full Name (ACR)" in any article links the acronym to the name; otherwise an acronym equal to a name's initials. */
function mergeAcronyms(
  groups: Group[],
  articles: AnnotatedArticle[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
): void {
  const byKey = new Map(groups.map((g, i) => [g.key, i]));
  const linked = new Set<number>();
  for (const a of articles) {
    const text = a.article.text;
    for (const m of a.mentions) {
      const after = /^\s*\(\s*((?:\p{Lu}\.?){2,6})\s*\)/u.exec(text.slice(m.end, m.end + 12));
      if (!after?.[1] || isAcronym(m.text)) continue;
      const acronym = foldName(after[1]).replace(/\./g, "");
      const full = groupKey(m.text, m.type);
      if (!acronymFits(acronym, full.words)) continue;
      const gi = byKey.get(full.key);
      const ai = byKey.get(acronym);
      if (gi !== undefined && ai !== undefined) {
        union(gi, ai);
        linked.add(ai);
      }
    }
  }
  // An acronym used without its definition stands for the name it spells, with or without the joining words'
  // letters ("MOF", "Ministry of Fisheries"), when it spells only one.
  const byInitials = new Map<string, number[]>();
  groups.forEach((o, j) => {
    if (o.words.length < 2 || majorityType(o) === "person") return;
    for (const init of new Set([initials(o.words), allInitials(o.words)])) push(byInitials, init, j);
  });
  groups.forEach((g, i) => {
    if (linked.has(i) || majorityType(g) === "person" || ![...g.forms.keys()].some(isAcronym)) return;
    // "U.N." folds to single letters.
    if (g.words.length !== 1 && !g.words.every((w) => w.length === 1)) return;
    const candidates = (byInitials.get(g.words.join("").replace(/\./g, "")) ?? []).filter((j) => j !== i);
    const first = candidates[0];
    if (first !== undefined && new Set(candidates.map(find)).size === 1) union(i, first);
  });
}

/** The initials of the name's words, in order, are part of the acronym or the acronym of them. */
function acronymFits(acronym: string, words: string[]): boolean {
  const init = initials(words);
  if (init.length < 2) return acronym[0] === init[0];
  return isSubsequence(init, acronym) || isSubsequence(acronym, init);
}

function isSubsequence(needle: string, hay: string): boolean {
  let k = 0;
  for (const c of hay) if (c === needle[k]) k++;
  return k === needle.length;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Two words taken for an organisation ("Raj Kestrel") whose last word alone names a person in the story, when
 * no other name ends in it and nothing in it reads as an organisation's, a place's or an event's ("Storm Ilsa"): the
 * person's full name.
 */
function retypeMistypedPersons(groups: Group[], texts: string[]): void {
  const surnames = new Set<string>();
  const owners = new Set<string>();
  for (const g of groups) {
    if (majorityType(g) !== "person" || g.royal || g.regnal) continue;
    const last = bareWord(g.words[g.words.length - 1] as string);
    (g.words.length === 1 ? surnames : owners).add(last);
  }
  const candidates = new Map<string, Group[]>();
  for (const g of groups) {
    const type = majorityType(g);
    if (g.words.length !== 2 || (type !== "organization" && type !== "other") || eventNameStart(g.words) > 0) continue;
    const last = bareWord(g.words[1] as string);
    if (!surnames.has(last) || owners.has(last)) continue;
    if (g.words.some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w) || FACILITY_HEADS.has(w) || CONNECTORS.has(w)))
      continue;
    if (![...g.forms.keys()].every((f) => PERSON_SHAPE.test(f))) continue;
    // A first word the story also writes in lower case is a word, not a given name ("Crooked Kestrel").
    const first = g.words[0] as string;
    if (texts.some((t) => containsWord(t, first))) continue;
    push(candidates, last, g);
  }
  for (const list of candidates.values()) if (list.length === 1) (list[0] as Group).majority = "person";
}

/** True when the text has the word as written (in lower case), not inside another word. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + word.length] ?? " ";
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** Two title-case words, as a given name and a surname are written: "Raj Kestrel", "Ana-Maria O'Dell". */
const PERSON_SHAPE = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)* \p{Lu}[\p{Ll}'’]*\p{Lu}?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** Two names said to belong to different places ("Norvania's Fisheries Ministry", "Tarnby's Ministry of Fisheries"). */
function ownedApart(a: Group, b: Group): boolean {
  return a.owners.size > 0 && b.owners.size > 0 && ![...a.owners].some((o) => b.owners.has(o));
}

/** "Ministry of Fisheries" and "Fisheries Ministry": a head and what it is of, in either order. */
function mergeReorderedNames(groups: Group[], union: (a: number, b: number) => void): void {
  const byKey = new Map<string, number>();
  groups.forEach((g, i) => {
    if (majorityType(g) !== "person") byKey.set(g.key, i);
  });
  groups.forEach((g, i) => {
    if (majorityType(g) === "person" || g.words.length < 3 || g.words[1] !== "of") return;
    let rest = g.words.slice(2);
    while (rest.length > 0 && CONNECTORS.has(rest[0] as string)) rest = rest.slice(1);
    if (rest.length === 0) return;
    const j = byKey.get([...rest, g.words[0] as string].join(" "));
    const other = groups[j ?? -1];
    if (j !== undefined && other && j !== i && compatibleTypes(g, other) && !ownedApart(g, other)) union(i, j);
  });
}

/**
 * Words that say an organisation is a group of companies or a company, written or left out at will: "Tallow
 * Group" is "Tallow", "Kestrel Holdings" is "Kestrel". Unlike a legal form they also end names of other kinds
 * ("the Pacific Group" beside the Pacific), so they join two names only when both are organisations.
 */
const CORPORATE_WORDS = new Set(["group", "holdings", "holding", "corporation", "corp", "company"]);

/** An organisation named with a corporate word at its end joins the one organisation named without it. */
function mergeCorporateNames(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
): void {
  const organisations = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (majorityType(g) === "organization") push(organisations, g.key, i);
  });
  groups.forEach((g, i) => {
    if (majorityType(g) !== "organization" || g.words.length < 2) return;
    if (!CORPORATE_WORDS.has((g.words.at(-1) as string).replace(/\.$/, ""))) return;
    const short = (organisations.get(g.words.slice(0, -1).join(" ")) ?? []).filter((j) => j !== i);
    if (short.length > 0 && new Set(short.map(find)).size === 1) union(short[0] as number, i);
  });
}

/**
 * "UN Security Council" and "United Nations Security Council": an acronym written for the leading part of a
 * name, when exactly one longer name spells it out.
 */
function mergeAcronymPrefixes(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
): void {
  const spelled = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (majorityType(g) === "person") return;
    for (let k = 2; k < g.words.length; k++) {
      const head = g.words.slice(0, k);
      if (CONNECTORS.has(head[k - 1] as string)) continue;
      const rest = g.words.slice(k).join(" ");
      for (const init of new Set([initials(head), allInitials(head)])) push(spelled, `${init}\u0000${rest}`, i);
    }
  });
  if (spelled.size === 0) return;
  groups.forEach((g, i) => {
    if (majorityType(g) === "person" || g.words.length < 2) return;
    for (const form of g.forms.keys()) {
      const lead = /^((?:\p{Lu}\.?){2,6})\s/u.exec(form)?.[1];
      if (!lead || /^\p{Lu}\p{Ll}/u.test(lead)) continue;
      const width = nameWords(foldName(lead)).length;
      const rest = g.words.slice(width).join(" ");
      if (rest.length === 0) continue;
      const fits = (spelled.get(`${lead.replace(/\./g, "").toLowerCase()}\u0000${rest}`) ?? []).filter(
        (j) => j !== i && compatibleTypes(g, groups[j] as Group) && !ownedApart(g, groups[j] as Group),
      );
      if (fits.length > 0 && new Set(fits.map(find)).size === 1) union(fits[0] as number, i);
      return;
    }
  });
}

/**
 * "the Port Authority" in an article that names "Velmar Port Authority": an organisation named by common words
 * alone joins the one longer organisation whose name ends in them, when every article that writes the short
 * name also names the long one, so that the short name is that article's shortening of it. An article that
 * writes it alone ("the Supreme Court" beside another article's "Velmar Supreme Court") may mean another body.
 */
function mergeKindShortenings(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
  lexicon: Lexicon,
): void {
  const common = (w: string) => {
    const kind = lexicon.dictionaryKind(w);
    return kind === "common" || kind === "both";
  };
  const byLast = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (majorityType(g) === "organization" && g.words.length >= 2) push(byLast, g.words.at(-1) as string, i);
  });
  if (byLast.size === 0) return;
  const articlesOf = (g: Group) => new Set(g.mentions.map((m) => m.article));
  groups.forEach((g, i) => {
    if (majorityType(g) !== "organization" || g.words.length === 0 || !g.words.every(common)) return;
    const longer = (byLast.get(g.words.at(-1) as string) ?? []).filter((j) => {
      const w = (groups[j] as Group).words;
      const head = w.slice(0, w.length - g.words.length);
      return j !== i && head.length > 0 && !head.every(common) && g.words.every((x, k) => w[head.length + k] === x);
    });
    if (longer.length === 0 || new Set(longer.map(find)).size !== 1) return;
    const named = articlesOf(groups[longer[0] as number] as Group);
    if ([...articlesOf(g)].every((a) => named.has(a))) union(longer[0] as number, i);
  });
}

/**
 * A name and its longer form when nothing else in the story starts with that name: "Norvale Assembly" and
 * "Norvale Assembly of Nations" (an organisation of something), "Glenmorrow" and "Glenmorrow Castle" (a site,
 * unless the short name is a town or country the gazetteer knows, as "Lyon" is).
 */
function mergeShortNames(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
  lexicon: Lexicon,
): void {
  const byFirst = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.words.length >= 2 && majorityType(g) !== "person") push(byFirst, g.words[0] as string, i);
  });
  groups.forEach((g, i) => {
    const type = majorityType(g);
    if (type === "person" || g.words.length === 0 || countryKey(g.key)) return;
    const longer = (byFirst.get(g.words[0] as string) ?? []).filter((j) => {
      const w = (groups[j] as Group).words;
      return j !== i && w.length > g.words.length && g.words.every((x, k) => w[k] === x);
    });
    const first = longer[0];
    if (first === undefined || new Set(longer.map(find)).size !== 1) return;
    const l = groups[first] as Group;
    const extension = l.words.slice(g.words.length);
    const ofName =
      extension[0] === "of" && extension.length >= 2 && majorityType(l) === "organization" && type !== "place";
    const site =
      extension.length === 1 &&
      FACILITY_HEADS.has(extension[0] as string) &&
      majorityType(l) !== "person" &&
      lexicon.lookupPlace(g.words.join(" ")) === undefined;
    if ((ofName || site) && !ownedApart(g, l)) union(first, i);
  });
}

/**
 * Royal names. A titled name without a number is the numbered one of the same title ("Queen Ada" is "Queen Ada
 * II"; a reigning title also joins a number written without a title), never one of another title ("Prince
 * Edgar" is not "King Edgar VI"). A bare name ("Ada") joins the one royal person of that name, when no other
 * person in the story has it. Returns the bare names decided here, which no surname rule may take.
 */
function mergeRoyalNames(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
): Set<number> {
  const claimed = new Set<number>();
  const numbered = new Map<string, number[]>();
  const titled = new Map<string, number[]>();
  const plainParts = new Set<string>();
  groups.forEach((g, i) => {
    if (majorityType(g) !== "person") return;
    if (g.regnal) push(numbered, g.words.slice(0, -1).join(" "), i);
    else if (g.royal) push(titled, g.words.join(" "), i);
    else if (g.words.length >= 2) {
      plainParts.add(g.words[0] as string);
      plainParts.add(bareWord(g.words[g.words.length - 1] as string));
    }
  });
  if (numbered.size === 0 && titled.size === 0) return claimed;
  for (const [base, list] of titled) {
    for (const i of list) {
      const royal = (groups[i] as Group).royal as string;
      const fits = (numbered.get(base) ?? []).filter((j) => {
        const t = (groups[j] as Group).titles;
        return t.has(royal) || (t.size === 0 && REGNANT_TITLES.has(royal));
      });
      if (fits.length > 0 && new Set(fits.map(find)).size === 1) union(fits[0] as number, i);
    }
  }
  groups.forEach((g, i) => {
    if (majorityType(g) !== "person" || g.regnal || g.royal) return;
    const base = g.words.join(" ");
    const fits = [...(titled.get(base) ?? []), ...(numbered.get(base) ?? [])];
    if (fits.length === 0) return;
    claimed.add(i);
    if (g.words.length === 1 && plainParts.has(bareWord(base))) return;
    if (new Set(fits.map(find)).size === 1) union(fits[0] as number, i);
  });
  return claimed;
}

/**
 * A person's first and last name with the middle names left out ("Eric Kirkpatrick" for "Eric Allen
 * Kirkpatrick"), when exactly one fuller name fits.
 */
function mergeMiddleNames(groups: Group[], union: (a: number, b: number) => void, find: (i: number) => number): void {
  const ends = (words: string[]) => `${words[0]}\u0000${bareWord(words[words.length - 1] as string)}`;
  const fuller = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.words.length < 3 || majorityType(g) !== "person" || g.regnal || g.royal) return;
    const list = fuller.get(ends(g.words)) ?? [];
    list.push(i);
    fuller.set(ends(g.words), list);
  });
  groups.forEach((g, i) => {
    if (g.words.length !== 2 || majorityType(g) !== "person" || g.regnal || g.royal) return;
    const owners = fuller.get(ends(g.words));
    if (!owners) return;
    const roots = new Set(owners.map(find));
    if (roots.size === 1) union(owners[0] as number, i);
  });
}

/**
 * A one-word name, or a titled one, that is the last name of exactly one fuller person's name, or the
 * article-marked last part of one organisation's name.
 */
function mergeSurnames(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
  claimed: Set<number>,
): void {
  const bySurname = new Map<string, Set<number>>();
  groups.forEach((g, i) => {
    if (g.regnal || g.royal) return;
    const lastWord = g.words[g.words.length - 1] as string;
    // Organisations are shortened to their last part only when it carries an article, as Arabic names are
    // ("Harakat al-Nujabaa" -> "Nujabaa"); "Liwa Tamrit" is not "Tamrit", a group named after another.
    const shortens =
      majorityType(g) === "person" || (majorityType(g) === "organization" && bareWord(lastWord) !== lastWord);
    if (g.words.length < 2 || !shortens) return;
    const last = bareWord(lastWord);
    const set = bySurname.get(last) ?? new Set<number>();
    set.add(i);
    bySurname.set(last, set);
  });
  groups.forEach((g, i) => {
    if (g.words.length !== 1 || g.royal || claimed.has(i)) return;
    const type = majorityType(g);
    if (type === "place") return;
    const owners = bySurname.get(bareWord(g.words[0] as string));
    if (!owners) return;
    const roots = new Set([...owners].map(find));
    const first = [...owners][0];
    if (roots.size === 1 && first !== undefined) union(first, i);
  });
}

/**
 * A one-word person name that ends no person's name but begins exactly one fuller one: the family name of a
 * name written family name first ("Mr Choi" for "Choi Dae-hyun"), or a person called by the given name.
 */
function mergeLeadingNames(
  groups: Group[],
  union: (a: number, b: number) => void,
  find: (i: number) => number,
  claimed: Set<number>,
): void {
  const lastWords = new Set<string>();
  const byFirst = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.words.length < 2 || g.regnal || g.royal || majorityType(g) !== "person") return;
    lastWords.add(bareWord(g.words[g.words.length - 1] as string));
    push(byFirst, bareWord(g.words[0] as string), i);
  });
  groups.forEach((g, i) => {
    if (g.words.length !== 1 || g.royal || claimed.has(i) || majorityType(g) !== "person") return;
    const word = bareWord(g.words[0] as string);
    if (lastWords.has(word)) return;
    const owners = byFirst.get(word);
    if (owners && new Set(owners.map(find)).size === 1) union(owners[0] as number, i);
  });
}

/** Where the name of a storm or an operation begins after its kind ("Fiona" in "Hurricane Fiona"), or -1. */
function eventNameStart(words: string[]): number {
  let at = -1;
  words.forEach((w, k) => {
    if (EVENT_OPENERS.has(w)) at = k + 1;
  });
  return at > 0 && at < words.length ? at : -1;
}

/**
 * The bare name of a storm or an operation ("Fiona" beside "Hurricane Fiona"), which the detector often reads
 * as a person's, when no person in the story is called by it in full and it names one such event only.
 */
function mergeEventNames(groups: Group[], union: (a: number, b: number) => void, find: (i: number) => number): void {
  const events = new Map<string, number[]>();
  const personWords = new Set<string>();
  groups.forEach((g, i) => {
    const at = eventNameStart(g.words);
    if (at > 0) push(events, g.words.slice(at).join(" "), i);
    else if (g.words.length >= 2 && majorityType(g) === "person") for (const w of g.words) personWords.add(w);
  });
  if (events.size === 0) return;
  groups.forEach((g, i) => {
    if (g.royal || eventNameStart(g.words) > 0 || majorityType(g) === "place") return;
    const owners = events.get(g.words.join(" "));
    if (!owners || g.words.some((w) => personWords.has(w))) return;
    if (new Set(owners.map(find)).size === 1) union(owners[0] as number, i);
  });
}

function toEntity(cluster: Group[]): Entity {
  const types = new Map<EntityType, number>();
  const forms = new Map<string, number>();
  /** Forms written where the detector gave them a type: a name, not an adjective like "Syrian". */
  const typedForms = new Set<string>();
  const mentions: LocatedMention[] = [];
  // A storm or an operation is named by its full name ("Hurricane Fiona"), not by a bare form typed otherwise.
  const event = cluster.some((g) => eventNameStart(g.words) > 0);
  for (const g of cluster) {
    for (const [t, n] of g.types) types.set(t, (types.get(t) ?? 0) + n);
    for (const [f, n] of g.forms) forms.set(f, (forms.get(f) ?? 0) + n);
    const named = event ? eventNameStart(g.words) > 0 : majorityType(g) !== "other";
    if (named) for (const f of g.forms.keys()) typedForms.add(f);
    mentions.push(...g.mentions);
  }
  // The type is the most frequent one; forms mostly left untyped (an adjective like "Syrian" beside
  // "Syria") abstain when other forms are typed.
  // Each name's mentions vote for the name's type, which another rule may have settled ("Raj Kestrel" beside
  // the person "Kestrel").
  const typedVotes = new Map<EntityType, number>();
  for (const g of cluster) {
    const t = majorityType(g);
    if (t !== "other") typedVotes.set(t, (typedVotes.get(t) ?? 0) + g.mentions.length);
  }
  let type: EntityType = "other";
  let best = -1;
  for (const [t, n] of typedVotes.size > 0 ? typedVotes : types)
    if (n > best || (n === best && type === "other")) [type, best] = [t, n];
  // A country's names make a place whatever a mention was typed.
  if (cluster.some((g) => majorityType(g) !== "person" && countryKey(g.key) === g.key)) type = "place";
  // So does a storm's or an operation's: "Hurricane Fiona" is an event, however its bare name was typed.
  else if (event) type = "other";
  // And what an article's words around a name say it is ("the barge, the Marten Rose"), over other articles'
  // guesses from the bare name.
  else type = cluster.find((g) => g.settled)?.settled ?? type;
  // The canonical name is a typed form if there is one, then the fullest form used: most words, then not an
  // acronym, then most frequent.
  const typed = (f: string) => Number(typedForms.size === 0 || typedForms.has(f));
  // A person is named without a title ("Nirad Sinha", not "Commodore Nirad Sinha"), but for a royal one, which
  // is part of who is named ("Prince Rollo").
  const words = (f: string) => f.split(/\s+/).length;
  const nameLength = (f: string) => {
    if (type !== "person") return words(f);
    const all = nameWords(foldName(f));
    const stripped = stripTitles(all);
    const title = all[all.length - stripped.length - 1]?.replace(/\.$/, "");
    return stripped.length + Number(title !== undefined && ROYAL_TITLES.has(title));
  };
  const titled = (f: string) => Number(nameLength(f) < words(f));
  // A dateline's capitals ("LAGOS") are how the line is set, not how the name is written.
  const shouted = (f: string) => Number(!isAcronym(f) && /\p{Lu}{3}/u.test(f) && f === f.toUpperCase());
  const ranked = [...forms.entries()].sort(
    ([fa, na], [fb, nb]) =>
      typed(fb) - typed(fa) ||
      shouted(fa) - shouted(fb) ||
      nameLength(fb) - nameLength(fa) ||
      titled(fa) - titled(fb) ||
      Number(isAcronym(fa)) - Number(isAcronym(fb)) ||
      nb - na ||
      fb.length - fa.length ||
      fa.localeCompare(fb),
  );
  const name = ranked[0]?.[0] ?? "";
  // A castle, an abbey or an airport is a place, though an organisation may be named after it.
  const head = nameWords(foldName(name)).at(-1);
  if (
    (type === "organization" || type === "other") &&
    head !== undefined &&
    FACILITY_HEADS.has(head) &&
    name.includes(" ")
  )
    type = "place";
  mentions.sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
  const aliases = [...new Set(ranked.slice(1).map(([f]) => f))].filter((f) => f !== name);
  return { id: "", name, type, aliases, mentions };
}

function assignIds(entities: Entity[]): void {
  const used = new Set<string>();
  for (const e of entities) {
    const base = `${e.type}:${
      foldName(e.name)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "entity"
    }`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    e.id = id;
  }
}
