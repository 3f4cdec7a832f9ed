import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plainArticle } from "../../test/fixtures.js";
import { readArticleFiles } from "../ingest/index.js";
import { findingsProblems, findingsSchema } from "../model/findings-schema.js";
import { type Article, FINDINGS_SCHEMA, type Findings, type StoryReport } from "../model/index.js";
import { referentialProblems, storyReportSchema } from "../model/report-schema.js";
import { findStory } from "../pipeline.js";
import { buildReport } from "./build.js";

const dir = join(import.meta.dirname, "..", "..", "examples", "port-strike-fire");

let articles: Article[];
let findings: Findings;
let report: StoryReport;
beforeAll(async () => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(dir, f));
  ({ articles } = await readArticleFiles(files));
  findings = findStory(articles);
  report = buildReport(articles, findings);
});

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

describe("findings of the example story, as a store keeps them", () => {
  it("are plain data: JSON gives them back unchanged", () => {
    const stored = JSON.parse(JSON.stringify(findings));
    expect(stored).toEqual(findings);
    expect(findings.schema).toBe(FINDINGS_SCHEMA);
  });

  it("hold spans, never a copy of the articles' words", () => {
    expect(keysOf(findings).has("text")).toBe(false);
    expect(findings.facts.length).toBeGreaterThan(0);
    expect(findings.discrepancies.length).toBeGreaterThan(0);
  });

  it("build the same report after a round trip through JSON", () => {
    const rebuilt = buildReport(
      JSON.parse(JSON.stringify(articles)) as Article[],
      JSON.parse(JSON.stringify(findings)) as Findings,
    );
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(report));
  });
});

describe("findingsSchema and findingsProblems", () => {
  const copy = (): Findings => JSON.parse(JSON.stringify(findings));

  it("accept the example story's findings as stored", () => {
    expect(() => findingsSchema.parse(copy())).not.toThrow();
    expect(findingsProblems(copy(), articles)).toEqual([]);
  });

  it.each<[string, (f: Findings) => void]>([
    ["another schema", (f) => Object.assign(f, { schema: "triangulate.findings/0" })],
    ["a copy of the words beside a span", (f) => Object.assign(f.facts[0]?.claim ?? {}, { text: "copied" })],
    ["a span that ends before it starts", (f) => Object.assign(f.facts[0]?.claim ?? {}, { start: 9, end: 3 })],
    ["a quotation known by an occurrence it does not have", (f) => Object.assign(f.quotes[0] ?? {}, { reference: 99 })],
    ["a discrepancy with one side", (f) => f.discrepancies[0]?.sides.splice(1)],
    ["a fact without support", (f) => f.facts[0]?.support.splice(0)],
    ["a certainty without its cue list", (f) => delete (f.certainty[0] as { cues?: unknown }).cues],
  ])("reject %s", (_, spoil) => {
    const f = copy();
    spoil(f);
    expect(findingsSchema.safeParse(f).success).toBe(false);
  });

  it.each<[string, (f: Findings) => void, RegExp]>([
    [
      "a span past the end of its text",
      (f) => Object.assign(f.facts[0]?.claim ?? {}, { end: 1e6 }),
      /^fact f1: .* outside the text/,
    ],
    [
      "a span in an article not given",
      (f) => Object.assign(f.timeline[0]?.statement ?? {}, { article: "x" }),
      /unknown article x/,
    ],
    [
      "a title span of an article without a title",
      (f) =>
        Object.assign(f.certainty[0]?.claim ?? {}, {
          article: "000_strike-fifth-day",
          field: "title",
          start: 0,
          end: 1,
        }),
      /outside the title/,
    ],
  ])("find %s", (_, spoil, problem) => {
    const f = copy();
    spoil(f);
    expect(findingsProblems(f, articles).some((p) => problem.test(p))).toBe(true);
  });
});

