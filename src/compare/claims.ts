import type { ArticleSpan, DiscrepancyFinding, FactFinding } from "../model/index.js";
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
 * letters at all. A caller that has the text in lower case already passes it as `lower`.
 */
export function statesTest(): (text: string, value: string, lower?: string) => boolean {
  const patterns = new Map<string, { needle: string; pattern: RegExp } | null>();
  const lowered = new Map<string, string>();
  return (text, value, lower = lowered.get(text)) => {
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
 * @param wordsOf the words of a span of the story's articles
 * @example settleClaims(facts, discrepancies, units, wordsOf).filter((f) => f.kind === "disputed")
 */
export function settleClaims(
  facts: FactFinding[],
  discrepancies: DiscrepancyFinding[],
  units: Unit[],
  wordsOf: (span: ArticleSpan) => string,
): FactFinding[] {
  const disputes = discrepancies.filter((d) => d.compatible !== true && d.sides.length >= 2);
  if (disputes.length === 0) return facts;
  const at = (s: ArticleSpan) => `${s.article}\u0000${s.start}\u0000${s.end}`;
  const unitAt = new Map<string, Unit>();
  const unitsOf = new Map<string, Unit[]>();
  for (const u of units) {
    unitAt.set(at({ article: u.article, start: u.sentence.start, end: u.sentence.end }), u);
    const list = unitsOf.get(u.article);
    if (list) list.push(u);
    else unitsOf.set(u.article, [u]);
  }
  // A side's evidence is its sentence, or words in it (an attribution's "said Ana Ruiz"): either way the
  // sentence is what facts hold.
  const sentenceKey = (e: ArticleSpan) => {
    const u = unitsOf.get(e.article)?.find((x) => x.sentence.start <= e.start && e.start < x.sentence.end);
    return u ? at({ article: u.article, start: u.sentence.start, end: u.sentence.end }) : at(e);
  };
  // A fact is settled only against disputes one of whose sides' sentences is among its evidence: find those
  // through the sentences rather than trying every dispute on every fact.
  const disputesOf = new Map<string, number[]>();
  disputes.forEach((d, i) => {
    for (const v of d.sides) {
      const key = sentenceKey(v.evidence);
      const list = disputesOf.get(key);
      if (!list) disputesOf.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  const states = statesTest();
  // The words of each span of evidence, as written and in lower case, cut once per call, with whether they
  // state each value asked about: a span meets the same values again in each dispute near it.
  const textOf = new Map<ArticleSpan, { text: string; lower: string; answers: Map<string, boolean> }>();
  const read = (span: ArticleSpan) => {
    let found = textOf.get(span);
    if (!found) {
      const text = wordsOf(span);
      found = { text, lower: text.toLowerCase(), answers: new Map() };
      textOf.set(span, found);
    }
    return found;
  };
  const statedIn = (span: ArticleSpan, value: string) => {
    const { text, lower, answers } = read(span);
    let yes = answers.get(value);
    if (yes === undefined) {
      yes = states(text, value, lower);
      answers.set(value, yes);
    }
    return yes;
  };
  return facts.map((fact) => {
    const against = new Map<string, ArticleSpan | undefined>();
    const ownOf = new Map<string, ArticleSpan[]>();
    for (const e of fact.support) {
      const list = ownOf.get(e.article);
      if (list) list.push(e);
      else ownOf.set(e.article, [e]);
    }
    const near = new Set<number>();
    for (const e of fact.support) for (const i of disputesOf.get(at(e)) ?? []) near.add(i);
    for (const i of [...near].sort((x, y) => x - y)) {
      const d = disputes[i] as DiscrepancyFinding;
      const values = new Map<string, { value: string; evidence: ArticleSpan }>();
      for (const v of d.sides) if (!values.has(v.article)) values.set(v.article, v);
      // The fact is about what the discrepancy is about: one of its sides' own sentences is among its words
      // (that is how `near` found it).
      const distinct = [...new Set([...values.values()].map((v) => written(v.value).toLowerCase()))];
      const stated = distinct.filter((v) => statedIn(fact.claim, v));
      if (stated.length === 0 || stated.length === distinct.length) continue;
      for (const [article, v] of values) {
        if (stated.includes(written(v.value).toLowerCase()) || against.has(article)) continue;
        // An article whose own words in this claim state the value supports it, whatever it says elsewhere.
        const own = ownOf.get(article) ?? [];
        if (own.some((e) => stated.some((x) => statedIn(e, x)))) continue;
        const u = unitAt.get(sentenceKey(v.evidence));
        against.set(article, u ? { article, start: u.sentence.start, end: u.sentence.end } : own[0]);
      }
    }
    if (against.size === 0) return fact;
    const support = fact.support.filter((s) => !against.has(s.article));
    if (support.length === 0) return fact;
    const contradiction = [...against].map(([article, evidence]) => (evidence ? { article, evidence } : { article }));
    return { ...fact, kind: "disputed" as const, support, contradiction };
  });
}
