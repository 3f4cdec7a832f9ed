import { isWord, type TextToken, wordSpans } from "../words/tokens.js";
import { insideSlot } from "./slots.js";
import type { Unit } from "./units.js";
import { STOPWORDS, stem } from "./words.js";

/**
 * Details: the checkable parts of a statement that outlets repeat in sentences otherwise their own. "died on
 * May 2", "aged 88", "41 countries", "a horse-drawn hearse", "public mourning": one outlet writes them in a sentence
 * about the funeral, another in one about the crowds. Whole sentences then do not align, but the claim is
 * corroborated all the same. A detail is a key read from one unit:
 * - a count with what it counts, from a dozen up ("56 countries"), or an age ("aged 96");
 * - a full date with the word that governs it ("died on May 2");
 * - two content words in a row, both lower-case ("gun carriage", "national mourning"), in sentences that share
 *   more than the pair (see `sharesBeyond`), or a hyphenated compound ("post-Brexit");
 * - a name with a content word right next to it ("predecessor Ada Kestrel").
 */
export function detailKeys(u: Unit, unitKey: (unit: string) => string): Map<string, number> {
  // Each key with where it stands in the article text (its first place in the unit).
  const keys = new Map<string, number>();
  const add = (key: string, at: number) => {
    if (!keys.has(key)) keys.set(key, at);
  };
  for (const n of u.numbers) {
    if (!n.unit || n.hedge === "vague" || insideSlot(n, u.slots)) continue;
    const what = unitKey(n.unit);
    if (what === AGE || n.value >= MIN_DETAIL_COUNT) add(`n:${n.value}:${what}`, n.start);
  }
  for (const d of u.dates) {
    if (!d.date || d.date.length < FULL_DATE) continue;
    const before = u.text.slice(Math.max(0, d.start - u.sentence.start - PREDICATE_REACH), d.start - u.sentence.start);
    const governing = lastWord(before);
    if (governing) add(`d:${d.date}:${governing}`, d.start);
  }
  const tokens = unitLetterWords(u);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]?.text ?? "";
    const at = u.sentence.start + (tokens[i]?.start ?? 0);
    // Inside a name ("al-Mansouri") it is the name, which the entity keys below already read.
    if (t.includes("-") && COMPOUND.test(t) && !u.mentions.some((m) => at >= m.start && at < m.end))
      add(`w:${t.toLowerCase()}`, at);
    const next = tokens[i + 1];
    if (!next || !adjacent(u.text, tokens[i] as TextToken, next)) continue;
    const a = t;
    const b = next.text;
    if (content(a) && content(b) && LOWER.test(a) && LOWER.test(b)) add(`b:${stem(a)} ${stem(b)}`, at);
  }
  for (const m of u.mentions) {
    if (m.type === "other") continue;
    const local = m.start - u.sentence.start;
    const before = lastWord(u.text.slice(Math.max(0, local - PREDICATE_REACH), local));
    const after = firstWord(u.text.slice(m.end - u.sentence.start, m.end - u.sentence.start + PREDICATE_REACH));
    const name = m.text.toLowerCase();
    if (before) add(`e:${name}:${before}`, m.start);
    if (after) add(`e:${name}:${after}`, m.start);
  }
  return keys;
}

/** Counts below this ("two days", "three people") are too common to mark one claim. */
const MIN_DETAIL_COUNT = 10;
const AGE = "age";
/** "2022-09-08": a day, not a month or a year. */
const FULL_DATE = 10;
/** How far before a date or a name its governing word is looked for, in characters. */
const PREDICATE_REACH = 24;

/** The shared splitter's words that begin with a letter: numbers are read as numbers, not as words. */
function letterWords(text: string): TextToken[] {
  return wordSpans(text).filter((t) => LETTER_FIRST.test(t.text));
}
const LETTER_FIRST = /^\p{L}/u;

