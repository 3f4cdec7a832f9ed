import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inventedPage } from "../../test/fixtures/html/invented-pages.js";
import { TriangulateError } from "../model/index.js";
import { readFeed } from "./feeds/index.js";
import { extractPage } from "./html/page.js";
import { readJsonlRecord } from "./jsonl/index.js";
import { httpResponse, readWarcPages, writeWarcRecord } from "./warc/index.js";

const fixtures = ["news-article.html", "old-table-layout.html", "section-front.html", "cp1252-article.html"].map(
  (name) => readFileSync(new URL(`../../test/fixtures/html/${name}`, import.meta.url)),
);

/** Edits that damage bytes the way disks, networks and bad generators do. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 60 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.nat({ max: 2000 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, edits: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + edit.length)]);
    else if (edit.kind === "insert") out = Buffer.concat([out.subarray(0, at), edit.bytes, out.subarray(at)]);
    else if (edit.kind === "duplicate") out = Buffer.concat([out.subarray(0, at + edit.length), out.subarray(at)]);
    else if (edit.kind === "truncate") out = out.subarray(0, at);
    else if (out.length > 0) out[at] = edit.value;
  }
  return out;
}

/** Runs `f`; a TriangulateError is an accepted outcome (a clear refusal), any other throw is a bug. */
function refusesCleanly(f: () => unknown): void {
  try {
    f();
  } catch (err) {
    if (!(err instanceof TriangulateError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
  }
}

const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<table><tr><td>",
        "</td>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F600;",
        "&bogus;",
        "<a href='x'>",
        "</a>",
        "<h1>",
        "<article>",
        "<nav>",
        "<meta charset='koi8-r'>",
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":',
        "<time datetime='2020-02-30'>",
        "<html lang='zz-99'>",
        "<title>",
        "</title>",
        "<![CDATA[",
        "<svg><p>",
        "<?xml ?>",
        "\u0000",
        "\uFFFD",
      ),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "The council met on 8 April 2025 and said the plan would cost 1.2 million. ",
        "Posted on 31.12.2024 by Ann. ",
      ),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(""));

describe("no crash, no hang on random and damaged input", () => {
  it("extracts or refuses random markup", () => {
    fc.assert(
      fc.property(markup, (html) => {
        refusesCleanly(() => extractPage({ html, id: "f", source: "fuzz.html" }));
        refusesCleanly(() => extractPage({ bytes: Buffer.from(html), id: "f", source: "fuzz.html" }));
      }),
      { numRuns: 300 },
    );
  });

  it("extracts or refuses damaged real-looking pages, plain and gzipped", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (which, edits, gz) => {
          const source = fixtures[which] as Buffer;
          const bytes = gz ? mutate(gzipSync(source), edits) : mutate(source, edits);
          refusesCleanly(() => extractPage({ bytes, id: "f", source: "fuzz.html" }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads or refuses random feed and JSON Lines input", () => {
    fc.assert(
      fc.property(markup, fc.string({ maxLength: 200 }), (xml, line) => {
        refusesCleanly(() =>
          readFeed({
            xml: `<rss version="2.0"><channel><item>${xml}</item></channel></rss>`,
            idPrefix: "f",
            source: "f.rss",
          }),
        );
        refusesCleanly(() => readFeed({ xml, idPrefix: "f", source: "f.rss" }));
        refusesCleanly(() => readJsonlRecord(line, { idPrefix: "f", source: "f.jsonl", line: 1 }));
        refusesCleanly(() =>
          readJsonlRecord(JSON.stringify({ html: xml, published: line }), {
            idPrefix: "f",
            source: "f.jsonl",
            line: 1,
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("reads damaged WARC bytes to the end without throwing", async () => {
    const records = Array.from({ length: 6 }, (_, i) => {
      const page = inventedPage(i);
      const response = httpResponse(200, { "Content-Type": "text/html" }, Buffer.from(page.html));
      return writeWarcRecord("response", response, { "WARC-Target-URI": page.url });
    });
    const plain = Buffer.concat(records);
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 4000 }),
        async (edits, chunkSize) => {
          const bytes = mutate(plain, edits);
          const size = 1 + chunkSize;
          const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
            bytes.subarray(i * size, (i + 1) * size),
          );
          let items = 0;
          for await (const _ of readWarcPages(Readable.from(chunks), { idPrefix: "w", source: "w.warc" })) items++;
          expect(items).toBeLessThanOrEqual(bytes.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("damaged WARC.gz files", () => {
  it("read to the end with the damage reported, never thrown", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { readArticles } = await import("./files.js");
    const dir = mkdtempSync(join(tmpdir(), "triangulate-fuzz-"));
    const gz = Buffer.concat(
      Array.from({ length: 4 }, (_, i) =>
        writeWarcRecord(
          "response",
          httpResponse(200, { "Content-Type": "text/html" }, Buffer.from(inventedPage(i).html)),
          {},
          { gzip: true },
        ),
      ),
    );
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (edits) => {
          const path = join(dir, "crawl.warc.gz");
          writeFileSync(path, mutate(gz, edits));
          for await (const item of readArticles([path])) expect(["article", "problem"]).toContain(item.kind);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
