import {
  articleNames,
  type EvidenceSpan,
  type ReportArticle,
  type ReportBriefSentence,
  type ReportDiscrepancy,
  type ReportFact,
} from "../model/index.js";
import { countWords } from "../words/tokens.js";

/** The brief is 5 to 12 sentences: enough to tell the story, few enough to read at a glance. */
export const MIN_BRIEF = 5;
export const MAX_BRIEF = 12;
/** At most this many of the most corroborated facts lead the brief. */
const MAX_CORROBORATED = 5;
/** Then at most this many disputes, and this many claims of one outlet. */
const MAX_DISPUTED = 3;
const MAX_UNIQUE = 3;
/** A corroborated fact of fewer words (the shared splitter's) is a fragment, too short to stand as a statement. */
const MIN_STATEMENT_WORDS = 6;

/**
 * Sentences that open with a quotation mark are mostly a quotation (a brief states, it does not quote), and
 * sentences that open with a pronoun lean on the sentence before them: neither stands alone in a brief.
 */
const OPENS_WITH_QUOTE = /^\s*["“‘']/u;
const OPENS_WITH_PRONOUN = /^\s*(?:he|she|they|it|this|that|these|those|his|her|their|its)\b/i;
/**
 * A unit whose first word is all lower case is a clause cut from a sentence ("as firefighters fought ..."),
 * no statement; a name written with an inner capital ("eBay said ...") opens a sentence.
 */
const OPENS_MIDSENTENCE = /^\s*\p{Ll}[\p{Ll}'’-]*[\s,;:]/u;

/**
 * A neutral brief: the most corroborated facts first, then what is disputed (as disputed, with both sides),
 * then notable claims of one outlet, marked as such. Every sentence cites its articles, with the words in
 * them it rests on; sentences are taken from the articles or state only the values they report.
 *
 * @example briefOf(report.articles, report.facts, report.discrepancies)
 */
export function briefOf(
  articles: ReportArticle[],
  facts: ReportFact[],
  discrepancies: ReportDiscrepancy[],
): ReportBriefSentence[] {
  // Articles are named as a reader knows them (an outlet, a headline), never by a file id.
  const names = articleNames(articles);
  const outlet = (id: string) => names.get(id) ?? id;
  const out: ReportBriefSentence[] = [];
  const used = new Set<string>();
  const add = (text: string, citations: string[], evidence: EvidenceSpan[]) => {
    const key = text.toLowerCase();
    if (used.has(key) || citations.length === 0) return;
    used.add(key);
    out.push({ text, citations: [...new Set(citations)], evidence });
  };

  const statements = (f: ReportFact) =>
    !OPENS_WITH_QUOTE.test(f.text) &&
    !OPENS_WITH_PRONOUN.test(f.text) &&
    !OPENS_MIDSENTENCE.test(f.text) &&
    countWords(f.text) >= MIN_STATEMENT_WORDS;
  // A story has thousands of facts and the brief takes a few: each is read only until enough are found.
  let corroborated = 0;
  for (const f of facts) {
    if (corroborated >= MAX_CORROBORATED) break;
    if (f.kind !== "corroborated" || !statements(f)) continue;
    add(f.text.trim(), f.sources, f.evidence);
    corroborated++;
  }

  const ranked = [...discrepancies].sort((a, b) => rank(a) - rank(b));
  for (const d of ranked.slice(0, MAX_DISPUTED)) {
    const sides = d.values.map((v) => `${outlet(v.article)} reports ${v.value}`);
    const tail =
      d.compatible === true
        ? " The figures differ but can both be true."
        : d.compatible === false
          ? " The figures cannot both be right."
          : "";
    add(
      `Accounts differ on ${d.about}: ${sides.join(", while ")}.${tail}`,
      d.values.map((v) => v.article),
      d.values.flatMap((v) =>
        v.start === undefined || v.end === undefined
          ? []
          : [{ article: v.article, text: v.evidence, start: v.start, end: v.end }],
      ),
    );
  }

  // Most salient first (a stable sort, so ties keep the facts' order); whether one is a statement is asked
  // only of those the loop reaches.
  const unique = facts
    .filter((f) => f.kind === "unique")
    .map((f) => ({ f, salience: salience(f) }))
    .sort((a, b) => b.salience - a.salience);
  const seenArticles = new Set<string>();
  let added = 0;
  for (const { f } of unique) {
    if (out.length >= MAX_BRIEF || (added >= MAX_UNIQUE && out.length >= MIN_BRIEF)) break;
    if (!statements(f)) continue;
    const article = f.sources[0] as string;
    // One claim per outlet, unless the brief is still too short to tell the story.
    if (seenArticles.has(article) && out.length >= MIN_BRIEF) continue;
    seenArticles.add(article);
    add(`Only ${outlet(article)} reports: ${f.text.trim()}`, [article], f.evidence);
    added++;
  }
  return out.slice(0, MAX_BRIEF);
}

/** Disputes about figures and places first: they are the ones a reader can check. */
function rank(d: ReportDiscrepancy): number {
  return ["number", "place", "date", "attribution", "person", "negation", "stance"].indexOf(d.kind);
}

/** How much a one-outlet claim says: names, figures and length, as a rough count of checkable details. */
function salience(f: ReportFact): number {
  const names = (f.text.match(/\b\p{Lu}\p{Ll}+/gu) ?? []).length;
  const figures = (f.text.match(/\d/g) ?? []).length > 0 ? 2 : 0;
  return names + figures + Math.min(3, f.text.length / 80);
}
