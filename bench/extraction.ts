import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePage } from "../src/ingest/html/charset.js";
import { extractPage } from "../src/ingest/html/page.js";
import { benchOptions, hasData, locate, readJson, rerunWithLargeHeap, unpacked } from "./data.js";
import { type Reference, readabilityJsdom, readabilityLinkedom } from "./references.js";

/**
 * Main-text quality on two public sets, ours against @mozilla/readability (on jsdom and on linkedom) run on
 * the same pages in the same run:
 * - L3S-GN1: word-level precision, recall and F1 against the assessors' full text, averaged over pages;
 * - trafilatura's benchmark: the snippet metric of its evaluation (whitespace-normalised substring tests of
 *   "with" and "without" snippets, counted over all pages).
 *
 * @example npx tsx bench/extraction.ts [--limit N] [--no-jsdom]
 */
export async function benchExtraction(args: string[]): Promise<void> {
  const options = benchOptions(args);
  const extractors: Extractor[] = [ours, fromReference(readabilityLinkedom)];
  if (options.jsdom) extractors.push(fromReference(readabilityJsdom));

  if (hasData("extraction/l3s-gn1")) l3s(extractors, options.limit);
  else console.log("L3S-GN1: skipped, ../shared/data/extraction/l3s-gn1 is absent");
  if (hasData("extraction/trafilatura-eval")) trafilatura(extractors, options.limit);
  else console.log("trafilatura-eval: skipped, ../shared/data/extraction/trafilatura-eval is absent");
}

interface Extractor {
  name: string;
  text: (bytes: Uint8Array, url: string) => string | undefined;
}

let notArticles = 0;
let readabilityUsed = 0;
let jsonLdUsed = 0;

/** Starts the counts that {@link notes} prints afresh for the next extractor's run. */
function resetNotes(): void {
  notArticles = 0;
  readabilityUsed = 0;
  jsonLdUsed = 0;
}

const ours: Extractor = {
  name: "triangulate",
  text: (bytes, url) => {
    try {
      const page = extractPage({ bytes, id: "page", source: url, url });
      if (page.kind === "not-article") {
        notArticles++;
        return page.text;
      }
      if (page.extractor === "readability") readabilityUsed++;
      if (page.extractor === "json-ld") jsonLdUsed++;
      return page.article.text;
    } catch {
      return undefined;
    }
  },
};

function fromReference(reference: Reference): Extractor {
  return {
    name: reference.name,
    text: (bytes) => {
      let html: string;
      try {
        html = decodePage(bytes).html;
      } catch {
        return undefined;
      }
      return reference.extract(html).text;
    },
  };
}

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

function l3s(extractors: Extractor[], limit: number): void {
  const root = join(unpacked("extraction/l3s-gn1/L3S-GN1-html.tar.xz"), "L3S-GN1-20100130203947-00001", "original");
  const gold = readJson<Record<string, { url: string; fulltext: string }>>("extraction/l3s-gn1/gold-derived.json");
  const ids = Object.keys(gold).slice(0, limit);
  console.log(`\nL3S-GN1 (${ids.length} pages): word-level P/R/F1 against "fulltext", mean over pages`);
  const rows: string[][] = [];
  const f1s: number[] = [];
  for (const extractor of extractors) {
    resetNotes();
    let p = 0;
    let r = 0;
    let f = 0;
    for (const id of ids) {
      const item = gold[id] as { url: string; fulltext: string };
      const bytes = readFileSync(join(root, `${id}.html`));
      const got = words(extractor.text(bytes, item.url) ?? "");
      const want = words(item.fulltext);
      let overlap = 0;
      let gotN = 0;
      let wantN = 0;
      for (const [w, n] of got) {
        gotN += n;
        overlap += Math.min(n, want.get(w) ?? 0);
      }
      for (const n of want.values()) wantN += n;
      const precision = gotN ? overlap / gotN : 0;
      const recall = wantN ? overlap / wantN : 0;
      p += precision;
      r += recall;
      f += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    }
    const n = ids.length;
    f1s.push(f / n);
    rows.push([extractor.name, fmt(p / n), fmt(r / n), fmt(f / n), notes(extractor)]);
  }
  table(["extractor", "P", "R", "F1", ""], rows);
  compare(f1s, extractors);
}

function trafilatura(extractors: Extractor[], limit: number): void {
  const root = join(unpacked("extraction/trafilatura-eval/html.tar.xz"), "tests");
  const data = readJson<Record<string, { file: string; with: string[]; without: string[] }>>(
    "extraction/trafilatura-eval/evaldata.json",
  );
  const entries = Object.entries(data).slice(0, limit);
  console.log(`\ntrafilatura-eval (${entries.length} pages): snippet precision, recall, accuracy, F1`);
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const rows: string[][] = [];
  const f1s: number[] = [];
  for (const extractor of extractors) {
    resetNotes();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const [url, item] of entries) {
      const path = locate(root, ["cache", "eval"], item.file);
      if (!path) continue;
      const text = extractor.text(readFileSync(path), url);
      const got = text === undefined ? undefined : norm(text);
      const hit = (s: string) => got?.includes(norm(s)) === true;
      const found = item.with.filter(hit).length;
      const leaked = item.without.filter(hit).length;
      tp += found;
      fn += item.with.length - found;
      fp += leaked;
      tn += item.without.length - leaked;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    f1s.push(f1);
    rows.push([
      extractor.name,
      fmt(tp / (tp + fp)),
      fmt(tp / (tp + fn)),
      fmt((tp + tn) / (tp + tn + fp + fn)),
      fmt(f1),
      notes(extractor),
    ]);
  }
  table(["extractor", "P", "R", "Acc", "F1", ""], rows);
  console.log("published (trafilatura docs, same 990 pages): trafilatura 2.2.0 F1 0.924, readability-lxml 0.826");
  compare(f1s, extractors);
}

function notes(extractor: Extractor): string {
  return extractor === ours
    ? `(${readabilityUsed} pages via Readability, ${jsonLdUsed} from JSON-LD articleBody, ${notArticles} reported not-article)`
    : "";
}

function compare(f1s: number[], extractors: Extractor[]): void {
  const [mine, ...refs] = f1s;
  if (mine === undefined) return;
  for (const [i, ref] of refs.entries()) {
    const name = (extractors[i + 1] as Extractor).name;
    console.log(`ours - ${name}: ${((mine - ref) * 100).toFixed(1)} points of F1`);
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "-";
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && !rerunWithLargeHeap())
  await benchExtraction(process.argv.slice(2));
