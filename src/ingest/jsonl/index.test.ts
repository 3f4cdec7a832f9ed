import { describe, expect, it } from "vitest";
import type { TriangulateError } from "../../model/index.js";
import type { ArticlePage } from "../html/page.js";
import { readJsonlRecord } from "./index.js";

const where = (line: number) => ({ idPrefix: "dump", source: "dump.jsonl", line });
const text =
  "The regional parliament passed the budget on Wednesday after a debate that ran past midnight, with two parties abstaining.";

describe("readJsonlRecord", () => {
  it("reads a text record with its fields winning over what the text says", () => {
    const line = JSON.stringify({
      text: `By Someone Else\n\n${text}`,
      url: "https://x.example/a",
      title: "Budget passed",
      published: "2024-03-06T22:10:00Z",
      outlet: "Region Today",
      author: ["Ana Ruiz", { name: "Ben Cole" }],
      language: "en-GB",
    });
    const page = readJsonlRecord(line, where(3)) as ArticlePage;
    expect(page.kind).toBe("article");
    expect(page.article.id).toBe("dump-3");
    expect(page.article.source).toBe("dump.jsonl:3");
    expect(page.article.text).toBe(text);
    expect(page.article.title).toBe("Budget passed");
    expect(page.article.published).toBe("2024-03-06T22:10");
    expect(page.article.outlet).toBe("Region Today");
    expect(page.article.author).toBe("Ana Ruiz, Ben Cole");
    expect(page.url).toBe("https://x.example/a");
    expect(page.language).toBe("en");
  });

  it("extracts an html record and keeps its own id", () => {
    const html = `<html><body><nav><a href="/">Home</a></nav><article><p>${text}</p><p>${text}</p><p>${text}</p></article></body></html>`;
    const page = readJsonlRecord(JSON.stringify({ id: 42, html, date: "2024-03-07" }), where(1)) as ArticlePage;
    expect(page.article.id).toBe("42");
    expect(page.article.text).not.toContain("Home");
    expect(page.article.published).toBe("2024-03-07");
  });

  it.each([
    ["not json at all", /found text that is not JSON/],
    ['{"title":"no body"}', /expected a record with text or html/],
    ['{"text":""}', /expected a record with text or html/],
    ['{"text":42}', /expected a record with text or html/],
    ["[1,2,3]", /expected a record with text or html/],
  ])("refuses %s naming the line", (line, message) => {
    try {
      readJsonlRecord(line, where(7));
      expect.unreachable();
    } catch (err) {
      expect((err as TriangulateError).code).toBe("BAD_DATA");
      expect((err as TriangulateError).subject).toBe("dump.jsonl:7");
      expect((err as Error).message).toMatch(message);
    }
  });
});
