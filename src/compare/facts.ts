import type { ArticleSpan, FactFinding } from "../model/index.js";
import type { AlignedPair } from "./align.js";
import { detailClaim, detailGroups } from "./details.js";
import type { Unit } from "./units.js";
import { contentStems } from "./words.js";

/** Sentences with fewer content stems than this ("He declined.") are not statements worth listing. */
const MIN_FACT_STEMS = 4;

/** A statement group: the units that say the same thing, at most one per article. */
export interface StatementGroup {
  units: Unit[];
}

/**
 * Groups aligned units into statements, strongest pairs first; a group never takes two units of one article,
 * so chains of loose matches cannot sweep up a whole story.
 */
export function groupStatements(units: Unit[], pairs: AlignedPair[]): StatementGroup[] {
  // A group keeps its articles, and the smaller side of a merge joins the larger: a pair costs what the smaller
  // group holds, not what both do. `made` orders the groups as if each merge made a new one.
  interface Group {
    members: number[];
    articles: Set<string>;
    made: number;
  }
  const groupOf = new Map<number, Group>();
  const single = (i: number): Group => ({ members: [i], articles: new Set([(units[i] as Unit).article]), made: -1 });
  let made = 0;
  for (const { a, b } of pairs) {
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga !== undefined && ga === gb) continue;
    const left = ga ?? single(a);
    const right = gb ?? single(b);
    const [small, large] = left.members.length <= right.members.length ? [left, right] : [right, left];
    let shared = false;
    for (const x of small.articles) if (large.articles.has(x)) shared = true;
    if (shared) continue;
    for (const i of small.members) {
      large.members.push(i);
      groupOf.set(i, large);
    }
    for (const x of small.articles) large.articles.add(x);
    if (large.made < 0) for (const i of large.members) groupOf.set(i, large);
    large.made = made++;
  }
  return [...new Set(groupOf.values())]
    .sort((x, y) => x.made - y.made)
    .map((g) => ({ units: g.members.map((i) => units[i] as Unit).sort((x, y) => x.articleIndex - y.articleIndex) }));
}

function evidenceOf(u: Unit): ArticleSpan {
  return { article: u.article, start: u.sentence.start, end: u.sentence.end };
}

/**
 * Facts: each statement group is `corroborated` by all its articles; a statement no other article makes is
 * `unique` to its article. Corroborated facts come first, most sources first.
 */
export function factsOf(
  units: Unit[],
  groups: StatementGroup[],
  order: (article: string) => number,
  unitKey: (unit: string) => string = (u) => u.toLowerCase(),
): FactFinding[] {
  const grouped = new Set(groups.flatMap((g) => g.units.map((u) => u.index)));
  const details = detailGroups(units, unitKey, groups).map((d) => {
    const { start, end } = detailClaim(d);
    return {
      id: "",
      kind: "corroborated" as const,
      claim: { article: (d.units[0] as Unit).article, start, end },
      support: d.units.map(evidenceOf),
    };
  });
  const sentences = groups.map((g) => {
    const reference = [...g.units].sort((x, y) => order(x.article) - order(y.article) || x.index - y.index)[0] as Unit;
    return { id: "", kind: "corroborated" as const, claim: evidenceOf(reference), support: g.units.map(evidenceOf) };
  });
  // A detail claimed in the very words a sentence group claims, or in part of them on sentences that group
  // already holds, says nothing new: the claim would be listed twice. (A whole sentence that did not align with
  // the group's as a whole does not support all it says.)
  const claimedBy = new Map<string, FactFinding[]>();
  for (const f of sentences) {
    const list = claimedBy.get(f.claim.article);
    if (list) list.push(f);
    else claimedBy.set(f.claim.article, [f]);
  }
  const restates = (d: FactFinding) =>
    (claimedBy.get(d.claim.article) ?? []).some(
      (f) =>
        (f.claim.start === d.claim.start && f.claim.end === d.claim.end) ||
        (f.claim.start <= d.claim.start &&
          d.claim.end <= f.claim.end &&
          d.support.every((e) => f.support.some((x) => x.article === e.article && x.start === e.start))),
    );
  const corroborated = [...sentences, ...details.filter((d) => !restates(d))].sort(
    (a, b) => b.support.length - a.support.length,
  );
  const unique = units
    .filter((u) => !grouped.has(u.index) && !u.headline && u.stems.length >= MIN_FACT_STEMS)
    .map((u) => ({ id: "", kind: "unique" as const, claim: evidenceOf(u), support: [evidenceOf(u)] }));
  const facts: FactFinding[] = [...corroborated, ...unique, ...uniqueClauses(units, grouped)];
  facts.forEach((f, i) => {
    f.id = `f${i + 1}`;
  });
  return facts;
}

