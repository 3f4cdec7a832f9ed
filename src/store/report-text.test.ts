import { describe, expect, it } from "vitest";
import { analyzeTexts } from "../../test/fixtures.js";
import type { StoryReport } from "../model/index.js";
import { type LinkedStoredArticle, voicesOf, withStoreLinks } from "./copies.js";
import { linkedReportText, topLevelSpans } from "./report-text.js";

describe("topLevelSpans", () => {
  it.each([
    ["compact", '{"a":1,"b":{"c":[1,{"d":"}"}]},"e":"x"}', { a: "1", b: '{"c":[1,{"d":"}"}]}', e: '"x"' }],
    ["spaced", '{ "a" : [ 1 , 2 ] ,\n  "b" : null\n}', { a: "[ 1 , 2 ]", b: "null" }],
    [
      "strings that hold quotes, backslashes and brackets",
      JSON.stringify({ a: 'say "}" \\', b: ["\\\\", '"[', "{\\"], e: true }),
      { a: '"say \\"}\\" \\\\"', b: '["\\\\\\\\","\\"[","{\\\\"]', e: "true" },
    ],
    ["a key that holds a quote", JSON.stringify({ 'a"b': 1, b: 2 }), { b: "2" }],
    // Negative: a key nested deeper is not a top-level one.
    ["a key only nested", '{"x":{"b":1},"a":2}', { a: "2" }],
  ])("finds each value of a %s object", (_, json, expected) => {
    const spans = topLevelSpans(json, ["a", "b", "e"]);
    const found = Object.fromEntries([...spans].map(([k, [s, e]]) => [k, json.slice(s, e)]));
    expect(found).toEqual(expected);
    for (const value of Object.values(found)) expect(() => JSON.parse(value)).not.toThrow();
  });

  it("refuses text that is no object, or a string that does not close", () => {
    expect(() => topLevelSpans("[1]", ["a"])).toThrow(/expected a JSON object/);
    expect(() => topLevelSpans('{"a":"open', ["a"])).toThrow(/closing quote/);
    expect(() => topLevelSpans('{"a":[1,', ["a"])).toThrow(/to close/);
  });
});

describe("linkedReportText", () => {
  const stored = (id: number, name: string, outlet: string, copyOf?: number): LinkedStoredArticle => ({
    id,
    ...(copyOf === undefined ? {} : { copyOf }),
    article: { id: name, outlet },
  });
  // Texts with what a scan could trip on: quotes, backslashes, brackets, right-to-left marks.
  const texts: [string, string][] = [
    ["a", 'The Velmar ferry "ran {aground}" off Kestrel Bay, said Ana Ruiz \\ on Monday.'],
    ["b", "The Velmar ferry ran aground off Kestrel Bay [1], the coastguard said on Monday \u202e."],
    ["c", 'Okafor said the ferry "ran aground" off Kestrel Bay on Monday.'],
  ];
  const report: StoryReport = analyzeTexts(texts);
  const cases: [string, LinkedStoredArticle[]][] = [
    ["store ids only", [stored(11, "a", "Velmar Post"), stored(12, "b", "Portavel Daily"), stored(13, "c", "X")]],
    [
      "store ids and a copy",
      [stored(11, "a", "A"), stored(12, "b", "B"), stored(13, "c", "C"), stored(14, "a", "Copy Desk", 11)],
    ],
  ];

  it.each(cases)("writes the text stringifying the linked report gives: %s", (_, articles) => {
    const json = JSON.stringify(report);
    const linked = withStoreLinks(report, articles);
    expect(linked).not.toBe(report);
    expect(linkedReportText(json, articles)).toBe(JSON.stringify(linked));
    // Negative: a report linked already is left as it is.
    expect(linkedReportText(JSON.stringify(linked), articles)).toBeUndefined();
  });

  it("links a report with copies already named and ids renamed within the story", () => {
    const articles = [stored(4, "a", "A"), stored(7, "a", "B"), stored(9, "x", "C", 4)];
    const voices = voicesOf(articles.map((a) => a.article));
    const twin: StoryReport = {
      ...report,
      articles: voices.map((v, i) => ({ ...(report.articles[i] as StoryReport["articles"][number]), id: v.id })),
      provenance: { ...report.provenance, copies: [] },
    };
    expect(linkedReportText(JSON.stringify(twin), articles)).toBe(JSON.stringify(withStoreLinks(twin, articles)));
  });

  it("refuses text without articles or provenance", () => {
    expect(() => linkedReportText('{"articles":[]}', [])).toThrow(/articles and provenance/);
  });
});