/** `letterWords(u.text)`, read from the article's tokens where the unit has them (offsets into `u.text`). */
function unitLetterWords(u: Unit): TextToken[] {
  const { tokens } = u;
  if (!tokens) return letterWords(u.text);
  const out: TextToken[] = [];
  const offset = u.sentence.start;
  for (let k = u.sentence.tokenStart; k < u.sentence.tokenEnd; k++) {
    const t = tokens[k] as TextToken;
    if (isWord(t.text) && LETTER_FIRST.test(t.text))
      out.push({ start: t.start - offset, end: t.end - offset, text: t.text });
  }
  return out;
}
const LOWER = /^\p{Ll}[\p{Ll}'’-]*$/u;
/** A hyphenated compound with a name in it ("post-Brexit", "pro-Kremlin"): rare and telling. */
const COMPOUND = /^\p{Ll}{2,}-\p{Lu}\p{L}+$/u;

function content(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 3 && !STOPWORDS.has(lower);
}

/** A lower-case content word (see `lastWord`). */
const lowerContent = (w: string) => LETTER_FIRST.test(w) && LOWER.test(w) && content(w);

/** The stem of the last lower-case content word of a stretch of text, or undefined. */
function lastWord(text: string): string | undefined {
  const spans = wordSpans(text);
  for (let k = spans.length - 1; k >= 0; k--) {
    const w = (spans[k] as TextToken).text;
    if (lowerContent(w)) return stem(w);
  }
  return undefined;
}

/** The stem of the first lower-case content word of a stretch of text, or undefined. */
function firstWord(text: string): string | undefined {
  const w = wordSpans(text).find((t) => lowerContent(t.text));
  return w === undefined ? undefined : stem(w.text);
}

/** Two tokens with only spaces between them: no punctuation, no other word. */
function adjacent(text: string, a: TextToken, b: TextToken): boolean {
  return /^\s+$/u.test(text.slice(a.end, b.start));
}

/** What details are checked against: groups of units that already say the same thing. */
interface StatementGroupLike {
  units: Unit[];
}

/** A detail in at most this many sentences of one article: more, and it is a theme, not a claim. */
const MAX_UNITS_PER_ARTICLE = 2;

/**
 * Groups of units, one per article, that share a detail in at least two articles. A detail that runs through
 * an article ("prime minister", "the funeral") marks no claim and is left out; so is a group that an earlier
 * one (or a sentence group) already holds.
 */
export function detailGroups(units: Unit[], unitKey: (unit: string) => string, held: StatementGroupLike[]): Detail[] {
  const groupOf = new Map<number, number>();
  held.forEach((g, i) => {
    for (const u of g.units) groupOf.set(u.index, i);
  });
  // A group whose units all stand in one sentence group says nothing that group does not.
  const covered = (group: Unit[]) => {
    const g = groupOf.get(group[0]?.index ?? -1);
    return g !== undefined && group.every((u) => groupOf.get(u.index) === g);
  };
  const byKey = new Map<string, { unit: Unit; at: number }[]>();
  for (const u of units) {
    if (u.headline) continue;
    for (const [k, at] of detailKeys(u, unitKey)) {
      const list = byKey.get(k);
      if (list) list.push({ unit: u, at });
      else byKey.set(k, [{ unit: u, at }]);
    }
  }
  const candidates: Detail[] = [];
  for (const [key, list] of byKey) {
    // One sentence is one article: most keys stop here.
    if (list.length < 2) continue;
    const perArticle = new Map<string, { unit: Unit; at: number }[]>();
    for (const x of list) {
      const own = perArticle.get(x.unit.article);
      if (own) own.push(x);
      else perArticle.set(x.unit.article, [x]);
    }
    if (perArticle.size < 2) continue;
    if ([...perArticle.values()].some((l) => l.length > MAX_UNITS_PER_ARTICLE)) continue;
    const firsts = [...perArticle.values()].map((l) => l[0] as { unit: Unit; at: number });
    firsts.sort((x, y) => x.unit.articleIndex - y.unit.articleIndex);
    // Two lower-case words in a row are often the story's own terms ("fire engines", "prime minister"): a
    // sentence shares one with the claim's sentence by the topic alone, so it must share more than the pair.
    const claim = (firsts[0] as { unit: Unit }).unit;
    const kept = key.startsWith(PAIR) ? firsts.filter((x, i) => i === 0 || sharesBeyond(claim, x.unit, key)) : firsts;
    if (kept.length < 2) continue;
    candidates.push({ units: kept.map((x) => x.unit), at: kept.map((x) => x.at) });
  }
  candidates.sort((a, b) => b.units.length - a.units.length || (a.units[0]?.index ?? 0) - (b.units[0]?.index ?? 0));
  const out: Detail[] = [];
  const seen = new Set<string>();
  for (const d of candidates) {
    if (covered(d.units)) continue;
    const key = d.units
      .map((u) => u.index)
      .sort((x, y) => x - y)
      .join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** Units of several articles that share one detail, and where the detail stands in each. */
export interface Detail {
  units: Unit[];
  at: number[];
}

/**
 * The words a detail group claims: the clause of its first unit that holds the detail, narrowed so that it
 * states no figure or date that another unit of the group does not state too. A claim credits its sources only
 * with what they say.
 */
export function detailClaim(d: Detail): { start: number; end: number; text: string } {
  const first = d.units[0] as Unit;
  const at = d.at[0] as number;
  const clause = clauseAt(first, at);
  let from = clause.start;
  let to = clause.end;
  const others = d.units.slice(1);
  const shared = (value: string) =>
    others.every((u) => u.numbers.some((n) => String(n.value) === value) || u.dates.some((x) => x.date === value));
  const marks = [
    ...first.numbers.map((n) => ({ start: n.start, end: n.end, value: String(n.value) })),
    ...first.dates.filter((x) => x.date).map((x) => ({ start: x.start, end: x.end, value: x.date as string })),
  ];
  for (const m of marks) {
    if (m.end <= from || m.start >= to || shared(m.value)) continue;
    if (m.end <= at) from = Math.max(from, m.end);
    else if (m.start > at) to = Math.min(to, m.start);
  }
  const words = sliceWords(first, from, to);
  return words.text.length > 0 ? words : clause;
}

/** The words of a unit between two article offsets, without loose punctuation or a dangling word at its ends. */
function sliceWords(u: Unit, from: number, to: number): { start: number; end: number; text: string } {
  const raw = u.text.slice(from - u.sentence.start, to - u.sentence.start);
  const lead = /^[\s,;:—–-]+/u.exec(raw)?.[0].length ?? 0;
  const text = raw
    .slice(lead)
    .replace(/[\s,;:—–-]+$/u, "")
    .replace(/\s+(?:and|or|but|of|the|a|an|in|on|at|to|for|by|with|from)$/iu, "");
  const start = from + lead;
  return { start, end: start + text.length, text };
}

/** Where a sentence divides into clauses. */
const CLAUSE_EDGE = /[,;:]\s|\s[-–—]\s/gu;
/** A clause shorter than this many words is read with the clause after it. */
const MIN_CLAUSE_WORDS = 6;

/**
 * The clause of a unit that holds the offset `at`: what a detail claims, without the rest of a sentence that
 * other outlets may not support.
 */
export function clauseAt(u: Unit, at: number): { start: number; end: number; text: string } {
  const edges = [0];
  for (const m of u.text.matchAll(CLAUSE_EDGE)) edges.push(m.index + m[0].length);
  edges.push(u.text.length);
  const local = at - u.sentence.start;
  let lo = Math.max(
    0,
    edges.findLastIndex((e) => e <= local),
  );
  let hi = Math.min(edges.length - 1, lo + 1);
  const words = () => u.text.slice(edges[lo], edges[hi]).split(/\s+/u).filter(Boolean).length;
  // Too short to say anything alone: take the next clause, or else the one before.
  while (words() < MIN_CLAUSE_WORDS && (hi < edges.length - 1 || lo > 0)) {
    if (hi < edges.length - 1) hi++;
    else lo--;
  }
  const from = edges[lo] as number;
  const to = edges[hi] as number;
  const raw = u.text.slice(from, to);
  const text = raw.replace(/[\s,;:—–-]+$/u, "").trim();
  const start = u.sentence.start + from + (raw.length - raw.trimStart().length);
  return { start, end: start + text.length, text };
}

/** The prefix of a detail key made of two lower-case content words in a row ("b:gun carriag"). */
const PAIR = "b:";
/** Stems besides a word pair's own that a sentence must share with the claim's to support it by the pair. */
const MIN_SHARED_BESIDES_PAIR = 2;

/** Whether `b` shares at least `MIN_SHARED_BESIDES_PAIR` stems (or entities) with `a` besides the pair `key`'s. */
function sharesBeyond(a: Unit, b: Unit, key: string): boolean {
  const pair = new Set(key.slice(PAIR.length).split(" "));
  const mine = new Set(a.stems);
  let shared = 0;
  for (const s of new Set(b.stems)) if (mine.has(s) && !pair.has(s)) shared++;
  return shared >= MIN_SHARED_BESIDES_PAIR;
}
