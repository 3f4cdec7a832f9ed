import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Article } from "../model/index.js";
import { cleanArticle, hasControls, stripControls } from "./controls.js";
import { readArticleFiles } from "./files.js";
import { httpResponse, writeWarcRecord } from "./warc/index.js";

const ESC = "\u001b";
const BEL = "\u0007";

describe("stripControls", () => {
  it.each([
    ["a clear-screen sequence goes whole", `Velmora${ESC}[2J harbour`, "Velmora harbour"],
    ["a window-title string goes whole", `${ESC}]0;retitled${BEL}Ferry delayed`, "Ferry delayed"],
    ["a title string ended by ST", `${ESC}]2;retitled${ESC}\\Ferry`, "Ferry"],
    [
      "a hyperlink's strings go, its words stay",
      `${ESC}]8;;https://x.example${ESC}\\the report${ESC}]8;;${ESC}\\`,
      "the report",
    ],
    ["a colour sequence with parameters", `${ESC}[1;31mred${ESC}[0m alert`, "red alert"],
    ["a C1 control sequence", "\u009b2Jcleared", "cleared"],
    ["a C1 device control string", "\u0090q#0;2\u009cquiet", "quiet"],
    ["a two-character escape", `${ESC}cReset ${ESC}(Bdone`, "Reset done"],
    ["NUL, BEL, backspace and DEL", "nul\u0000 bell\u0007 back\u0008 del\u007f", "nul bell back del"],
    ["C1 controls without a sequence", "a\u0080b\u0096c\u009f", "abc"],
    ["CR LF and a lone CR become newlines", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["form feed, vertical tab and NEL break lines", "a\fb\u000bc\u0085d", "a\nb\nc\nd"],
    ["an unterminated title string loses only its introducer", `${ESC}]0;no end here`, "0;no end here"],
  ])("%s", (_, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  it.each([
    ["newlines and tabs", "Column\tvalue\nnext line\n\nnew paragraph"],
    ["accented Latin", "Café naïve Ñandú Łódź"],
    ["Chinese and Japanese", "北京市の港で火災"],
    ["Hebrew and Arabic, right to left", "שלום עולם مرحبا بالعالم"],
    ["format characters: joiners and direction marks", "a\u200db \u200c\u200f\u2066x\u2069"],
    ["Windows-1252 punctuation", "€ “quoted” — dash … ‰"],
    ["brackets that only look like a sequence", "see [2J] and ]0; in the text"],
  ])("keeps %s", (_, text) => {
    expect(stripControls(text)).toBe(text);
  });

  it("leaves no control character but newline and tab, whatever the input, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const clean = stripControls(text);
        expect(hasControls(clean)).toBe(false);
        expect(stripControls(clean)).toBe(clean);
      }),
    );
  });
});

describe("cleanArticle", () => {
  const plain: Article = {
    id: "a",
    source: "a.txt",
    title: "Ferry\tdelayed",
    text: "Line one.\n\tLine two.",
    removedBoilerplate: [],
    diagnostics: [],
  };

  it("returns the same article when it holds no control character", () => {
    expect(cleanArticle(plain)).toBe(plain);
  });

  it("cleans the text, the metadata, the removed lines and the diagnostics", () => {
    const hostile: Article = {
      id: `a${ESC}[2J`,
      source: `a${BEL}.txt`,
      outlet: `Harbour${ESC}[5m Times`,
      title: `${ESC}]0;retitled${BEL}Ferry delayed`,
      author: "Ana\u0000 Lind",
      published: "2026-03-09\u009b",
      text: `Line one.${ESC}[2J\n\tLine two.`,
      removedBoilerplate: [`Subscribe${ESC}[0m now`],
      diagnostics: [{ code: "X", message: `odd${BEL}` }],
    };
    const clean = cleanArticle(hostile);
    expect(clean).toEqual({
      id: "a",
      source: "a.txt",
      outlet: "Harbour Times",
      title: "Ferry delayed",
      author: "Ana Lind",
      published: "2026-03-09",
      text: "Line one.\n\tLine two.",
      removedBoilerplate: ["Subscribe now"],
      diagnostics: [{ code: "X", message: "odd" }],
    });
    expect(hostile.text).toContain(ESC);
  });
});

