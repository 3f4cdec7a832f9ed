import { z } from "zod";
import { type ArticleSpan, FINDINGS_SCHEMA, type Findings } from "./findings.js";

const offset = z.number().int().nonnegative();

const span = z
  .object({ article: z.string(), start: offset, end: offset, field: z.literal("title").optional() })
  .strict()
  .refine((s) => s.start <= s.end, { message: "a span ends before it starts" });

const level = z.enum(["asserted", "reported", "hedged", "speculative"]);

/**
 * {@link Findings} as a validator, for findings read back from storage: what `buildReport` may trust. It checks
 * the shape; {@link findingsProblems} checks that the spans fit the articles.
 *
 * @example findingsSchema.parse(JSON.parse(row.findings))
 */
export const findingsSchema = z
  .object({
    schema: z.literal(FINDINGS_SCHEMA),
    articles: z.array(z.object({ article: z.string(), wordCount: offset, firstSentence: span.optional() }).strict()),
    entities: z.array(
      z
        .object({
          id: z.string(),
          name: z.string().min(1),
          type: z.enum(["person", "organization", "place", "other"]),
          aliases: z.array(z.string()),
          mentions: z.array(span),
        })
        .strict(),
    ),
    quotes: z.array(
      z
        .object({
          id: z.string(),
          reference: offset,
          speaker: z.object({ entity: z.string().optional(), description: z.string() }).strict(),
          occurrences: z
            .array(
              z
                .object({
                  words: span,
                  attribution: span.optional(),
                  fidelity: z.enum(["exact", "minor-edit", "altered", "expanded", "truncated"]),
                })
                .strict(),
            )
            .min(1),
        })
        .strict()
        .refine((q) => q.reference < q.occurrences.length, { message: "the reference is not an occurrence" }),
    ),
    statements: z
      .array(
        z
          .object({
            id: z.string(),
            speaker: z.object({ entity: z.string().optional(), description: z.string() }).strict(),
            words: span,
            attribution: span,
          })
          .strict(),
      )
      .optional(),
    facts: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(["corroborated", "unique", "disputed"]),
          claim: span,
          support: z.array(span).min(1),
          contradiction: z.array(z.object({ article: z.string(), evidence: span.optional() }).strict()).optional(),
        })
        .strict(),
    ),
    discrepancies: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(["number", "place", "date", "person", "negation", "attribution", "stance"]),
          about: z.string(),
          compatible: z.boolean().optional(),
          explanation: z.string(),
          sides: z.array(z.object({ article: z.string(), value: z.string(), evidence: span }).strict()).min(2),
        })
        .strict(),
    ),
    certainty: z.array(
      z
        .object({
          article: z.string(),
          claim: span,
          level,
          cues: z.array(z.object({ words: span, quotation: z.literal(true).optional() }).strict()),
          headline: z.boolean(),
          overstated: z.boolean(),
        })
        .strict(),
    ),
    provenance: z
      .object({
        origin: z.object({ name: z.string(), article: z.string().optional() }).strict().optional(),
        citations: z.array(z.object({ article: z.string(), cites: z.string(), evidence: span }).strict()),
        reuse: z.array(
          z
            .object({
              from: z.string(),
              to: z.string(),
              sharedFraction: z.number().min(0).max(1),
              passages: offset,
              evidence: z.array(z.object({ from: span, to: span }).strict()).optional(),
            })
            .strict(),
        ),
      })
      .strict(),
    timeline: z.array(
      z
        .object({
          date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?/),
          statement: span,
          sources: z.array(z.string()).min(1),
          evidence: z.array(span),
        })
        .strict(),
    ),
    relations: z.array(
      z
        .object({
          subject: z.string(),
          predicate: z.string(),
          object: z.string(),
          sources: z.array(z.string()).min(1),
          evidence: z.array(span),
        })
        .strict(),
    ),
  })
  .strict();

/** Every span of some findings, each with where it is in them. */
function spansOf(f: Findings): [string, ArticleSpan][] {
  const out: [string, ArticleSpan][] = [];
  for (const a of f.articles) if (a.firstSentence) out.push([`article ${a.article}`, a.firstSentence]);
  for (const e of f.entities) for (const m of e.mentions) out.push([`entity ${e.id}`, m]);
  for (const q of f.quotes)
    for (const o of q.occurrences) {
      out.push([`quote ${q.id}`, o.words]);
      if (o.attribution) out.push([`quote ${q.id} attribution`, o.attribution]);
    }
  for (const s of f.statements ?? []) {
    out.push([`statement ${s.id}`, s.words]);
    out.push([`statement ${s.id} attribution`, s.attribution]);
  }
  for (const x of f.facts) {
    out.push([`fact ${x.id}`, x.claim]);
    for (const s of x.support) out.push([`fact ${x.id}`, s]);
    for (const c of x.contradiction ?? []) if (c.evidence) out.push([`fact ${x.id}`, c.evidence]);
  }
  for (const d of f.discrepancies) for (const s of d.sides) out.push([`discrepancy ${d.id}`, s.evidence]);
  for (const c of f.certainty) {
    out.push([`certainty ${c.article}`, c.claim]);
    for (const cue of c.cues) out.push([`certainty ${c.article} cue`, cue.words]);
  }
  for (const c of f.provenance.citations) out.push([`citation ${c.article}`, c.evidence]);
  for (const t of f.timeline) for (const s of [t.statement, ...t.evidence]) out.push([`timeline ${t.date}`, s]);
  for (const r of f.relations) for (const s of r.evidence) out.push([`relation ${r.predicate}`, s]);
  return out;
}

/**
 * What the schema cannot say: every span names an article given and lies inside its text (or its title).
 * Returns the problems found, empty when the findings fit the articles.
 */
export function findingsProblems(f: Findings, articles: { id: string; text: string; title?: string }[]): string[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const problems: string[] = [];
  for (const [where, s] of spansOf(f)) {
    const a = byId.get(s.article);
    const length = a && (s.field === "title" ? a.title?.length : a.text.length);
    if (!a) problems.push(`${where}: unknown article ${s.article}`);
    else if (length === undefined || s.end > length || s.start > s.end)
      problems.push(`${where}: [${s.start}, ${s.end}) is outside the ${s.field ?? "text"} of ${s.article}`);
  }
  return problems;
}
