import type { AnnotatedArticle, Entity, EntityIndex, EntityType, LocatedMention } from "../model/index.js";
import {
  bareKey,
  bareWord,
  CONNECTORS,
  editDistance,
  foldName,
  initials,
  isAcronym,
  isOnlyTitles,
  nameWords,
  stripLegalForm,
  stripTitles,
} from "./names.js";

/** Single-word spelling variants one letter apart merge only from this length: "Mali" and "Bali" must not. */
const MIN_VARIANT_WORD = 7;
/** Inside a multi-word name, a word may differ by one letter from this length ("Sahel"/"Saheel"). */
const MIN_VARIANT_PART = 4;

interface Group {
  key: string;
  words: string[];
  forms: Map<string, number>;
  types: Map<EntityType, number>;
  mentions: LocatedMention[];
}

/**
 * Resolves a story's mentions into entities: identical names, "al-" and spacing variants, transliterations one
 * letter apart, acronyms defined in the text or matching initials, surnames and titled forms of a full name.
 * Different things that share words stay apart: a name is never merged into a longer name that contains it
 * unless it is a person's surname.
 *
 * @example resolveEntities(annotated).entities.map((e) => e.name)
 */
export function resolveEntities(articles: AnnotatedArticle[]): EntityIndex {
  const groups = groupByKey(articles);
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

  mergeVariants(groups, union);
  mergeAcronyms(groups, articles, union, find);
  mergeMiddleNames(groups, union, find);
  mergeSurnames(groups, union, find);

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

  const mentionIndex = new Map<string, Entity>();
  const nameIndex = new Map<string, Entity>();
  for (const e of entities) {
    for (const m of e.mentions) mentionIndex.set(`${m.article}\u0000${m.start}\u0000${m.end}`, e);
    for (const form of [e.name, ...e.aliases]) {
      const key = groupKey(form, e.type);
      if (!nameIndex.has(key.key)) nameIndex.set(key.key, e);
    }
  }
  return {
    entities,
    byMention: (article, start, end) => mentionIndex.get(`${article}\u0000${start}\u0000${end}`),
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

function groupKey(surface: string, type: EntityType): { key: string; words: string[] } {
  let words = nameWords(foldName(surface)).map((w) => SPELLED_OUT.get(w.replace(/\.$/, "")) ?? w);
  if (type === "person") words = stripTitles(words);
  else if (type !== "place") words = stripLegalForm(words);
  return { key: words.join(" "), words };
}

function groupByKey(articles: AnnotatedArticle[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const a of articles) {
    for (const m of a.mentions) {
      const { key, words } = groupKey(m.text, m.type);
      // A title alone ("Mr.", "Const.") names nobody.
      if (key.length === 0 || isOnlyTitles(nameWords(foldName(m.text)))) continue;
      let g = byKey.get(key);
      if (!g) {
        g = { key, words, forms: new Map(), types: new Map(), mentions: [] };
        byKey.set(key, g);
      }
      const form = displayForm(m.text);
      g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
      g.types.set(m.type, (g.types.get(m.type) ?? 0) + 1);
      g.mentions.push({ ...m, article: a.article.id });
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

const majorityTypes = new WeakMap<Group, EntityType>();

function majorityType(g: Group): EntityType {
  const known = majorityTypes.get(g);
  if (known) return known;
  let best: EntityType = "other";
  let count = -1;
  for (const [t, n] of g.types)
    if (n > count || (n === count && t !== "other" && best === "other")) [best, count] = [t, n];
  majorityTypes.set(g, best);
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
    const bare = bareKey(g.words).replace(/s$/, "");
    const seen = byBare.get(bare);
    if (seen !== undefined && compatibleTypes(groups[seen] as Group, g)) union(seen, i);
    else byBare.set(bare, i);
  });
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i] as Group;
      const b = groups[j] as Group;
      // A long name spelt two ways is one thing even when the tagger typed the two spellings differently.
      const typesAgree =
        compatibleTypes(a, b) || (a.words.length >= 2 && majorityType(a) !== "place" && majorityType(b) !== "place");
      if (typesAgree && spellingVariants(a.words, b.words)) union(i, j);
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
  groups.forEach((g, i) => {
    if (linked.has(i) || g.words.length !== 1 || ![...g.forms.keys()].some(isAcronym)) return;
    const acronym = (g.words[0] as string).replace(/\./g, "");
    const candidates = groups
      .map((o, j) => ({ o, j }))
      .filter(({ o }) => o.words.length >= 2 && initials(o.words) === acronym && majorityType(o) !== "person");
    const roots = new Set(candidates.map(({ j }) => find(j)));
    const first = candidates[0];
    if (roots.size === 1 && first) union(i, first.j);
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

/**
 * A person's first and last name with the middle names left out ("Eric Kirkpatrick" for "Eric Allen
 * Kirkpatrick"), when exactly one fuller name fits.
 */
function mergeMiddleNames(groups: Group[], union: (a: number, b: number) => void, find: (i: number) => number): void {
  const ends = (words: string[]) => `${words[0]}\u0000${bareWord(words[words.length - 1] as string)}`;
  const fuller = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.words.length < 3 || majorityType(g) !== "person") return;
    const list = fuller.get(ends(g.words)) ?? [];
    list.push(i);
    fuller.set(ends(g.words), list);
  });
  groups.forEach((g, i) => {
    if (g.words.length !== 2 || majorityType(g) !== "person") return;
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
function mergeSurnames(groups: Group[], union: (a: number, b: number) => void, find: (i: number) => number): void {
  const bySurname = new Map<string, Set<number>>();
  groups.forEach((g, i) => {
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
    if (g.words.length !== 1) return;
    const type = majorityType(g);
    if (type === "place") return;
    const owners = bySurname.get(bareWord(g.words[0] as string));
    if (!owners) return;
    const roots = new Set([...owners].map(find));
    const first = [...owners][0];
    if (roots.size === 1 && first !== undefined) union(first, i);
  });
}

function toEntity(cluster: Group[]): Entity {
  const types = new Map<EntityType, number>();
  const forms = new Map<string, number>();
  /** Forms written where the detector gave them a type: a name, not an adjective like "Syrian". */
  const typedForms = new Set<string>();
  const mentions: LocatedMention[] = [];
  for (const g of cluster) {
    for (const [t, n] of g.types) types.set(t, (types.get(t) ?? 0) + n);
    for (const [f, n] of g.forms) forms.set(f, (forms.get(f) ?? 0) + n);
    if (majorityType(g) !== "other") for (const f of g.forms.keys()) typedForms.add(f);
    mentions.push(...g.mentions);
  }
  // The type is the most frequent one; forms mostly left untyped (an adjective like "Syrian" beside
  // "Syria") abstain when other forms are typed.
  const typedVotes = new Map<EntityType, number>();
  for (const g of cluster) {
    const t = majorityType(g);
    if (t !== "other") typedVotes.set(t, (typedVotes.get(t) ?? 0) + (g.types.get(t) ?? 0));
  }
  let type: EntityType = "other";
  let best = -1;
  for (const [t, n] of typedVotes.size > 0 ? typedVotes : types)
    if (n > best || (n === best && type === "other")) [type, best] = [t, n];
  // The canonical name is a typed form if there is one, then the fullest form used: most words, then not an
  // acronym, then most frequent.
  const typed = (f: string) => Number(typedForms.size === 0 || typedForms.has(f));
  // A person is named without a title ("Nirad Sinha", not "Commodore Nirad Sinha").
  const words = (f: string) => f.split(/\s+/).length;
  const nameLength = (f: string) => (type === "person" ? stripTitles(nameWords(foldName(f))).length : words(f));
  const titled = (f: string) => Number(nameLength(f) < words(f));
  const ranked = [...forms.entries()].sort(
    ([fa, na], [fb, nb]) =>
      typed(fb) - typed(fa) ||
      nameLength(fb) - nameLength(fa) ||
      titled(fa) - titled(fb) ||
      Number(isAcronym(fa)) - Number(isAcronym(fb)) ||
      nb - na ||
      fb.length - fa.length ||
      fa.localeCompare(fb),
  );
  const name = ranked[0]?.[0] ?? "";
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
