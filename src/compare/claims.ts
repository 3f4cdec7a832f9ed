import type { EvidenceSpan, ReportDiscrepancy, ReportFact } from "../model/index.js";
import type { Unit } from "./units.js";

/**
 * A discrepancy's value as the article writes it: date values carry their resolved day after the words
 * ("on Wednesday (2022-09-21)"), which a sentence does not.
 */
function written(value: string): string {
  return value.replace(/\s*\(\d{4}(?:-\d{2}){0,2}\)$/u, "").trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether a text holds a value as whole words, whatever the case: a test made for one call of
 * {@link settleClaims}, which compiles each value's pattern once and tries it only on texts that hold the value's
 * letters at all.
 */
export function statesTest(): (text: string, value: string) => boolean {
  const patterns = new Map<string, { needle: string; pattern: RegExp } | null>();
  const lowered = new Map<string, string>();
  return (text, value) => {
    let entry = patterns.get(value);
    if (entry === undefined) {
      const v = written(value);
      entry =
        v.length === 0
          ? null
          : {
              needle: v.toLowerCase(),
              pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, "iu"),
            };
      patterns.set(value, entry);
    }
    if (entry === null) return false;
    let lower = lowered.get(text);
    if (lower === undefined) {
      lower = text.toLowerCase();
      lowered.set(text, lower);
    }
    return lower.includes(entry.needle) && entry.pattern.test(text);
  };
}

/**
 * Settles each fact as a claim: for every article, support, contradiction or silence. A fact that rests on a
 * sentence of a discrepancy and states one side of it that cannot be resolved (figures whose ranges do not meet, two places, two dates, opposite
 * stances) is contradicted by every article that gives another value there: such an article leaves `sources`
 * for `contradictedBy`, and the fact becomes `disputed`. A fact that states every side states the dispute
 * itself and is left as it is.
 *
 * @example settleClaims(facts, discrepancies, units).filter((f) => f.kind === "disputed")
 */
export function settleClaims(facts: ReportFact[], discrepancies: ReportDiscrepancy[], units: Unit[]): ReportFact[] {
  const disputes = discrepancies.filter((d) => d.compatible !== true && d.values.length >= 2);
  if (disputes.length === 0) return facts;
  const unitOf = new Map<string, Unit>();
  for (const u of units) {
    const key = `${u.article}\u0000${u.text}`;
    if (!unitOf.has(key)) unitOf.set(key, u);
  }
  // A fact is settled only against disputes one of whose sides' sentences is among its evidence: find those
  // through the sentences rather than trying every dispute on every fact.
  const disputesOf = new Map<string, number[]>();
  disputes.forEach((d, i) => {
    for (const v of d.values) {
      const key = `${v.article}\u0000${v.evidence}`;
      const list = disputesOf.get(key);
      if (!list) disputesOf.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  const states = statesTest();
  return facts.map((fact) => {
    const against = new Map<string, EvidenceSpan>();
    const ownOf = new Map<string, EvidenceSpan[]>();
    for (const e of fact.evidence) {
      const list = ownOf.get(e.article);
      if (list) list.push(e);
      else ownOf.set(e.article, [e]);
    }
    const near = new Set<number>();
    for (const e of fact.evidence) for (const i of disputesOf.get(`${e.article}\u0000${e.text}`) ?? []) near.add(i);
    for (const i of [...near].sort((x, y) => x - y)) {
      const d = disputes[i] as ReportDiscrepancy;
      const values = new Map<string, { value: string; evidence: string }>();
      for (const v of d.values) if (!values.has(v.article)) values.set(v.article, v);
      // The fact is about what the discrepancy is about: one of its sides' own sentences is among its words
      // (that is how `near` found it).
      const distinct = [...new Set([...values.values()].map((v) => written(v.value).toLowerCase()))];
      const stated = distinct.filter((v) => states(fact.text, v));
      if (stated.length === 0 || stated.length === distinct.length) continue;
      for (const [article, v] of values) {
        if (stated.includes(written(v.value).toLowerCase()) || against.has(article)) continue;
        // An article whose own words in this claim state the value supports it, whatever it says elsewhere.
        const own = ownOf.get(article) ?? [];
        if (own.some((e) => stated.some((x) => states(e.text, x)))) continue;
        const u = unitOf.get(`${article}\u0000${v.evidence}`);
        const span = u
          ? { article, text: u.text, start: u.sentence.start, end: u.sentence.end }
          : (own[0] ?? { article, text: v.evidence, start: -1, end: -1 });
        against.set(article, span);
      }
    }
    if (against.size === 0) return fact;
    const contradictedBy = [...against.keys()];
    const sources = fact.sources.filter((s) => !against.has(s));
    if (sources.length === 0) return fact;
    const kept = new Set(sources);
    const evidence = [
      ...fact.evidence.filter((e) => kept.has(e.article)),
      ...[...against.values()].filter((e) => e.start >= 0),
    ];
    return { ...fact, kind: "disputed" as const, sources, contradictedBy, evidence };
  });
}
