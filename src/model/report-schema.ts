import { z } from "zod";
import type { StoryReport } from "./report.js";

const offset = z.number().int().nonnegative();

const span = { article: z.string(), text: z.string(), start: offset, end: offset };

/** Where a finding's words are, for findings that give them as text: optional, added after the first release. */
const at = { start: offset.optional(), end: offset.optional() };

/**
 * The `triangulate.story/1` contract, as a validator: for tests, and for anything that reads a stored or
 * received report (the API, the store).
 *
 * @example storyReportSchema.parse(JSON.parse(text))
 */
export const storyReportSchema = z
  .object({
    schema: z.literal("triangulate.story/1"),
    story: z.object({
      id: z.string(),
      title: z.string(),
      articleCount: z.number().int(),
      firstPublished: z.string().optional(),
      lastPublished: z.string().optional(),
    }),
    articles: z.array(
      z.object({
        id: z.string(),
        storeId: z.number().int().nonnegative().optional().describe("its id in the store: a stored story's only"),
        source: z.string(),
        outlet: z.string().optional(),
        title: z.string().optional(),
        published: z.string().optional(),
        author: z.string().optional(),
        text: z.string(),
        wordCount: z.number().int().nonnegative(),
        removedBoilerplate: z.array(z.string()),
      }),
    ),
    entities: z.array(
      z.object({
        id: z.string(),
        name: z.string().min(1),
        type: z.enum(["person", "organization", "place", "other"]),
        aliases: z.array(z.string()),
        mentions: z.array(z.object(span)),
      }),
    ),
    quotes: z.array(
      z.object({
        id: z.string(),
        text: z.string().min(1),
        speaker: z.object({ entity: z.string().optional(), description: z.string() }),
        occurrences: z
          .array(
            z.object({
              ...span,
              attribution: z.string(),
              fidelity: z.enum(["exact", "minor-edit", "altered", "expanded", "truncated"]),
            }),
          )
          .min(1),
      }),
    ),
    statements: z
      .array(
        z.object({
          id: z.string(),
          ...span,
          attribution: z.string(),
          speaker: z.object({ entity: z.string().optional(), description: z.string() }),
        }),
      )
      .optional(),
    facts: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        kind: z.enum(["corroborated", "unique", "disputed"]),
        sources: z.array(z.string()).min(1),
        contradictedBy: z.array(z.string()).optional(),
        evidence: z.array(z.object(span)).min(1),
      }),
    ),
    discrepancies: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["number", "place", "date", "person", "negation", "attribution", "stance"]),
        about: z.string(),
        compatible: z.boolean().optional(),
        explanation: z.string(),
        values: z.array(z.object({ article: z.string(), value: z.string(), evidence: z.string(), ...at })).min(2),
      }),
    ),
    certainty: z.array(
      z.object({
        article: z.string(),
        claim: z.string(),
        level: z.enum(["asserted", "reported", "hedged", "speculative"]),
        evidence: z.string(),
        headline: z.boolean(),
        overstated: z.boolean(),
        ...at,
        cues: z.array(z.object(span)).optional(),
      }),
    ),
    provenance: z.object({
      origin: z.object({ name: z.string(), article: z.string().optional() }).optional(),
      citations: z.array(z.object({ article: z.string(), cites: z.string(), evidence: z.string(), ...at })),
      reuse: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          sharedFraction: z.number().min(0).max(1),
          passages: z.number().int(),
          evidence: z
            .array(z.object({ from: z.object(span), to: z.object(span) }))
            .optional()
            .describe("each shared passage's words in both articles, in the order of the reusing article's text"),
        }),
      ),
      copies: z
        .array(
          z.object({
            article: z.string(),
            copy: z.object({
              id: z.string(),
              storeId: z.number().int().nonnegative().optional(),
              outlet: z.string().optional(),
              title: z.string().optional(),
              published: z.string().optional(),
              url: z.string().optional(),
            }),
          }),
        )
        .optional(),
    }),
    timeline: z.array(
      z.object({
        date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?/),
        text: z.string(),
        sources: z.array(z.string()).min(1),
        evidence: z.array(z.object(span)).optional(),
      }),
    ),
    relations: z.array(
      z.object({
        subject: z.string(),
        predicate: z.string(),
        object: z.string(),
        sources: z.array(z.string()).min(1),
        evidence: z.array(z.string()),
        evidenceSpans: z.array(z.object(span)).optional(),
      }),
    ),
    brief: z.array(
      z.object({
        text: z.string().min(1),
        citations: z.array(z.string()).min(1),
        evidence: z.array(z.object(span)).optional(),
      }),
    ),
  })
  .strict();

/**
 * Everything the schema cannot say: offsets point at their words, and every id refers to an article or an
 * entity of the same report. Returns the problems found, empty when the report holds together.
 */
