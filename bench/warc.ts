import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readArticles } from "../src/ingest/files.js";
import { httpResponse, writeWarcRecord } from "../src/ingest/warc/index.js";
import { inventedPage } from "../test/fixtures/html/invented-pages.js";

/**
 * Memory while streaming a WARC.gz: a crawl of invented pages is written to a temporary file and read
 * back through `readArticles`, sampling the heap as records go by. Flat memory means the heap at the end
 * is about the heap after the first records, whatever the crawl's size.
 *
 * @example npx tsx bench/warc.ts [--records 20000]
 */
export async function benchWarc(args: string[]): Promise<void> {
  const i = args.indexOf("--records");
  const records = i >= 0 ? Number(args[i + 1]) : 20_000;
  const dir = mkdtempSync(join(tmpdir(), "triangulate-warc-bench-"));
  try {
    const path = join(dir, "crawl.warc.gz");
    // Written record by record so that the reading below starts from a small process.
    const fd = openSync(path, "w");
    let raw = 0;
    for (let n = 0; n < records; n++) {
      const page = inventedPage(n);
      const block = httpResponse(200, { "Content-Type": "text/html; charset=utf-8" }, Buffer.from(page.html));
      raw += block.length;
      writeSync(fd, writeWarcRecord("response", block, { "WARC-Target-URI": page.url }, { gzip: true }));
    }
    closeSync(fd);
    globalThis.gc?.();
    console.log(
      `\nWARC.gz streaming: ${records} response records, ${(raw / 1e6).toFixed(0)} MB of HTTP responses, ${(statSync(path).size / 1e6).toFixed(0)} MB on disk`,
    );
    console.log("records read   heap used   RSS");
    const checkpoints = new Set([1, 2, 5, 10].map((k) => Math.round((records * k) / 10)));
    checkpoints.add(Math.min(records, 500));
    let read = 0;
    let articles = 0;
    const start = performance.now();
    for await (const item of readArticles([path])) {
      read++;
      if (item.kind === "article") articles++;
      if (checkpoints.has(read)) {
        const m = process.memoryUsage();
        console.log(`${String(read).padStart(12)}   ${mb(m.heapUsed).padStart(6)} MB   ${mb(m.rss).padStart(4)} MB`);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`${articles} articles in ${seconds.toFixed(1)} s (${(articles / seconds).toFixed(0)} pages/s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchWarc(process.argv.slice(2));
