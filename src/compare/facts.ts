import type { EvidenceSpan, ReportFact } from "../model/index.js";
import type { AlignedPair } from "./align.js";
import { detailClaim, detailGroups } from "./details.js";
import type { Unit } from "./units.js";

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
  const groupOf = new Map<number, number>();
  const groups: Set<number>[] = [];
  const articlesOf = (g: Set<number>) => new Set([...g].map((i) => (units[i] as Unit).article));
  for (const { a, b } of pairs) {
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga !== undefined && ga === gb) continue;
    const left = ga === undefined ? new Set([a]) : (groups[ga] as Set<number>);
    const right = gb === undefined ? new Set([b]) : (groups[gb] as Set<number>);
    const la = articlesOf(left);
    if ([...articlesOf(right)].some((x) => la.has(x))) continue;
    const merged = new Set([...left, ...right]);
    const id = groups.length;
    groups.push(merged);
    if (ga !== undefined) groups[ga] = new Set();
    if (gb !== undefined) groups[gb] = new Set();
    for (const i of merged) groupOf.set(i, id);
  }
  return groups
    .filter((g) => g.size > 1)
    .map((g) => ({ units: [...g].map((i) => units[i] as Unit).sort((x, y) => x.articleIndex - y.articleIndex) }));
}

function evidenceOf(u: Unit): EvidenceSpan {
  return { article: u.article, text: u.text, start: u.sentence.start, end: u.sentence.end };
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
): ReportFact[] {
  const grouped = new Set(groups.flatMap((g) => g.units.map((u) => u.index)));
  const details = detailGroups(units, unitKey, groups).map((d) => {
    return {
      id: "",
      text: detailClaim(d),
      kind: "corroborated" as const,
      sources: d.units.map((u) => u.article),
      evidence: d.units.map(evidenceOf),
    };
  });
  const corroborated = groups
    .map((g) => {
      const reference = [...g.units].sort(
        (x, y) => order(x.article) - order(y.article) || x.index - y.index,
      )[0] as Unit;
      return {
        id: "",
        text: reference.text,
        kind: "corroborated" as const,
        sources: g.units.map((u) => u.article),
        evidence: g.units.map(evidenceOf),
      };
    })
    .concat(details)
    .sort((a, b) => b.sources.length - a.sources.length);
  const unique = units
    .filter((u) => !grouped.has(u.index) && !u.headline && u.stems.length >= MIN_FACT_STEMS)
    .map((u) => ({ id: "", text: u.text, kind: "unique" as const, sources: [u.article], evidence: [evidenceOf(u)] }));
  const facts: ReportFact[] = [...corroborated, ...unique];
  facts.forEach((f, i) => {
    f.id = `f${i + 1}`;
  });
  return facts;
}
