import { briefOf } from "../brief/index.js";
import type {
  Article,
  ArticleSpan,
  CertaintyFinding,
  DiscrepancyFinding,
  EvidenceSpan,
  FactFinding,
  Findings,
  QuoteFinding,
  ReportArticle,
  ReportCertainty,
  ReportDiscrepancy,
  ReportFact,
  ReportQuote,
  StoryReport,
} from "../model/index.js";
import { STORY_SCHEMA, spanWords, untitledStoryTitle } from "../model/index.js";

/**
 * Builds the `triangulate.story/1` report from a story's articles and what the analysis found in them: every
 * text of the report is cut from the articles by the findings' spans, and the brief is written from the
 * facts and discrepancies. The one place where findings become the public report, so findings saved as JSON
 * and read back give the same report.
 *
 * @example buildReport(articles, JSON.parse(JSON.stringify(findings))).facts[0]?.evidence[0]?.text
 */
export function buildReport(articles: Article[], findings: Findings): StoryReport {
  const counts = new Map(findings.articles.map((f) => [f.article, f]));
  const { words, evidence } = spanReader(articles);

  const reportArticles = articles.map((a) => toReportArticle(a, counts.get(a.id)?.wordCount ?? 0));
  const dates = reportArticles.flatMap((a) => (a.published ? [a.published] : [])).sort();
  const story: StoryReport["story"] = {
    id: storyId(reportArticles.map((a) => a.id)),
    title: storyTitle(articles, (id) => {
      const first = counts.get(id)?.firstSentence;
      return first ? words(first) : "";
    }),
    articleCount: articles.length,
  };
  if (dates[0]) story.firstPublished = dates[0];
  const last = dates[dates.length - 1];
  if (last) story.lastPublished = last;

  const facts = findings.facts.map((f) => toReportFact(f, words, evidence));
  const discrepancies = findings.discrepancies.map((d) => toReportDiscrepancy(d, words));
  const { origin, citations, reuse } = findings.provenance;
  return {
    schema: STORY_SCHEMA,
    story,
    articles: reportArticles,
    entities: findings.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions.map(evidence),
    })),
    quotes: findings.quotes.map((q) => toReportQuote(q, words)),
    facts,
    discrepancies,
    certainty: findings.certainty.map((c) => toReportCertainty(c, words, evidence)),
    provenance: {
      ...(origin ? { origin } : {}),
      citations: citations.map((c) => ({ article: c.article, cites: c.cites, ...located(c.evidence, words) })),
      reuse: reuse.map(({ evidence: passages, ...r }) =>
        passages ? { ...r, evidence: passages.map((p) => ({ from: evidence(p.from), to: evidence(p.to) })) } : r,
      ),
    },
    timeline: findings.timeline.map((t) => ({
      date: t.date,
      text: words(t.statement),
      sources: t.sources,
      evidence: t.evidence.map(evidence),
    })),
    relations: findings.relations.map((r) => ({
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      sources: r.sources,
      evidence: [...new Set(r.evidence.map(words))],
      evidenceSpans: r.evidence.map(evidence),
    })),
    brief: briefOf(reportArticles, facts, discrepancies),
  };
}

/** Reads spans of the given articles: their words, and their words with where they are. */
export function spanReader(articles: Article[]): {
  words: (s: ArticleSpan) => string;
  evidence: (s: ArticleSpan) => EvidenceSpan;
} {
  const byId = new Map<string, Article>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const words = (s: ArticleSpan) => spanWords(byId.get(s.article) ?? { text: "" }, s);
  return { words, evidence: (s) => ({ article: s.article, text: words(s), start: s.start, end: s.end }) };
}

/** The words of a span as `evidence` with where they are. */
function located(s: ArticleSpan, words: (s: ArticleSpan) => string): { evidence: string; start: number; end: number } {
  return { evidence: words(s), start: s.start, end: s.end };
}

export function toReportFact(
  f: FactFinding,
  words: (s: ArticleSpan) => string,
  evidence: (s: ArticleSpan) => EvidenceSpan,
): ReportFact {
  const against = f.contradiction ?? [];
  const out: ReportFact = {
    id: f.id,
    text: words(f.claim),
    kind: f.kind,
    sources: f.support.map((s) => s.article),
    evidence: [...f.support, ...against.flatMap((c) => (c.evidence ? [c.evidence] : []))].map(evidence),
  };
  if (f.contradiction) out.contradictedBy = against.map((c) => c.article);
  return out;
}

export function toReportDiscrepancy(d: DiscrepancyFinding, words: (s: ArticleSpan) => string): ReportDiscrepancy {
  return {
    id: d.id,
    kind: d.kind,
    about: d.about,
    ...(d.compatible === undefined ? {} : { compatible: d.compatible }),
    explanation: d.explanation,
    values: d.sides.map((v) => ({ article: v.article, value: v.value, ...located(v.evidence, words) })),
  };
}

export function toReportQuote(q: QuoteFinding, words: (s: ArticleSpan) => string): ReportQuote {
  const reference = q.occurrences[q.reference] ?? q.occurrences[0];
  return {
    id: q.id,
    text: reference ? words(reference.words) : "",
    speaker: q.speaker,
    occurrences: q.occurrences.map((o) => ({
      article: o.words.article,
      text: words(o.words),
      attribution: o.attribution ? words(o.attribution) : "",
      start: o.words.start,
      end: o.words.end,
      fidelity: o.fidelity,
    })),
  };
}

export function toReportCertainty(
  c: CertaintyFinding,
  words: (s: ArticleSpan) => string,
  evidence: (s: ArticleSpan) => EvidenceSpan,
): ReportCertainty {
  const claim = words(c.claim);
  const cueWords = c.cues.map((cue) => (cue.quotation ? `“${words(cue.words)}”` : words(cue.words)));
  const out: ReportCertainty = {
    article: c.article,
    claim,
    level: c.level,
    evidence: cueWords.length ? cueWords.join(", ") : claim,
    headline: c.headline,
    overstated: c.overstated,
  };
  // Spans point into the text: a headline that is only the title has none.
  if (c.claim.field === undefined) {
    out.start = c.claim.start;
    out.end = c.claim.end;
    out.cues = c.cues.map((cue) => evidence(cue.words));
  }
  return out;
}

function toReportArticle(a: Article, wordCount: number): ReportArticle {
  const { id, source, outlet, title, published, author, text, removedBoilerplate } = a;
  const out: ReportArticle = { id, source, text, wordCount, removedBoilerplate };
  if (outlet !== undefined) out.outlet = outlet;
  if (title !== undefined) out.title = title;
  if (published !== undefined) out.published = published;
  if (author !== undefined) out.author = author;
  return out;
}

/** A stable id from the article ids: the same articles give the same story id. */
function storyId(ids: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...ids].sort().join("\n")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `story-${h.toString(16).padStart(8, "0")}`;
}

/** The earliest article's headline, else its first sentence ({@link untitledStoryTitle}). */
function storyTitle(articles: Article[], firstSentence: (article: string) => string): string {
  const ordered = [...articles].sort((a, b) => (a.published ?? "\uffff").localeCompare(b.published ?? "\uffff"));
  const titled = ordered.find((a) => a.title);
  if (titled?.title) return titled.title;
  const first = ordered[0];
  return first ? untitledStoryTitle(firstSentence(first.id)) : "";
}
