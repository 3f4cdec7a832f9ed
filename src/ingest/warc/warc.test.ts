import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { inventedPage } from "../../../test/fixtures/html/invented-pages.js";
import { type IngestItem, readArticles } from "../files.js";
import { httpResponse, isDamage, readWarcRecords, writeWarcRecord } from "./index.js";

const PAGES = 300;
const dir = mkdtempSync(join(tmpdir(), "triangulate-warc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A crawl like CC-NEWS: warcinfo, then request/response pairs, some responses compressed or chunked, some not pages. */
function buildCrawl(gzip: boolean): Buffer {
  const records: Buffer[] = [writeWarcRecord("warcinfo", Buffer.from("software: triangulate tests\r\n"), {}, { gzip })];
  for (let i = 0; i < PAGES; i++) {
    const page = inventedPage(i);
    const uri = { "WARC-Target-URI": page.url };
    records.push(writeWarcRecord("request", Buffer.from(`GET / HTTP/1.1\r\nHost: example.org\r\n\r\n`), uri, { gzip }));
    let body: Buffer = Buffer.from(page.html);
    const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8" };
    if (i % 10 === 3) {
      body = gzipSync(body);
      headers["Content-Encoding"] = "gzip";
    }
    if (i % 10 === 7) {
      const half = Math.floor(body.length / 2);
      body = Buffer.concat([
        Buffer.from(`${half.toString(16)}\r\n`),
        body.subarray(0, half),
        Buffer.from(`\r\n${(body.length - half).toString(16)}\r\n`),
        body.subarray(half),
        Buffer.from("\r\n0\r\n\r\n"),
      ]);
      headers["Transfer-Encoding"] = "chunked";
    }
    records.push(
      writeWarcRecord(
        "response",
        httpResponse(200, headers, body),
        { ...uri, "Content-Type": "application/http; msgtype=response" },
        { gzip },
      ),
    );
  }
  records.push(
    writeWarcRecord(
      "response",
      httpResponse(301, { Location: "https://example.org/moved" }, Buffer.alloc(0)),
      { "WARC-Target-URI": "https://example.org/old" },
      { gzip },
    ),
    writeWarcRecord(
      "response",
      httpResponse(200, { "Content-Type": "image/jpeg" }, Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2])),
      { "WARC-Target-URI": "https://example.org/a.jpg" },
      { gzip },
    ),
    writeWarcRecord("metadata", Buffer.from("fetchTimeMs: 12\r\n"), {}, { gzip }),
  );
  return Buffer.concat(records);
}

async function collect(path: string): Promise<{ articles: IngestItem[]; problems: IngestItem[] }> {
  const articles: IngestItem[] = [];
  const problems: IngestItem[] = [];
  for await (const item of readArticles([path])) (item.kind === "article" ? articles : problems).push(item);
  return { articles, problems };
}

describe("reading a WARC.gz crawl of a few hundred pages", () => {
  const crawl = buildCrawl(true);
  const path = join(dir, "crawl.warc.gz");
  writeFileSync(path, crawl);

  it("yields every HTML response as an article, in order, and passes over the rest", async () => {
    const { articles, problems } = await collect(path);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(PAGES);
    const first = articles[0] as Extract<IngestItem, { kind: "article" }>;
    const expected = inventedPage(0);
    expect(first.article.id).toBe("crawl-3");
    expect(first.article.source).toBe(`${path}#3`);
    expect(first.article.title).toBe(expected.title);
    expect(first.article.outlet).toBe(expected.outlet);
    expect(first.article.published?.slice(0, 10)).toBe(expected.published);
    expect(first.url).toBe(expected.url);
    expect(first.article.text).not.toContain("Market hall");
    expect(first.article.removedBoilerplate).toContain("Share this article");
    for (const i of [3, 7]) {
      const item = articles[i] as Extract<IngestItem, { kind: "article" }>;
      expect(item.article.title).toBe(inventedPage(i).title);
    }
  });

  it("reports a truncated gzip stream after the records it could read", async () => {
    const cut = join(dir, "cut.warc.gz");
    writeFileSync(cut, crawl.subarray(0, Math.floor(crawl.length * 0.6)));
    const { articles, problems } = await collect(cut);
    expect(articles.length).toBeGreaterThan(PAGES * 0.5);
    expect(articles.length).toBeLessThan(PAGES);
    expect(problems).toHaveLength(1);
    const problem = (problems[0] as Extract<IngestItem, { kind: "problem" }>).problem;
    expect(problem.source).toMatch(/cut\.warc\.gz#\d+$/);
    expect(problem.message).toMatch(/truncated/);
  });

  it("reports an uncompressed WARC cut inside a record", async () => {
    const plain = buildCrawl(false);
    const cut = join(dir, "cut.warc");
    writeFileSync(cut, plain.subarray(0, Math.floor(plain.length * 0.3)));
    const { articles, problems } = await collect(cut);
    expect(articles.length).toBeGreaterThan(10);
    expect(problems).toHaveLength(1);
    expect((problems[0] as Extract<IngestItem, { kind: "problem" }>).problem.message).toMatch(/truncated/);
  });

  it("names a file that is not WARC at all", async () => {
    const bad = join(dir, "bad.warc");
    writeFileSync(bad, "this is not a crawl\r\n\r\nat all");
    const { articles, problems } = await collect(bad);
    expect(articles).toEqual([]);
    expect((problems[0] as Extract<IngestItem, { kind: "problem" }>).problem.message).toMatch(/expected a WARC record/);
  });
});

describe("readWarcRecords", () => {
  it("skips a block over the cap without holding it and goes on", async () => {
    const big = writeWarcRecord("resource", Buffer.alloc(5000, 0x61), { "Content-Type": "text/plain" });
    const small = writeWarcRecord("resource", Buffer.from("ok"), { "Content-Type": "text/plain" });
    const chunks = Readable.from(
      [Buffer.concat([big, small])].flatMap((b) =>
        Array.from({ length: Math.ceil(b.length / 100) }, (_, i) => b.subarray(i * 100, i * 100 + 100)),
      ),
    );
    const out = [];
    for await (const r of readWarcRecords(chunks, { maxBlockBytes: 1000 })) out.push(r);
    expect(out).toHaveLength(2);
    expect(isDamage(out[0] as never)).toBe(true);
    expect((out[0] as { fatal: boolean }).fatal).toBe(false);
    expect((out[1] as { block: Buffer }).block.toString()).toBe("ok");
  });
});
