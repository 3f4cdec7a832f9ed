import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { formatByName, idOf, readArticleFiles, sniffFormat } from "./files.js";

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
