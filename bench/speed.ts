import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePage } from "../src/ingest/html/charset.js";
import { extractPage } from "../src/ingest/html/page.js";
import { hasData, locate, readJson, rerunWithLargeHeap, unpacked } from "./data.js";
import { type Reference, readabilityJsdom, readabilityLinkedom } from "./references.js";

/**
 * Pages per second of the whole page extraction (text, metadata, date, language) against
 * @mozilla/readability on linkedom and on jsdom (text only), on the same pages in the same run, with
 * the heap each needed. Pages are decoded beforehand so that only extraction is timed.
 *
 * @example npx tsx bench/speed.ts [--limit 400] [--no-jsdom]
 */
export async function benchSpeed(args: string[]): Promise<void> {
  const i = args.indexOf("--limit");
  const limit = i >= 0 ? Number(args[i + 1]) : 400;
  const pages = samplePages(limit);
  if (pages.length === 0) {
    console.log("speed: skipped, ../shared/data/extraction is absent");
    return;
  }
  const megabytes = pages.reduce((n, p) => n + p.length, 0) / 1e6;
  console.log(`\nspeed: ${pages.length} pages (${megabytes.toFixed(1)} MB of HTML) from L3S-GN1 and trafilatura-eval`);
  const runners: { name: string; run: (html: string) => unknown }[] = [
    { name: "triangulate (text + metadata)", run: (html) => extractPage({ html, id: "p", source: "p" }) },
    reference(readabilityLinkedom),
  ];
  if (!args.includes("--no-jsdom")) runners.push(reference(readabilityJsdom));
  const rates: number[] = [];
  for (const runner of runners) {
    for (const html of pages.slice(0, 20)) runner.run(html);
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const start = performance.now();
    for (const [n, html] of pages.entries()) {
      runner.run(html);
      if (n % 10 === 0) {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const rate = pages.length / seconds;
    rates.push(rate);
    console.log(
      `${runner.name.padEnd(30)} ${rate.toFixed(1).padStart(7)} pages/s   peak heap ${mb(peakHeap)} MB (+${mb(peakHeap - before.heapUsed)})   peak RSS ${mb(peakRss)} MB`,
    );
  }
  const [ours, linkedom, jsdom] = rates;
  if (ours && linkedom) console.log(`ours / Readability+linkedom: ${(ours / linkedom).toFixed(2)}x`);
  if (ours && jsdom) console.log(`ours / Readability+jsdom: ${(ours / jsdom).toFixed(2)}x`);
}

function reference(r: Reference): { name: string; run: (html: string) => unknown } {
  return { name: r.name, run: (html) => r.extract(html) };
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(0);
}

/** Alternates pages of the two extraction sets so that both kinds of page are in any prefix. */
function samplePages(limit: number): string[] {
  const sets: string[][] = [];
  if (hasData("extraction/l3s-gn1")) {
    const root = join(unpacked("extraction/l3s-gn1/L3S-GN1-html.tar.xz"), "L3S-GN1-20100130203947-00001", "original");
    const gold = readJson<Record<string, unknown>>("extraction/l3s-gn1/gold-derived.json");
    sets.push(Object.keys(gold).map((id) => join(root, `${id}.html`)));
  }
  if (hasData("extraction/trafilatura-eval")) {
    const root = join(unpacked("extraction/trafilatura-eval/html.tar.xz"), "tests");
    const data = readJson<Record<string, { file: string }>>("extraction/trafilatura-eval/evaldata.json");
    sets.push(Object.values(data).flatMap((d) => locate(root, ["cache", "eval"], d.file) ?? []));
  }
  const paths: string[] = [];
  for (let k = 0; paths.length < limit && sets.some((s) => k < s.length); k++) {
    for (const s of sets) if (k < s.length && paths.length < limit) paths.push(s[k] as string);
  }
  return paths.flatMap((p) => {
    try {
      return [decodePage(readFileSync(p)).html];
    } catch {
      return [];
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && !rerunWithLargeHeap())
  await benchSpeed(process.argv.slice(2));