/** Where a sentence divides into clauses that may be claims of their own. */
const CLAUSE_EDGE =
  /,\s+(?=(?:which|who|where|when|while|whereas|after|before|as|and|but|including)\b)|;\s+|\s[—–]\s/gu;
/**
 * A clause of a corroborated sentence is a claim of its own article alone when no sentence of another article
 * holds this share of its words (rare words only: the story's common words are everywhere).
 */
const OTHERS_SHARE = 0.34;
/** Words in more than this share of the story's sentences are too common to tell whether a clause is repeated. */
const COMMON_SHARE = 0.05;
const MIN_COMMON = 8;
/**
 * However long the story, a word in more sentences than this is common: a share alone lets the words looked
 * up per clause, and so the work, grow with the story. 100 is far above any word's count in a story of a
 * few dozen articles, so there the share decides.
 */
const MAX_COMMON = 100;

/**
 * Clauses that one article alone adds to a sentence other articles corroborate: "…, which drew a crowd
 * of 3,500" after a meeting every outlet reports. Only clauses with a figure or a name (something to check).
 */
function uniqueClauses(units: Unit[], grouped: Set<number>): FactFinding[] {
  // Postings hold positions in `units`; each unit's article (numbered) and index are read from packed arrays,
  // which the loop over postings below, run for every checkable clause, walks far faster than the units.
  const postings = new Map<string, number[]>();
  const articleNumbers = new Map<string, number>();
  const articleOf = new Int32Array(units.length);
  const indexOf = new Int32Array(units.length);
  units.forEach((u, p) => {
    if (!articleNumbers.has(u.article)) articleNumbers.set(u.article, articleNumbers.size);
    articleOf[p] = articleNumbers.get(u.article) as number;
    indexOf[p] = u.index;
    for (const st of u.lexical) {
      const list = postings.get(st);
      if (list) list.push(p);
      else postings.set(st, [p]);
    }
  });
  const cap = Math.min(MAX_COMMON, Math.max(MIN_COMMON, Math.ceil(units.length * COMMON_SHARE)));
  const out: FactFinding[] = [];
  // Stems shared with each other unit, by the unit's index, for the clause at hand; `touched` lists the units to clear.
  const hits = new Int32Array(units.reduce((n, u) => Math.max(n, u.index + 1), 0));
  const touched: number[] = [];
  for (const u of units) {
    if (!grouped.has(u.index) || u.headline) continue;
    const article = articleNumbers.get(u.article);
    const edges = [0, ...[...u.text.matchAll(CLAUSE_EDGE)].map((m) => m.index + m[0].length), u.text.length];
    if (edges.length < 3) continue;
    for (let i = 0; i + 1 < edges.length; i++) {
      const raw = u.text.slice(edges[i], edges[i + 1]);
      const text = raw.replace(/[\s,;—–.]+$/u, "");
      const start = u.sentence.start + (edges[i] as number);
      const end = start + text.length;
      const checkable =
        u.numbers.some((n) => n.start >= start && n.end <= end) ||
        u.mentions.some((m) => m.start >= start && m.end <= end);
      if (!checkable) continue;
      const stems = [...new Set(contentStems(text.replace(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu, " ")))].filter(
        (st) => (postings.get(st)?.length ?? 0) <= cap,
      );
      if (stems.length < MIN_FACT_STEMS - 1) continue;
      let most = 0;
      for (const st of stems) {
        for (const p of postings.get(st) ?? []) {
          if (articleOf[p] === article) continue;
          const v = indexOf[p] as number;
          if (hits[v] === 0) touched.push(v);
          const n = (hits[v] as number) + 1;
          hits[v] = n;
          if (n > most) most = n;
        }
      }
      for (const k of touched) hits[k] = 0;
      touched.length = 0;
      if (most >= OTHERS_SHARE * stems.length) continue;
      const words = { article: u.article, start, end };
      out.push({ id: "", kind: "unique", claim: words, support: [words] });
    }
  }
  return out;
}