describe("spans of the example story's report", () => {
  const textOf = (id: string) => report.articles.find((a) => a.id === id)?.text ?? "";

  it("validate, and every offset points at the words beside it", () => {
    expect(() => storyReportSchema.parse(report)).not.toThrow();
    expect(referentialProblems(report)).toEqual([]);
  });

  it("give every piece of evidence its place, in every section", () => {
    for (const d of report.discrepancies)
      for (const v of d.values) expect(textOf(v.article).slice(v.start, v.end)).toBe(v.evidence);
    for (const c of report.provenance.citations) expect(textOf(c.article).slice(c.start, c.end)).toBe(c.evidence);
    for (const t of report.timeline) {
      expect(t.evidence?.length).toBeGreaterThan(0);
      expect(t.evidence?.map((e) => e.text)).toContain(t.text);
    }
    for (const r of report.relations) expect(new Set(r.evidenceSpans?.map((e) => e.text))).toEqual(new Set(r.evidence));
    for (const b of report.brief) {
      expect(b.evidence?.length).toBeGreaterThan(0);
      for (const e of b.evidence ?? []) expect(textOf(e.article).slice(e.start, e.end)).toBe(e.text);
    }
    expect(report.provenance.citations.length).toBeGreaterThan(0);
    expect(report.timeline.length).toBeGreaterThan(0);
  });

  it("put a claim's cues inside the claim, and the cues are its evidence", () => {
    const inText = report.certainty.filter((c) => c.start !== undefined);
    expect(inText.length).toBeGreaterThan(0);
    for (const c of inText) {
      expect(textOf(c.article).slice(c.start, c.end)).toBe(c.claim);
      for (const cue of c.cues ?? []) {
        expect(cue.start).toBeGreaterThanOrEqual(c.start as number);
        expect(cue.end).toBeLessThanOrEqual(c.end as number);
        expect(c.evidence).toContain(cue.text);
      }
      if ((c.cues ?? []).length === 0) expect(c.evidence).toBe(c.claim);
    }
  });

  it("give a fact's claim in the words of one of its articles", () => {
    for (const f of report.facts) {
      expect(f.evidence.some((e) => e.text.includes(f.text))).toBe(true);
      expect(f.sources.every((s) => f.evidence.some((e) => e.article === s))).toBe(true);
    }
  });
});

