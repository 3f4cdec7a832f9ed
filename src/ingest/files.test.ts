import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { boundedLines, formatByName, idOf, MAX_ARTICLE_BYTES, readArticleFiles, sniffFormat } from "./files.js";

const fixtures = new URL("../../test/fixtures/html/", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "triangulate-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sentence =
  "The district court adjourned the hearing until next month after the defence asked for more time to study new evidence.";

describe("readArticleFiles with a mix of formats", () => {
  const html = join(dir, "court-hearing.html.gz");
  writeFileSync(html, gzipSync(readFileSync(new URL("news-article.html", fixtures))));
  const noExtension = join(dir, "saved-page");
  copyFileSync(new URL("old-table-layout.html", fixtures), noExtension);
  const text = join(dir, "plain.txt");
  writeFileSync(text, `Court adjourns hearing\n\n${sentence}\n`);
  const jsonl = join(dir, "dump.jsonl");
  writeFileSync(
    jsonl,
    [JSON.stringify({ text: sentence, outlet: "Court Wire" }), "{broken", "", JSON.stringify({ text: sentence })].join(
      "\n",
    ),
  );
  const feed = join(dir, "wire.xml");
  writeFileSync(
    feed,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Court Wire</title><item><title>Hearing adjourned</title><link>https://wire.example/1</link><description>${`&lt;p&gt;${sentence}&lt;/p&gt;`.repeat(3)}</description></item></channel></rss>`,
  );
  const notArticle = join(dir, "section.html");
  copyFileSync(new URL("section-front.html", fixtures), notArticle);
  const binary = join(dir, "photo.html");
  writeFileSync(binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 13) % 9)));
  const directory = join(dir, "folder");
  mkdirSync(directory);

  it("reads each input by its format and reports the unreadable ones by name, in order", async () => {
    const inputs = [html, noExtension, text, jsonl, feed, notArticle, binary, directory, join(dir, "missing.html")];
    const { articles, problems } = await readArticleFiles(inputs);
    expect(articles.map((a) => a.id)).toEqual(["court-hearing", "saved-page", "plain", "dump-1", "dump-4", "wire-1"]);
    expect(articles[0]?.outlet).toBe("The Coastal Ledger");
    expect(articles[1]?.title).toBe("Valley council approves new bridge");
    expect(articles[3]?.outlet).toBe("Court Wire");
    expect(problems.map((p) => [p.source.replace(dir, "D"), p.code])).toEqual([
      ["D/dump.jsonl:2", "BAD_DATA"],
      ["D/section.html", "NOT_ARTICLE"],
      ["D/photo.html", "BINARY"],
      ["D/folder", "IS_DIRECTORY"],
      ["D/missing.html", "NOT_FOUND"],
    ]);
    expect(problems[1]?.message).toMatch(/^not an article: mostly links/);
  });

  it("keeps ids unique when two inputs share a name", async () => {
    const { articles } = await readArticleFiles([text, text]);
    expect(articles.map((a) => a.id)).toEqual(["plain", "plain-2"]);
  });
});