describe("control characters through every input format", () => {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-controls-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every kind of control an article could smuggle: erase, retitle, C1, NUL, DEL, a device string. */
  const hostile = `${ESC}[2J${ESC}]0;retitled${BEL}\u009b31m\u0000\u0090q\u009c\u007f`;
  const unicode = "Café Ñandú, 北京, שלום";
  const paragraphs = [
    `The ferry from Velmora to Ostrand was held in port${hostile} on Tuesday after a crew member reported smoke in the engine room, the operator said in a short statement.`,
    `Passengers waited for four hours on the quay before buses took them to the mainland${hostile}, and the operator said an inspection would decide when the ferry sails again.`,
    `Visitors from abroad (${unicode}) were among the passengers, and the harbour master said nobody had been hurt during the evacuation of the vessel.`,
    // A real page carries a few sequences in a long article; binary data is mostly controls.
    ...Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1}: the operator's engineers checked the cooling pipes, the fuel lines and the wiring of the second engine, and the port authority kept the berth closed until their report was filed.`,
    ),
  ];

  const html = (escaped: (text: string) => string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>Ferry held${escaped(hostile)} in port</title>` +
    `<meta name="author" content="Ana${escaped(hostile)} Lind"><meta property="og:site_name" content="Velmora${escaped(hostile)} Post"></head>` +
    `<body><article><h1>Ferry held in port</h1>${paragraphs.map((p) => `<p>${escaped(p)}</p>`).join("")}</article></body></html>`;
  /** C0 controls and DEL as character references; HTML reads references to 0x80-0x9F as Windows-1252 letters. */
  const references = (text: string) =>
    text.replace(/[^\P{Cc}\n\t\u0080-\u009f]/gu, (c) => `&#x${c.codePointAt(0)?.toString(16)};`);

  const files: Record<string, string | Buffer> = {
    "ferry.txt": `Ferry held${hostile} in port\nBy Ana${hostile} Lind\n\n${paragraphs.join("\n\n")}\n\nTable\twith a tab\n`,
    "ferry.html": html((t) => t),
    "ferry-refs.html": html(references),
    "ferry.rss":
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Velmora${hostile} Post</title>` +
      `<item><title>Ferry held${hostile} in port</title><link>https://post.example/ferry</link><author>Ana${hostile} Lind</author>` +
      `<description><![CDATA[${paragraphs.map((p) => `<p>${p}</p>`).join("")}]]></description></item></channel></rss>`,
    "ferry.jsonl": [
      JSON.stringify({
        text: `${paragraphs.join("\n\n")}\n\nTable\twith a tab`,
        title: `Ferry held${hostile} in port`,
        outlet: `Velmora${hostile} Post`,
        author: `Ana${hostile} Lind`,
      }),
      JSON.stringify({ html: html((t) => t), url: "https://post.example/ferry-html" }),
    ].join("\n"),
    "ferry.warc": writeWarcRecord(
      "response",
      httpResponse(200, { "Content-Type": "text/html; charset=utf-8" }, Buffer.from(html((t) => t))),
      { "WARC-Target-URI": "https://post.example/ferry-warc" },
    ),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

  it("removes them from every field of every article, keeping newlines, tabs and every script", async () => {
    const { articles, problems } = await readArticleFiles(Object.keys(files).map((name) => join(dir, name)));
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(7);
    for (const article of articles) {
      const fields = [article.id, article.source, article.title, article.author, article.outlet, article.text];
      for (const value of [...fields, ...article.removedBoilerplate]) {
        if (value === undefined) continue;
        expect(hasControls(value), `${article.source}: ${JSON.stringify(value)}`).toBe(false);
        expect(value).not.toMatch(/retitled|\[2J|31m/);
      }
      expect(article.text, article.source).toContain(unicode);
      // HTML reads a reference to NUL as U+FFFD, the replacement character, which is no control.
      expect(article.text, article.source).toMatch(/in port\uFFFD? on Tuesday/);
      expect(article.text, article.source).toMatch(/\n/);
    }
    const bySource = new Map(articles.map((a) => [a.source, a]));
    const text = bySource.get(join(dir, "ferry.txt"));
    expect(text?.title).toBe("Ferry held in port");
    expect(text?.author).toBe("Ana Lind");
    expect(text?.text).toContain("Table\twith a tab");
    expect(articles.find((a) => a.source.endsWith("ferry.jsonl:1"))?.text).toContain("Table\twith a tab");
    expect(articles.filter((a) => a.outlet !== undefined).map((a) => a.outlet)).toContain("Velmora Post");
  });
});
