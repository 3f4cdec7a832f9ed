import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePage } from "../src/ingest/html/charset.js";
import { parseDateValue } from "../src/ingest/html/dates.js";
import { extractPage } from "../src/ingest/html/page.js";
import { benchOptions, hasData, locate, readJson, rerunWithLargeHeap, unpacked } from "./data.js";
import { readabilityLinkedom } from "./references.js";

/**
 * Publication-date accuracy on htmldate's evaluation pages: a page counts when the day found equals the
 * gold day (htmldate's own measure; a page with no date found counts as wrong). Readability's
 * `publishedTime` on the same pages is the reference measured in the same run.
 *
 * @example npx tsx bench/dates.ts [--limit N]
 */
export async function benchDates(args: string[]): Promise<void> {
  if (!hasData("dates/htmldate-dev")) {
    console.log("dates: skipped, ../shared/data/dates/htmldate-dev is absent");
    return;
  }
  const { limit } = benchOptions(args);
  const root = join(unpacked("dates/htmldate-dev/html.tar.xz"), "tests");
  const gold = readJson<Record<string, { file: string; date: string }>>("dates/htmldate-dev/eval_default.json");
  const entries = Object.entries(gold).slice(0, limit);
  let ours = 0;
  let oursNone = 0;
  let reference = 0;
  let referenceNone = 0;
  const sources = new Map<string, [number, number]>();
  const verbose = args.includes("--verbose");
  for (const [url, item] of entries) {
    const path = locate(root, ["test_set", "cache", "eval"], item.file);
    if (!path) continue;
    const bytes = readFileSync(path);
    let found: string | undefined;
    let from = "none";
    try {
      const page = extractPage({ bytes, id: "page", source: url, url });
      found = page.kind === "article" ? page.article.published : page.published;
      from =
        page.kind === "article"
          ? page.article.diagnostics.find((d) => d.code === "DATE_GUESSED")
            ? "text"
            : "markup"
          : "not-article";
    } catch {
      found = undefined;
    }
    const ok = found?.slice(0, 10) === item.date;
    if (ok) ours++;
    if (!found) oursNone++;
    const s = sources.get(from) ?? [0, 0];
    sources.set(from, [s[0] + (ok ? 1 : 0), s[1] + 1]);
    if (verbose && !ok) console.log(`${item.file}\t${item.date}\t${found ?? "-"}\t${from}`);
    let theirs: string | undefined;
    try {
      const raw = readabilityLinkedom.extract(decodePage(bytes).html).published;
      theirs = raw ? parseDateValue(raw) : undefined;
    } catch {
      theirs = undefined;
    }
    if (theirs?.slice(0, 10) === item.date) reference++;
    if (!theirs) referenceNone++;
  }
  const n = entries.length;
  console.log(`\nhtmldate-dev (${n} pages): publication date accuracy (day equal to gold)`);
  console.log(`triangulate             ${(ours / n).toFixed(3)}  (${oursNone} pages without a date)`);
  console.log(`Readability + linkedom  ${(reference / n).toFixed(3)}  (${referenceNone} pages without a date)`);
  console.log("published (htmldate docs, its full 1,000 pages): htmldate 1.10 extensive 0.903, newspaper4k 0.680");
  for (const [from, [ok, total]] of sources) console.log(`  ours, date from ${from}: ${ok}/${total} right`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && !rerunWithLargeHeap())
  await benchDates(process.argv.slice(2));
