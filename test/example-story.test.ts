import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticleFiles } from "../src/ingest/index.js";
import type { StoryReport } from "../src/model/index.js";
import { referentialProblems, storyReportSchema } from "../src/model/report-schema.js";
import { analyzeStory } from "../src/pipeline.js";

const dir = join(import.meta.dirname, "..", "examples", "port-strike-fire");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(dir, f));

let report: StoryReport;
beforeAll(async () => {
  const { articles, problems } = await readArticleFiles(files);
  expect(problems).toEqual([]);
  report = analyzeStory(articles);
});

const article = (id: string) => report.articles.find((a) => a.id === id);
const entity = (form: string) => report.entities.find((e) => e.name === form || e.aliases.includes(form));
const quote = (words: string) => report.quotes.find((q) => q.occurrences.some((o) => o.text.includes(words)));

describe("the example story, end to end", () => {
  it("is a valid triangulate.story/1 report whose spans and ids all hold", () => {
    expect(() => storyReportSchema.parse(report)).not.toThrow();
    expect(referentialProblems(report)).toEqual([]);
    expect(report.story.articleCount).toBe(5);
  });

  it("reads each file's metadata and leaves absent what the text does not say", () => {
    expect(article("000_strike-fifth-day")?.published).toBe("2026-03-09");
    expect(article("001_talks-resume")).toMatchObject({ published: "2026-03-10T08:15" });
    expect(article("001_talks-resume")?.title).toMatch(/^A pay dispute at one of Tunisia’s busiest ports/);
    expect(article("002_ships-at-anchor")?.author).toBe("Claire Whitfield");
    expect(article("003_dockers-agree")?.title).toBe(
      "Dockers Agree to End Strike After Fire Guts Sidi Marzouk Terminal",
    );
    expect(article("004_smoke-over-city")?.outlet).toBe("Coastal Ledger");
    for (const id of ["002_ships-at-anchor", "003_dockers-agree", "004_smoke-over-city"]) {
      expect(article(id)?.published).toBeUndefined();
    }
    for (const id of ["000_strike-fifth-day", "001_talks-resume", "002_ships-at-anchor", "003_dockers-agree"]) {
      expect(article(id)?.outlet).toBeUndefined();
    }
  });

  it("decodes Windows-1252, a BOM and CRLF into clean text", () => {
    expect(article("003_dockers-agree")?.text).toContain("Hédi Gharbi");
    expect(article("003_dockers-agree")?.text).toMatch(/[“”’]/u);
    expect(article("001_talks-resume")?.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(article("002_ships-at-anchor")?.text).not.toContain("\r");
  });

  it("removes and lists boilerplate", () => {
    const ledger = article("004_smoke-over-city");
    expect(ledger?.removedBoilerplate).toHaveLength(5);
    expect(ledger?.text).not.toMatch(/Subscribe today|free 14-day trial|All Rights Reserved|Copy link/);
    expect(article("002_ships-at-anchor")?.removedBoilerplate).toEqual([
      "Read more: Why Mediterranean ports are bracing for a season of strikes",
      "Sign up for our Morning Brief newsletter to get the day's top stories before breakfast.",
      "Share this article",
    ]);
  });

  it.each([
    [["Niqabat al-Marsa", "Nikabat al-Marsa"], "organization"],
    [["Regional Civil Protection Directorate", "RCPD"], "organization"],
    [["Tarek al-Mansouri", "Mansouri", "al-Mansouri"], "person"],
    [["Sami Ferjani", "Ferjani"], "person"],
    [["Amira Jaziri", "Jaziri"], "person"],
  ])("resolves %j into one %s", (forms, type) => {
    const ids = new Set(forms.map((f) => entity(f)?.id));
    expect(ids.size).toBe(1);
    expect(entity(forms[0] as string)?.type).toBe(type);
  });

  it.each([
    ["Sidi Marzouk", "Sidi Marzouk Port Authority"],
    ["Niqabat al-Marsa", "Marsa Container Terminals"],
    ["Tunis", "Tunisia"],
    ["Hatem Marzouk", "Sidi Marzouk"],
  ])("keeps %j apart from %j", (a, b) => {
    expect(entity(a)).toBeDefined();
    expect(entity(b)).toBeDefined();
    expect(entity(a)?.id).not.toBe(entity(b)?.id);
  });

  it("groups one quotation across outlets, each rendering with its own attribution and fidelity", () => {
    const q = quote("The fire is contained");
    expect(q).toBeDefined();
    expect(q?.occurrences.length).toBeGreaterThanOrEqual(3);
    expect(new Set(q?.occurrences.map((o) => o.attribution)).size).toBe(q?.occurrences.length);
    expect(q?.occurrences.find((o) => o.article === "003_dockers-agree")?.fidelity).toBe("truncated");
  });

  it("names unnamed speakers by their description, through a relative clause or a pronoun", () => {
    expect(quote("I saw the first containers go up")?.speaker.description).toBe("One crane operator");
    expect(quote("working again before the end of the month")?.speaker.description).toMatch(
      /^A senior official at the transport ministry/,
    );
  });

  it("marks as expanded a paraphrase that another outlet prints as a quotation", () => {
    const q = quote("enough foam and water");
    expect(q?.occurrences.find((o) => o.article === "004_smoke-over-city")?.fidelity).toBe("expanded");
  });

  it("finds corroborated and unique facts", () => {
    const corroborated = report.facts.filter((f) => f.kind === "corroborated");
    expect(corroborated.length).toBeGreaterThan(3);
    expect(corroborated.some((f) => f.sources.length >= 3)).toBe(true);
    const unique = report.facts.filter((f) => f.kind === "unique");
    expect(unique.every((f) => f.sources.length === 1)).toBe(true);
  });

  it("credits no article with a claim naming the speaker it gives the disputed words to someone else", () => {
    const attribution = report.discrepancies.find((d) => d.kind === "attribution");
    expect(attribution?.values.length).toBeGreaterThanOrEqual(2);
    let checked = 0;
    for (const side of attribution?.values ?? []) {
      const others = (attribution?.values ?? []).filter((v) => v.value !== side.value).map((v) => v.article);
      // Facts that name this side's speaker and rest on a sentence of the disputed quotation.
      const naming = report.facts.filter(
        (f) =>
          f.text.includes(side.value) &&
          f.evidence.some((e) =>
            (attribution?.values ?? []).some(
              (v) =>
                v.article === e.article && e.start <= (v.start ?? -1) && (v.end ?? Number.POSITIVE_INFINITY) <= e.end,
            ),
          ),
      );
      checked += naming.length;
      for (const f of naming) for (const a of others) expect(f.sources, `${f.id} ${a}`).not.toContain(a);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("lists each claim once and credits no sentence that shares only a pair of words with it", () => {
    const claims = report.facts.map((f) => `${f.evidence[0]?.article}:${f.evidence[0]?.start}:${f.text}`);
    expect(new Set(claims).size).toBe(claims.length);
    // The pickets held up the fire engines; the police closing a road to keep traffic away from them is not that.
    const engines = report.facts.find((f) => f.text.includes("held up the first fire engines"));
    expect(engines?.evidence.some((e) => e.text.includes("keep traffic away"))).not.toBe(true);
  });

  it("finds the differing figures, compatible and not", () => {
    const byValues = (a: string, b: string) =>
      report.discrepancies.find(
        (d) =>
          d.kind === "number" && d.values.some((v) => v.value.includes(a)) && d.values.some((v) => v.value.includes(b)),
      );
    expect(byValues("300", "350")?.compatible).toBe(true);
    expect(byValues("12", "8")?.compatible).toBe(false);
  });

  it("finds the place discrepancy between two cities in different countries", () => {
    const d = report.discrepancies.find((x) => x.kind === "place");
    expect(d?.values.map((v) => v.article).sort()).toEqual(["001_talks-resume", "003_dockers-agree"]);
    expect(d?.values.map((v) => v.value).join(" ")).toMatch(/Marseille/);
    expect(d?.values.map((v) => v.value).join(" ")).toMatch(/Genoa/);
  });

  it.each([
    ["date", ["002_ships-at-anchor", "004_smoke-over-city"], ["Saturday (2026-03-07)", "Friday (2026-03-06)"]],
    ["person", ["002_ships-at-anchor", "004_smoke-over-city"], ["Sami Ferjani", "Nabil Trabelsi"]],
    ["attribution", ["002_ships-at-anchor", "004_smoke-over-city"], ["Tarek al-Mansouri", "Amira Jaziri"]],
    ["negation", ["003_dockers-agree", "004_smoke-over-city"], undefined],
  ] as const)("finds the %s discrepancy", (kind, articles, values) => {
    const d = report.discrepancies.find(
      (x) => x.kind === kind && articles.every((a) => x.values.some((v) => v.article === a)),
    );
    expect(d).toBeDefined();
    if (values) expect(d?.values.map((v) => v.value)).toEqual(values);
    expect(d?.explanation.length).toBeGreaterThan(0);
  });

  it("finds one actor reported on opposite sides (stance)", () => {
    const d = report.discrepancies.find((x) => x.kind === "stance" && x.about.includes("Marsa Container Terminals"));
    const byArticle = Object.fromEntries(d?.values.map((v) => [v.article, v.value]) ?? []);
    expect(byArticle["002_ships-at-anchor"]).toBe("rejected");
    expect(byArticle["004_smoke-over-city"]).toBe("accepted");
  });

  it("does not set 'denied' against 'rejected': one side in two words", () => {
    expect(report.discrepancies.filter((d) => d.kind === "stance" && !d.about.includes("Marsa Container"))).toEqual([]);
  });

  it.each([
    ["tally", ["5 to 2", "4-3"]],
    ["duration", ["for three months", "for a year"]],
  ])("finds the planted %s difference", (_, values) => {
    const d = report.discrepancies.find(
      (x) => x.kind === "number" && x.values.map((v) => v.value).join("|") === values.join("|"),
    );
    expect(d?.compatible).toBe(false);
    expect(d?.values.map((v) => v.article)).toEqual(["001_talks-resume", "003_dockers-agree"]);
  });

  it("settles the board's vote as a disputed claim: 001 supports it, 003 contradicts it, the rest are silent", () => {
    const claim = report.facts.find((f) => f.text.includes("voted 5 to 2"));
    expect(claim?.kind).toBe("disputed");
    expect(claim?.sources).toEqual(["001_talks-resume"]);
    expect(claim?.contradictedBy).toEqual(["003_dockers-agree"]);
    for (const s of report.brief) {
      if (/5 to 2|three months/.test(s.text) && !/4-3/.test(s.text))
        expect(s.citations).not.toContain("003_dockers-agree");
    }
  });

  it("does not oppose a spokesman and the organisation he speaks for", () => {
    const q = quote("The fire is contained");
    expect(
      report.discrepancies.some((d) => d.kind === "attribution" && d.about.includes(q?.text.slice(0, 20) ?? "?")),
    ).toBe(false);
  });

  it("finds certainty, provenance and relations", () => {
    const overstated = report.certainty.filter((c) => c.overstated);
    expect(overstated.map((c) => c.article)).toEqual(["003_dockers-agree"]);
    expect(report.provenance.origin).toEqual({ name: "Meridian Press", article: "000_strike-fifth-day" });
    expect(report.provenance.reuse.map((r) => [r.from, r.to])).toEqual([
      ["000_strike-fifth-day", "002_ships-at-anchor"],
    ]);
    const name = (id: string) => report.entities.find((e) => e.id === id)?.name;
    expect(report.relations.map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)}`)).toContain(
      "Tarek al-Mansouri said to Meridian Press",
    );
  });

  it("builds a dated timeline and a brief that cites real articles", () => {
    const dates = report.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toContain("2026-03-08");
    expect(report.brief.length).toBeGreaterThanOrEqual(5);
    expect(report.brief.length).toBeLessThanOrEqual(12);
    expect(report.brief.some((b) => b.citations.length >= 2)).toBe(true);
    expect(report.brief.some((b) => b.text.startsWith("Accounts differ"))).toBe(true);
  });
});
