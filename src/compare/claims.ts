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

/** Whether `text` holds `value` as whole words, whatever the case. */
function states(text: string, value: string): boolean {
  const v = written(value);
  if (v.length === 0) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, "iu").test(text);
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
  return facts.map((fact) => {
    const against = new Map<string, EvidenceSpan>();
    for (const d of disputes) {
      const values = new Map<string, { value: string; evidence: string }>();
      for (const v of d.values) if (!values.has(v.article)) values.set(v.article, v);
      // The fact must be about what the discrepancy is about: one of its sides' own sentences is among its words.
      if (!d.values.some((v) => fact.evidence.some((e) => e.article === v.article && e.text === v.evidence))) continue;
      const distinct = [...new Set([...values.values()].map((v) => written(v.value).toLowerCase()))];
      const stated = distinct.filter((v) => states(fact.text, v));
      if (stated.length === 0 || stated.length === distinct.length) continue;
      for (const [article, v] of values) {
        if (stated.includes(written(v.value).toLowerCase()) || against.has(article)) continue;
        // An article whose own words in this claim state the value supports it, whatever it says elsewhere.
        const own = fact.evidence.filter((e) => e.article === article);
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
    const evidence = [
      ...fact.evidence.filter((e) => sources.includes(e.article)),
      ...[...against.values()].filter((e) => e.start >= 0),
    ];
    return { ...fact, kind: "disputed" as const, sources, contradictedBy, evidence };
  });
}