describe("format detection", () => {
  it.each([
    ["https://example.org/a", "url"],
    ["crawl.warc.gz", "warc"],
    ["CC-NEWS-2024.warc", "warc"],
    ["dump.jsonl", "jsonl"],
    ["feed.rss", "feed"],
    ["page.htm", "html"],
    ["page.html.gz", "html"],
    ["notes.txt", "text"],
    ["export.xml", undefined],
    ["page", undefined],
  ])("%s by name is %s", (name, format) => {
    expect(formatByName(name)).toBe(format);
  });

  it.each([
    ["WARC/1.0\r\nWARC-Type: warcinfo", "warc"],
    ['{"text":"a"}\n{"text":"b"}', "jsonl"],
    ['<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"],
    ["<!DOCTYPE html><html>", "html"],
    ["  <div class=x><p>Hi</p></div>", "html"],
    ["Plain words about a council meeting.", "text"],
    ["{ this is prose in braces }", "text"],
  ])("%s sniffs as %s", (head, format) => {
    expect(sniffFormat(Buffer.from(head))).toBe(format);
  });

  it.each([
    ["dir/fire-at-port.html.gz", "fire-at-port"],
    ["a/b/c.txt", "c"],
    ["https://example.org/2025/04/08/fire-at-port.html", "fire-at-port"],
    ["https://example.org/", "example.org"],
    ["https://www.example.org/12345", "example.org"],
  ])("idOf(%s) is %s", (input, id) => {
    expect(idOf(input)).toBe(id);
  });
});

describe("the article size cap", () => {
  const words = (bytes: number) => `${sentence} `.repeat(Math.ceil(bytes / (sentence.length + 1))).slice(0, bytes);
  const cap = 4000;
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const small = write("small.txt", words(cap - 100));
  const large = write("large.txt", words(cap + 100));
  // 2 bytes a letter in UTF-16: the file is over the cap, its text is not.
  const utf16 = write("wide.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(words(cap - 100), "utf16le")]));
  const page = (text: string) =>
    `<html><head><title>Hearing</title></head><body><article>${text
      .match(/.{1,300}(?:\s|$)/g)
      ?.map((p) => `<p class="paragraph-of-the-article-body" data-layout="${"wide-column ".repeat(20)}">${p}</p>`)
      .join("\n")}</article></body></html>`;
  const largePage = write("large.html", page(words(cap + 500)));
  // Markup takes the page over the cap; its text stays under it.
  const markupPage = write("markup.html", page(words(cap - 1500)));
  const jsonl = write(
    "records.jsonl",
    [
      JSON.stringify({ text: words(cap + 10) }),
      JSON.stringify({ text: words(200) }),
      JSON.stringify({ html: page(words(cap + 10)) }),
    ].join("\n"),
  );

  it("skips each article over the cap by name, with both sizes, and reads the rest", async () => {
    const inputs = [small, large, utf16, largePage, markupPage, jsonl];
    const { articles, problems } = await readArticleFiles(inputs, { maxArticleBytes: cap });
    expect(readFileSync(markupPage).length).toBeGreaterThan(cap);
    expect(articles.map((a) => a.id)).toEqual(["small", "wide", "markup", "records-2"]);
    expect(problems.map((p) => [p.source.replace(dir, "D"), p.code])).toEqual([
      ["D/large.txt", "TOO_LARGE"],
      ["D/large.html", "TOO_LARGE"],
      ["D/records.jsonl:1", "TOO_LARGE"],
      ["D/records.jsonl:3", "TOO_LARGE"],
    ]);
    expect(problems[0]?.message).toBe(
      `expected at most ${cap} bytes of text for one article, found ${cap + 100} bytes of text`,
    );
  });

  it("keeps a 1 MB default under which every ordinary article fits", async () => {
    expect(MAX_ARTICLE_BYTES).toBe(1_000_000);
    const { articles } = await readArticleFiles([large, largePage]);
    expect(articles).toHaveLength(2);
  });

  it("refuses a 50 MB text file by its size, without reading it", async () => {
    const huge = write("huge.txt", "Headline\n\n");
    // A sparse file of NUL bytes: read, it would be refused as binary, not as too large.
    truncateSync(huge, 50 * 1024 * 1024);
    const { articles, problems } = await readArticleFiles([huge, small]);
    expect(articles.map((a) => a.id)).toEqual(["small"]);
    expect(problems).toEqual([
      {
        source: huge,
        code: "TOO_LARGE",
        message: `expected at most ${MAX_ARTICLE_BYTES} bytes of text for one article, found ${50 * 1024 * 1024} bytes in the file`,
      },
    ]);
  });

  it("sniffs a file without an extension from its head, and caps it as text", async () => {
    const huge = write("no-extension", "Plain words about a hearing.\n");
    truncateSync(huge, 50 * 1024 * 1024);
    const { problems } = await readArticleFiles([huge]);
    expect(problems.map((p) => p.code)).toEqual(["TOO_LARGE"]);
  });
});

describe("boundedLines", () => {
  async function lines(chunks: (string | Buffer)[], max: number) {
    const out: (string | undefined)[] = [];
    const stream = (async function* () {
      for (const c of chunks) yield Buffer.from(c);
    })();
    for await (const line of boundedLines(stream, max)) out.push(line);
    return out;
  }

  it.each([
    ["lines split across chunks", ["ab", "c\nde", "f\n"], 10, ["abc", "def"]],
    ["CR LF line ends and a last line without one", ["one\r\ntwo\r", "\nthree"], 10, ["one", "two", "three"]],
    ["empty lines kept in place", ["a\n\nb\n"], 10, ["a", "", "b"]],
    ["a character split between chunks", [Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a])], 10, ["é"]],
    [
      "a line over the cap dropped as undefined",
      ["short\n", "x".repeat(8), "x".repeat(8), "\nnext\n"],
      10,
      ["short", undefined, "next"],
    ],
    ["a line exactly at the cap kept", ["x".repeat(10), "\n"], 10, ["x".repeat(10)]],
    ["a long line in one chunk", [`${"y".repeat(30)}\nok`], 10, [undefined, "ok"]],
  ])("%s", async (_, chunks, max, expected) => {
    expect(await lines(chunks, max)).toEqual(expected);
  });
});

describe("reading JSON Lines from standard input", () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield Buffer.from(part);
  }

  it("reads '-' as JSON Lines from the stream it is given, naming stdin and its line", async () => {
    const record = JSON.stringify({ text: sentence, outlet: "Court Wire", url: "https://wire.example/2" });
    const stdin = chunks(`${record.slice(0, 20)}`, `${record.slice(20)}\n{"title":"no text"}\n`);
    const { articles, problems } = await readArticleFiles(["-"], { stdin });
    expect(articles.map((a) => [a.id, a.outlet, a.source])).toEqual([["stdin-1", "Court Wire", "stdin:1"]]);
    expect(problems.map((p) => [p.source, p.code])).toEqual([["stdin:2", "BAD_DATA"]]);
  });

  it("reads '-' as a file name when no stream is given", async () => {
    const { articles, problems } = await readArticleFiles(["-"]);
    expect(articles).toEqual([]);
    expect(problems.map((p) => [p.source, p.code])).toEqual([["-", "NOT_FOUND"]]);
  });
});