export function referentialProblems(report: StoryReport): string[] {
  const problems: string[] = [];
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  const entityIds = new Set(report.entities.map((e) => e.id));
  const checkSpan = (where: string, s: { article: string; text: string; start: number; end: number }) => {
    const text = texts.get(s.article);
    if (text === undefined) problems.push(`${where}: unknown article ${s.article}`);
    else if (text.slice(s.start, s.end) !== s.text)
      problems.push(`${where}: [${s.start}, ${s.end}) is not "${s.text}"`);
  };
  const checkArticle = (where: string, id: string) => {
    if (!texts.has(id)) problems.push(`${where}: unknown article ${id}`);
  };
  for (const e of report.entities) for (const m of e.mentions) checkSpan(`entity ${e.id}`, m);
  for (const q of report.quotes) {
    for (const o of q.occurrences) checkSpan(`quote ${q.id}`, o);
    if (q.speaker.entity && !entityIds.has(q.speaker.entity)) problems.push(`quote ${q.id}: unknown speaker entity`);
  }
  for (const s of report.statements ?? []) {
    checkSpan(`statement ${s.id}`, s);
    if (s.speaker.entity && !entityIds.has(s.speaker.entity))
      problems.push(`statement ${s.id}: unknown speaker entity`);
  }
  for (const f of report.facts) {
    for (const e of f.evidence) checkSpan(`fact ${f.id}`, e);
    for (const s of f.sources) checkArticle(`fact ${f.id}`, s);
    for (const s of f.contradictedBy ?? []) {
      checkArticle(`fact ${f.id}`, s);
      if (f.sources.includes(s)) problems.push(`fact ${f.id}: ${s} both supports and contradicts it`);
    }
    if ((f.kind === "disputed") !== (f.contradictedBy ?? []).length > 0)
      problems.push(`fact ${f.id}: disputed exactly when some article contradicts it`);
  }
  // Words given as text with optional offsets: the offsets, when given, point at those words.
  const checkAt = (where: string, article: string, text: string, s: { start?: number; end?: number }) => {
    if (s.start === undefined && s.end === undefined) checkArticle(where, article);
    else if (s.start === undefined || s.end === undefined) problems.push(`${where}: start and end go together`);
    else checkSpan(where, { article, text, start: s.start, end: s.end });
  };
  for (const d of report.discrepancies)
    for (const v of d.values) checkAt(`discrepancy ${d.id}`, v.article, v.evidence, v);
  for (const c of report.certainty) {
    checkAt("certainty", c.article, c.claim, c);
    for (const cue of c.cues ?? []) {
      checkSpan("certainty cue", cue);
      if (cue.article !== c.article) problems.push(`certainty cue: in ${cue.article}, not ${c.article}`);
    }
  }
  for (const c of report.provenance.citations) checkAt("citation", c.article, c.evidence, c);
  for (const r of report.provenance.reuse) {
    checkArticle("reuse", r.from);
    checkArticle("reuse", r.to);
    for (const e of r.evidence ?? []) {
      checkSpan(`reuse ${r.from}->${r.to}`, e.from);
      checkSpan(`reuse ${r.from}->${r.to}`, e.to);
      if (e.from.article !== r.from || e.to.article !== r.to)
        problems.push(`reuse ${r.from}->${r.to}: a passage in ${e.from.article} and ${e.to.article}`);
    }
  }
  if (report.provenance.origin?.article) checkArticle("origin", report.provenance.origin.article);
  for (const c of report.provenance.copies ?? []) checkArticle(`copy ${c.copy.id}`, c.article);
  for (const t of report.timeline) {
    for (const s of t.sources) checkArticle("timeline", s);
    for (const e of t.evidence ?? []) {
      checkSpan(`timeline ${t.date}`, e);
      if (!t.sources.includes(e.article)) problems.push(`timeline ${t.date}: evidence in ${e.article}, not a source`);
    }
  }
  for (const r of report.relations) {
    for (const s of r.sources) checkArticle("relation", s);
    for (const e of r.evidenceSpans ?? []) {
      checkSpan(`relation ${r.predicate}`, e);
      if (!r.evidence.includes(e.text)) problems.push(`relation ${r.predicate}: "${e.text}" is not in its evidence`);
    }
    if (!entityIds.has(r.subject) || !entityIds.has(r.object))
      problems.push(`relation ${r.subject} ${r.predicate} ${r.object}: unknown entity`);
  }
  for (const b of report.brief) {
    for (const c of b.citations) checkArticle("brief", c);
    for (const e of b.evidence ?? []) {
      checkSpan("brief", e);
      if (!b.citations.includes(e.article)) problems.push(`brief: evidence in ${e.article}, which it does not cite`);
    }
  }
  return problems;
}