describe("buildReport", () => {
  const headline = "  Ferry Crews 'May Strike' Again";
  // Offsets into the title: the quoted words "May Strike" are [15, 25).
  const article = {
    ...plainArticle("harbour", "The ferry crews are considering a strike. Talks went on.", { title: headline }),
  };
  const base: Findings = {
    schema: FINDINGS_SCHEMA,
    articles: [{ article: "harbour", wordCount: 9, firstSentence: { article: "harbour", start: 0, end: 41 } }],
    entities: [],
    quotes: [],
    facts: [],
    discrepancies: [],
    certainty: [],
    provenance: { citations: [], reuse: [] },
    timeline: [],
    relations: [],
  };

  it("cuts a headline given only as the title from the title, with no offsets into the text", () => {
    const report = buildReport([article], {
      ...base,
      certainty: [
        {
          article: "harbour",
          claim: { article: "harbour", start: 2, end: headline.length, field: "title" },
          level: "reported",
          cues: [{ words: { article: "harbour", start: 15, end: 25, field: "title" }, quotation: true }],
          headline: true,
          overstated: false,
        },
        {
          article: "harbour",
          claim: { article: "harbour", start: 0, end: 41 },
          level: "speculative",
          cues: [{ words: { article: "harbour", start: 20, end: 31 } }],
          headline: false,
          overstated: false,
        },
      ],
    });
    expect(report.certainty[0]).toEqual({
      article: "harbour",
      claim: "Ferry Crews 'May Strike' Again",
      level: "reported",
      evidence: "“May Strike”",
      headline: true,
      overstated: false,
    });
    expect(report.certainty[1]).toMatchObject({
      claim: "The ferry crews are considering a strike.",
      start: 0,
      end: 41,
    });
    expect(report.certainty[1]?.evidence).toBe("considering");
    expect(report.certainty[1]?.cues).toEqual([{ article: "harbour", text: "considering", start: 20, end: 31 }]);
  });

  it("keeps a contradicting article out of the sources, with its words only when it has some", () => {
    const other = plainArticle("courier", "The ferry crews will not strike.");
    const report = buildReport([article, other], {
      ...base,
      articles: [...base.articles, { article: "courier", wordCount: 6 }],
      facts: [
        {
          id: "f1",
          kind: "disputed",
          claim: { article: "harbour", start: 0, end: 41 },
          support: [{ article: "harbour", start: 0, end: 41 }],
          contradiction: [{ article: "courier" }, { article: "other" }],
        },
      ],
    });
    expect(report.facts[0]).toEqual({
      id: "f1",
      text: "The ferry crews are considering a strike.",
      kind: "disputed",
      sources: ["harbour"],
      evidence: [{ article: "harbour", text: "The ferry crews are considering a strike.", start: 0, end: 41 }],
      contradictedBy: ["courier", "other"],
    });
  });

  it("takes the story title from the first sentence when no article has a headline", () => {
    const untitled = plainArticle("harbour", article.text);
    expect(buildReport([untitled], base).story.title).toBe("The ferry crews are considering a strike.");
    expect(buildReport([article], base).story.title).toBe(headline);
  });

  it("lists a relation's evidence once per wording, and every sentence it was read from", () => {
    const twin = plainArticle("twin", "Talks went on.");
    const report = buildReport([article, twin], {
      ...base,
      relations: [
        {
          subject: "e1",
          predicate: "met",
          object: "e2",
          sources: ["harbour", "twin"],
          evidence: [
            { article: "harbour", start: 42, end: 56 },
            { article: "twin", start: 0, end: 14 },
          ],
        },
      ],
    });
    expect(report.relations[0]?.evidence).toEqual(["Talks went on."]);
    expect(report.relations[0]?.evidenceSpans?.map((e) => e.article)).toEqual(["harbour", "twin"]);
  });
});

describe("referentialProblems on the spans the report added", () => {
  const mk = (): StoryReport => JSON.parse(JSON.stringify(report));

  it.each<[string, (r: StoryReport) => void, RegExp]>([
    [
      "a discrepancy value's offsets off by one",
      (r) => {
        const v = r.discrepancies[0]?.values[0];
        if (v?.start !== undefined) v.start += 1;
      },
      /^discrepancy d1: \[/,
    ],
    [
      "a discrepancy value with a start and no end",
      (r) => {
        const v = r.discrepancies[0]?.values[0];
        if (v) delete v.end;
      },
      /start and end go together/,
    ],
    [
      "a certainty cue that is not its words",
      (r) => {
        const cue = r.certainty.flatMap((c) => c.cues ?? [])[0];
        if (cue) cue.text = "certainly";
      },
      /^certainty cue: /,
    ],
    [
      "a citation pointing elsewhere",
      (r) => {
        const c = r.provenance.citations[0];
        if (c?.end !== undefined) c.end -= 2;
      },
      /^citation: /,
    ],
    [
      "timeline evidence in an article that is not a source",
      (r) => {
        const t = r.timeline.find((x) => (x.evidence ?? []).length > 0);
        const e = t?.evidence?.[0];
        if (t && e) t.sources = r.articles.map((a) => a.id).filter((id) => id !== e.article);
      },
      /not a source/,
    ],
    [
      "brief evidence in an article it does not cite",
      (r) => {
        const b = r.brief.find((x) => (x.evidence ?? []).length > 0);
        const e = b?.evidence?.[0];
        if (b && e) b.citations = r.articles.map((a) => a.id).filter((id) => id !== e.article);
      },
      /does not cite/,
    ],
  ])("finds %s", (_, spoil, problem) => {
    const r = mk();
    spoil(r);
    const problems = referentialProblems(r);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  it("finds nothing in the report as built", () => {
    expect(referentialProblems(mk())).toEqual([]);
  });
});
