import { existsSync } from "node:fs";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleFiles } from "../../src/ingest/index.js";
import type { CertaintyLevel, EvidenceSpan, StoryReport } from "../../src/model/index.js";
import { analyzeStory } from "../../src/pipeline.js";
import { REPORT_SECTIONS, renderHtmlReport } from "../../src/web/html-report.js";
import { TARGET_BACKGROUND } from "../../src/web/styles.js";

const CHROMIUM = "/usr/bin/chromium";
const EXAMPLE = join(import.meta.dirname, "../../examples/port-strike-fire");
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    `HTML report browser test skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install chromium)`,
  );
}

/**
 * The example story's report with findings of every kind added, built from the report's own facts and
 * entities so that every section has data and every piece of evidence is real text of its article.
 */
function withFindings(report: StoryReport): StoryReport {
  const articles = report.articles;
  const first = articles[0];
  const second = articles[1];
  if (!first || !second) throw new Error("the example story needs two articles");
  // A fact's evidence in the article, else its first sentence: the findings must not depend on what facts the pipeline finds.
  const evidenceIn = (article: string): EvidenceSpan => {
    const e = report.facts.flatMap((f) => f.evidence).find((x) => x.article === article);
    if (e) return e;
    const text = articles.find((a) => a.id === article)?.text ?? "";
    const sentence = text.match(/\S[^.!?\n]*[.!?]?/)?.[0] ?? text;
    const start = text.indexOf(sentence);
    return { article, text: sentence, start, end: start + sentence.length };
  };
  const shared = report.facts.find((f) => f.evidence.length >= 2);
  if (!shared) throw new Error("the example story needs a corroborated fact");
  const figure = (s: string) => s.match(/\d[\d,.]*/)?.[0] ?? s.split(/\s+/).slice(0, 3).join(" ");
  const ladder: CertaintyLevel[] = ["asserted", "reported", "hedged", "speculative"];
  // Evidence that starts inside one fact sentence and ends in the next, so that spans cross.
  const crossing = evidenceIn(first.id);
  const crossingCue: EvidenceSpan = {
    article: first.id,
    text: first.text.slice(crossing.end - 12, crossing.end + 18),
    start: crossing.end - 12,
    end: crossing.end + 18,
  };
  const actors = [...report.entities].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, 4);
  const sentenceOf = (id: string) => {
    const m = report.entities.find((e) => e.id === id)?.mentions[0];
    const around =
      m &&
      report.facts
        .flatMap((f) => f.evidence)
        .find((e) => e.article === m.article && e.start <= m.start && m.end <= e.end);
    return around ?? (m ? { ...m } : { article: first.id, text: "", start: 0, end: 0 });
  };
  const relation = (subject: number, predicate: string, object: number) => {
    const s = actors[subject];
    const o = actors[object];
    if (!s || !o) throw new Error("the example story needs four entities");
    const ev = sentenceOf(s.id);
    return { subject: s.id, predicate, object: o.id, sources: [ev.article], evidence: [ev.text], evidenceSpans: [ev] };
  };
  return {
    ...report,
    discrepancies: [
      ...report.discrepancies,
      {
        id: "test-d1",
        kind: "number",
        about: "the figure in a shared statement",
        compatible: false,
        explanation: "The outlets give different figures for the same thing.",
        values: shared.evidence
          .slice(0, 2)
          .map((e) => ({ article: e.article, value: figure(e.text), evidence: e.text, start: e.start, end: e.end })),
      },
    ],
    certainty: [
      ...report.certainty,
      ...articles.map((a, i) => ({
        article: a.id,
        claim: evidenceIn(a.id).text,
        level: ladder[i % ladder.length] ?? "asserted",
        evidence: i === 0 ? crossingCue.text : evidenceIn(a.id).text,
        headline: i === 0,
        overstated: i === 1,
        start: evidenceIn(a.id).start,
        end: evidenceIn(a.id).end,
        cues: i === 0 ? [crossingCue] : [],
      })),
    ],
    provenance: {
      origin: report.provenance.origin ?? { name: "the first report", article: first.id },
      citations: [
        ...report.provenance.citations,
        ...articles.slice(1).map((a) => {
          const { text, start, end } = evidenceIn(a.id);
          return { article: a.id, cites: "the first report", evidence: text, start, end };
        }),
      ],
      reuse: [...report.provenance.reuse, { from: first.id, to: second.id, sharedFraction: 0.42, passages: 3 }],
    },
    timeline: [
      ...report.timeline,
      ...articles.flatMap((a) =>
        a.published
          ? [
              {
                date: a.published.slice(0, 10),
                text: evidenceIn(a.id).text,
                sources: [a.id],
                evidence: [evidenceIn(a.id)],
              },
            ]
          : [],
      ),
    ],
    relations: [
      ...report.relations,
      relation(0, "negotiates with", 1),
      relation(1, "rejects", 0),
      relation(2, "backs", 0),
      relation(3, "is part of", 2),
    ],
    brief: [
      ...report.brief,
      ...report.facts
        .filter((f) => f.kind === "corroborated")
        .slice(0, 5)
        .map((f) => ({ text: f.evidence[0]?.text ?? f.text, citations: f.sources, evidence: f.evidence })),
    ],
  };
}

describe.skipIf(!HAVE_CHROMIUM)(`the HTML report in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders every section without errors or outside requests, and links land on highlighted words", async () => {
    const files = (await readdir(EXAMPLE)).filter((f) => f.endsWith(".txt")).map((f) => join(EXAMPLE, f));
    const { articles } = await readArticleFiles(files);
    const report = withFindings(analyzeStory(articles));
    const dir = await mkdtemp(join(tmpdir(), "triangulate-html-"));
    const file = join(dir, "report.html");
    await writeFile(file, renderHtmlReport(report));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    const failed: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      if (!/^(file|data|about):/.test(r.url())) outside.push(r.url());
    });
    page.on("requestfailed", (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

    for (const [id, title] of REPORT_SECTIONS) {
      const section = page.locator(`section#${id}`);
      expect(await section.isVisible(), `section ${id}`).toBe(true);
      expect(await section.locator("h2").textContent()).toBe(title);
      expect(await section.locator(":scope > p.none").count(), `section ${id} has data`).toBe(0);
    }
    expect(await page.locator("#actors svg.graph a.node").count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("#quotes del, #quotes ins").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(dir, "top.png") });

    const factLink = page.locator("#facts td.cell a").first();
    const href = await factLink.getAttribute("href");
    expect(href).toMatch(/^#s\d+-\d+-\d+$/);
    await factLink.click();
    expect(await page.evaluate(() => location.hash)).toBe(href);
    const target = page.locator(href ?? "");
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(TARGET_BACKGROUND);
    expect(await target.isVisible()).toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    const other = page.locator(".article-text .mark:not(:target)").first();
    expect(await other.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(TARGET_BACKGROUND);
    await page.screenshot({ path: join(dir, "fact-link.png") });

    // A span cut in pieces by a crossing one is highlighted whole, by the stylesheet alone.
    const piece = page.locator("[data-frag]").first();
    const whole = await piece.getAttribute("data-frag");
    expect(whole).toBeTruthy();
    await page.locator(`a[href="#${whole}"]`).first().click();
    expect(await piece.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(TARGET_BACKGROUND);

    await page.screenshot({ path: join(dir, "full.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.toc").isVisible()).toBe(false);
    await context.close();

    console.log(
      `HTML report screenshots: ${join(dir, "top.png")}, ${join(dir, "fact-link.png")}, ${join(dir, "full.png")}`,
    );
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  }, 45_000);
});
