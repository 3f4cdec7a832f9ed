import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeStory } from "../../src/pipeline.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { TARGET_BACKGROUND } from "../../src/web/styles.js";
import { exampleArticles, hostileArticles } from "../server-fixtures.js";
import { storeStories, tempStore } from "../server-store.js";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    `Server pages browser test skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install chromium)`,
  );
}
/** Screenshots land here (git-ignored), to look at after a run. */
const ARTEFACTS = join(import.meta.dirname, "../../test-artifacts/serve");
/** The outlet of a copy in the example story: markup in its name stays text. */
const COPY_OUTLET = "Copy <i>Desk</i>";
/** One line of this many characters in a hostile article: the page must still load and stay usable. */
const LONG_LINE = 1_000_000;

describe.skipIf(!HAVE_CHROMIUM)(`the server's pages in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let store: Store;
  let server: ReturnType<typeof createAdaptorServer>;
  let base = "";
  let exampleId = 0;
  let hostileId = 0;

  beforeAll(async () => {
    await mkdir(ARTEFACTS, { recursive: true });
    store = await tempStore();
    const example = await exampleArticles();
    const original = example.find((a) => a.outlet);
    if (!original) throw new Error("fixture: no example article names its outlet");
    // The same words run again by another (invented, hostile-named) outlet: stored as a copy of it.
    const copy = { ...original, id: "copy-desk", source: "copy-desk.txt", outlet: COPY_OUTLET };
    [exampleId, hostileId] = (await storeStories(store, [[...example, copy], hostileArticles()])) as [number, number];
    // The long line is added to the stored report after the analysis, which would take long on it and is not under test here.
    const stored = await store.report(hostileId);
    if (!stored) throw new Error("no hostile report");
    const article = stored.report.articles[0];
    if (!article) throw new Error("no hostile article");
    article.text += `\n\n${"lorem ipsum dolor ".repeat(LONG_LINE / 18)}`;
    await store.saveReport(hostileId, stored.version, stored.report, stored.updatedAt);
    server = createAdaptorServer({ fetch: createApp({ store, log: () => {} }).fetch });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    expect(analyzeStory).toBeDefined();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
  });

  /** A page that records console errors, script errors, dialogs and every request that leaves the server. */
  async function watched(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(base)) problems.push(`outside request: ${r.url()}`);
    });
    // A load the browser itself cancels because a click moved on to the next page (net::ERR_ABORTED) is no
    // failure of the server; every other failure is, and a bad status is caught by its response below.
    page.on("requestfailed", (r) => {
      const reason = r.failure()?.errorText;
      if (reason !== "net::ERR_ABORTED") problems.push(`failed: ${r.url()} ${reason}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    return { page, problems, close: () => context.close() };
  }

  it("list → story → a discrepancy's words → entity → search, without errors or outside requests", async () => {
    const { page, problems, close } = await watched();
    await page.goto(`${base}/`);
    expect(await page.locator("li.story").count()).toBe(2);
    // The coverage charts' figures are text on the page, seen without hovering.
    const story = page.locator("li.story").filter({ has: page.locator(`h2 a[href="/stories/${exampleId}"]`) });
    const byDay = story.locator("figure.chart").filter({ hasText: "Articles by day" });
    expect(await byDay.locator("ul.figures li").first().isVisible()).toBe(true);
    const figures = await byDay.locator("ul.figures .n").allTextContents();
    expect(figures.reduce((n, f) => n + Number(f), 0)).toBe(6);
    expect(await byDay.locator("svg.bars").getAttribute("aria-hidden")).toBe("true");
    await page.screenshot({ path: join(ARTEFACTS, "1-list.png"), fullPage: true });

    await page.locator(`li.story h2 a[href="/stories/${exampleId}"]`).click();
    await page.waitForURL(`${base}/stories/${exampleId}`);
    expect(await page.locator("#claims table.claims").isVisible()).toBe(true);
    // The claim table scrolls in its own box instead of being cut off.
    const box = await page
      .locator("#claims .scroll")
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
    expect(box.overflow).toBe("auto");
    // Five outlets' columns fit at 1400 px: none is cut off or left behind a scroll.
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    // The articles stand side by side, not stacked in one narrow column.
    const tops = await page
      .locator(".article-grid article.source")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(new Set(tops.slice(0, 2)).size).toBe(1);
    await page.screenshot({ path: join(ARTEFACTS, "2-story.png") });

    const link = page.locator("#discrepancies a.ev").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^#s\d+-\d+-\d+$/);
    await link.click();
    expect(await page.evaluate(() => location.hash)).toBe(href);
    const words = page.locator(href ?? "");
    expect(await words.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(TARGET_BACKGROUND);
    expect(await words.evaluate((el) => el.closest(".article-text") !== null)).toBe(true);
    const rect = await words.boundingBox();
    expect(rect && rect.y >= 0 && rect.y < 900).toBe(true);
    // Within the lit sentence, the disputed value's own words stand out, in every article of the discrepancy.
    const value = (await link.locator("strong").textContent()) ?? "";
    const disputed = words.locator(".mark.k-disputed");
    expect((await disputed.textContent())?.toLowerCase()).toBe(value.toLowerCase());
    const [valueBg, sentenceBg] = await disputed.evaluate((el) => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(el.parentElement as Element).backgroundColor,
    ]);
    expect(valueBg).not.toBe(sentenceBg);
    const card = page.locator("#discrepancies .card").filter({ has: page.locator(`a.ev[href="${href}"]`) });
    const sides = await card.locator("a.ev").count();
    expect(await page.locator(".article-text .mark.k-disputed").count()).toBeGreaterThanOrEqual(sides);
    await page.screenshot({ path: join(ARTEFACTS, "3-discrepancy-words.png") });

    // The story page shows the first claims; every claim is a click away, its words a click further.
    await page.locator("#claims a.all-claims").click();
    await page.waitForURL(`${base}/stories/${exampleId}/claims`);
    expect(await page.locator("#claims tbody tr").count()).toBeGreaterThan(
      await page.locator("#claims tbody tr.disputed").count(),
    );
    const claimWords = page.locator("#claims tbody tr:last-child a.ev").first();
    const claimHref = (await claimWords.getAttribute("href")) ?? "";
    expect(claimHref).toMatch(new RegExp(`^/stories/${exampleId}#s\\d+-\\d+-\\d+$`));
    await claimWords.click();
    await page.waitForURL(`${base}${claimHref}`);
    const marked = page.locator(claimHref.slice(claimHref.indexOf("#")));
    expect(await marked.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(TARGET_BACKGROUND);
    expect(await marked.evaluate((el) => el.closest(".article-text") !== null)).toBe(true);
    await page.screenshot({ path: join(ARTEFACTS, "4-claim-words.png") });

    // The copy the story page does not compare is named under provenance; its page says what it copies.
    await page.goto(`${base}/stories/${exampleId}#provenance`);
    const copyLink = page.locator("#provenance ul.copies a[href^='/articles/']");
    expect(await copyLink.textContent()).toBe(COPY_OUTLET);
    await page.locator("#provenance").screenshot({ path: join(ARTEFACTS, "4-provenance-copies.png") });
    await copyLink.click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.locator("header.page").textContent()).toContain(COPY_OUTLET);
    expect(await page.locator("header.page i").count()).toBe(0);
    await page.screenshot({ path: join(ARTEFACTS, "4-copy.png") });
    await page.locator("p.copy-of a").click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.locator("p.copies a").textContent()).toBe(COPY_OUTLET);
    await page.goto(`${base}/stories/${exampleId}`);

    const entity = page.locator("#entities a[href^='/entities/']").first();
    const name = await entity.textContent();
    await entity.click();
    await page.waitForURL(/\/entities\//);
    expect(await page.locator("h1").textContent()).toBe(name);
    await page.screenshot({ path: join(ARTEFACTS, "4-entity.png") });

    // A speaker of reported speech: their page lists what the articles say they said, each linked to its words.
    await page.goto(`${base}/stories/${exampleId}#quotes`);
    await page.locator("#quotes ul.speech > li > strong > a[href^='/entities/']").first().click();
    await page.waitForURL(/\/entities\//);
    const said = page.locator("#said ul.speech a.ev").first();
    const saidHref = (await said.getAttribute("href")) ?? "";
    expect(saidHref).toMatch(new RegExp(`^/stories/${exampleId}#s\\d+-\\d+-\\d+$`));
    await said.click();
    await page.waitForURL(`${base}${saidHref}`);
    const spoken = page.locator(saidHref.slice(saidHref.indexOf("#")));
    expect(await spoken.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(TARGET_BACKGROUND);
    expect(
      await spoken.evaluate((el) => el.closest(".article-text") !== null && el.classList.contains("k-speech")),
    ).toBe(true);
    await page.screenshot({ path: join(ARTEFACTS, "4-reported-speech.png") });

    await page.locator("#site-q").fill("Osterlake shelters");
    await page.locator("#site-q").press("Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator(".results li").count()).toBeGreaterThan(0);
    expect(await page.locator(".results mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTEFACTS, "5-search.png") });
    await close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("reused passages light up in both articles; article pages and story columns link to each other", async () => {
    const { page, problems, close } = await watched();
    /** The element a link's fragment names: lit, inside an article's text, and on the screen. */
    const landsOn = async (hash: string) => {
      const el = page.locator(hash);
      expect(await el.evaluate((x) => getComputedStyle(x).backgroundColor)).toBe(TARGET_BACKGROUND);
      expect(await el.evaluate((x) => x.closest(".article-text") !== null)).toBe(true);
      const rect = await el.boundingBox();
      expect(rect && rect.y >= 0 && rect.y < 900).toBe(true);
      return el;
    };
    await page.goto(`${base}/stories/${exampleId}#provenance`);
    const passage = page.locator("#provenance ol.passages li").first();
    const later = passage.locator("a.ev");
    const laterHref = (await later.getAttribute("href")) ?? "";
    await later.click();
    expect(await page.evaluate(() => location.hash)).toBe(laterHref);
    const laterWords = await landsOn(laterHref);
    const shared = await laterWords.textContent();
    await page.screenshot({ path: join(ARTEFACTS, "7-reused-words.png") });
    const earlier = passage.locator(".meta a");
    const earlierHref = (await earlier.getAttribute("href")) ?? "";
    await earlier.click();
    const earlierWords = await landsOn(earlierHref);
    // The same shared words, in another article.
    expect(await earlierWords.textContent()).toBe(shared);
    const column = (el: typeof laterWords) => el.evaluate((x) => x.closest("article")?.id);
    expect(await column(earlierWords)).not.toBe(await column(laterWords));

    // The later article's column links to its own page, where the passage is marked and listed.
    await page.locator(`#${await column(laterWords)} header a`, { hasText: "its own page" }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    const own = page.locator("#shared ol.passages a.ev").first();
    const ownHref = (await own.getAttribute("href")) ?? "";
    await own.click();
    expect(await (await landsOn(ownHref)).textContent()).toBe(shared);
    await page.screenshot({ path: join(ARTEFACTS, "7-article-page.png") });
    // And back: the article's column on the story page, on the screen.
    await page.locator("p.in-story a").click();
    await page.waitForURL(new RegExp(`/stories/${exampleId}#art-\\d+$`));
    const target = page.locator(await page.evaluate(() => location.hash));
    expect(await target.evaluate((x) => x.tagName)).toBe("ARTICLE");
    const top = (await target.boundingBox())?.y ?? -1;
    expect(top >= 0 && top < 900).toBe(true);
    await close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("fits a phone's width: no page scrolls sideways at 390 px, the section links wrap", async () => {
    const { page, problems, close } = await watched();
    await page.setViewportSize({ width: 390, height: 844 });
    const report = await store.report(exampleId);
    for (const path of [
      "/",
      `/stories/${exampleId}`,
      `/stories/${exampleId}/claims`,
      `/articles/${report?.report.articles[0]?.storeId}`,
    ]) {
      // Waiting for the network to settle lets the page's icon load before the next page is opened, which would
      // abort it.
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.goto(`${base}/stories/${exampleId}`);
    await page.screenshot({ path: join(ARTEFACTS, "8-story-phone.png") });
    await close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("shows hostile articles as text: no script runs, nothing loads, direction overrides stay put", async () => {
    const { page, problems, close } = await watched();
    await page.goto(`${base}/stories/${hostileId}`, { waitUntil: "load" });
    expect(await page.title()).not.toContain("pwned");
    expect(
      await page.evaluate(() => document.querySelectorAll("img, iframe, object, embed, [onerror], [onload]").length),
    ).toBe(0);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")));
    expect(scripts).toEqual(["/assets/site.js"]);
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
    );
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    expect(await page.locator("body").textContent()).toContain('<script>document.title="pwned"</script>');
    expect(await page.evaluate(() => document.body.textContent?.includes("\u202E"))).toBe(false);
    // The million-character line is there, and the page still answers.
    expect(
      await page
        .locator(".article-text")
        .first()
        .evaluate((el) => el.textContent?.length ?? 0),
    ).toBeGreaterThan(LONG_LINE);
    await page.screenshot({ path: join(ARTEFACTS, "6-hostile.png") });
    await page.goto(`${base}/outlets/${encodeURIComponent("Lakeside <b>Post</b>")}`);
    expect(await page.locator("h1").textContent()).toBe("Lakeside <b>Post</b>");
    // Each hostile article's own page shows it as text too; a `javascript:` source is no link.
    for (const stored of await store.storyArticles(hostileId)) {
      await page.goto(`${base}/articles/${stored.id}`, { waitUntil: "load" });
      expect(await page.title()).not.toContain("pwned");
      expect(
        await page.evaluate(() => document.querySelectorAll("main img, main svg, main script, main b").length),
      ).toBe(0);
      const links = await page.evaluate(() =>
        [...document.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
      );
      expect(links.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
      expect(await page.evaluate(() => document.body.textContent?.includes("\u202E"))).toBe(false);
    }
    expect(await page.locator(".article-text").textContent()).toContain("<svg onload=alert(1)></svg>");
    await close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("has landmarks and labelled controls, and axe finds no accessibility violation above minor", async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const { page, problems, close } = await watched();
    const report = await store.report(exampleId);
    const entity = report?.report.entities[0]?.id ?? "";
    const pages = [
      "/",
      `/stories/${exampleId}`,
      `/stories/${exampleId}/claims`,
      `/entities/${encodeURIComponent(entity)}`,
      "/outlets/Coastal%20Ledger",
      "/search?q=Osterlake",
      `/articles/${(await store.storyArticles(exampleId)).find((a) => a.copyOf !== undefined)?.id}`,
      // An article whose shared passages are listed and marked.
      `/articles/${report?.report.articles.find((a) => report.report.provenance.reuse.some((r) => r.to === a.id))?.storeId}`,
    ];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      expect(await page.locator("main").count(), path).toBe(1);
      expect(await page.locator("header.site nav[aria-label]").count(), path).toBe(1);
      expect(await page.locator("form[role=search]").count(), path).toBe(1);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll("input, select")]
          .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label"))
          .map((el) => el.outerHTML),
      );
      expect(unlabelled, path).toEqual([]);
      // Evaluated through the debugging protocol, so axe runs without loosening the page's CSP.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run({ resultTypes: ["violations"] });
        return (
          result.violations
            // Moderate ones too: a second banner landmark (the page's own header outside main) was one.
            .filter((v) => v.impact !== "minor")
            .map((v) => `${v.id} (${v.nodes.length})`)
        );
      });
      expect(violations, path).toEqual([]);
    }
    await close();
    expect(problems).toEqual([]);
  }, 90_000);
});
