import { describe, expect, it } from "vitest";
import { tokenize } from "../tokens/index.js";
import { extractQuotes } from "./index.js";
import { findQuotedSpans } from "./marks.js";

const quoted = (text: string) => findQuotedSpans(text).map((s) => text.slice(s.start, s.end));

describe("findQuotedSpans", () => {
  it.each<[string, string, string[]]>([
    ["straight marks", 'He said "yes" and "no".', ["yes", "no"]],
    ["curly marks", "He said “yes” and “no”.", ["yes", "no"]],
    ["a straight opening with a curly closing mark", '"Yes,” he said.', ["Yes,"]],
    ["two-apostrophe marks", "''Yes,'' he said. ``No.''", ["Yes,", "No."]],
    ["guillemets", "Il a dit «oui».", ["oui"]],
    ["mis-decoded curly marks", "â€œYes,â€\u009d he said.", ["Yes,"]],
    ["a mis-decoded closing mark that lost its last byte", "â€œYes,â€ he said.", ["Yes,"]],
    ["a mis-decoded dash is no mark", "Rain â€” then sun. â€œFine,â€\u009d she said.", ["Fine,"]],
    ["single marks nested in double ones", "“He said ‘go’ twice,” she said.", ["He said ‘go’ twice,"]],
    ["straight marks nested in curly ones", '“He said "go" twice,” she said.', ['He said "go" twice,']],
    ["curly marks nested in curly ones", "“He said “go” twice,” she said.", ["He said “go” twice,"]],
    ["a second opening mark restarts an unclosed quotation", "“He left. “We stay,” she said.", ["We stay,"]],
    ["a mis-typed opening mark used to close", "“We stay,“ she said.", ["We stay,"]],
    ["top-level single marks", "Mayor Vows ‘No More Delays’ on Repairs", ["No More Delays"]],
    ["a plural possessive is not a closing single mark", "The ‘workers’ fund’ is empty.", ["workers’ fund"]],
    ["a quotation running over paragraphs", '"One.\n\n"Two," he said.', ['One.\n\n"Two,']],
    ["a quotation over three paragraphs", "“One.\n“Two.\n“Three.” Done.", ["One.\n“Two.\n“Three."]],
    ["spaces inside the marks are not quoted", '"  padded  " text', ["padded"]],
    ["a quotation over lines of one paragraph", "“We stay.\nWe fish.” Done.", ["We stay.\nWe fish."]],
    [
      "lines of one paragraph, then a reopened paragraph",
      '"We stay.\nWe fish.\n\n"We sell," he said.',
      ['We stay.\nWe fish.\n\n"We sell,'],
    ],
    [
      "a quotation over lines with quotations in the other style nested in its last line",
      '"I talk loudly.\nIt comes across as “too loud” or “too this.”"',
      ["I talk loudly.\nIt comes across as “too loud” or “too this.”"],
    ],
    [
      "an unclosed mark, a line, then a quotation opening the next line",
      'Ana Ruiz said "we stay.\nTomas Berg said the pier was unsafe.\n"It will fall," he said.',
      ["It will fall,"],
    ],
  ])("%s", (_label, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["apostrophes inside words", "Don’t the Shi’ite clerics' aides know O'Brien's plan?"],
    ["mis-decoded apostrophes", "The formerâ€™s office didnâ€™t open."],
    ["leading elisions", "In the ’90s and '80s, rock ’n’ roll ruled."],
    ["plural possessives", "The dockers’ union and the officers' pay."],
    ["feet and inches", "He is 5'9\" tall and she is 6' 2\"."],
    ["an unclosed mark at the end of a paragraph", 'He said "we will see.\n\nNothing followed.'],
    ["an unclosed mark at the end of a line with no closing mark after it", 'He said "we will see.\nNothing followed.'],
    ["a lone closing mark", "It ended” there."],
    ["empty marks", 'He said "" and left.'],
  ])("finds nothing in %s", (_label, text) => {
    expect(quoted(text)).toEqual([]);
  });

  it("gives mark offsets around the quoted words", () => {
    const text = "He said “yes.”";
    const [span] = findQuotedSpans(text);
    expect(span).toEqual({ start: 9, end: 13, markStart: 8, markEnd: 14, kind: "double" });
  });
});

/** A small deterministic generator: the same pseudo-random texts on every run. */
function* randomTexts(count: number): Generator<string> {
  const pieces = [
    "said",
    "Ann Lee",
    "he",
    "the official",
    "told Reuters",
    ",",
    ".",
    ":",
    " ",
    " ",
    " ",
    "\n\n",
    '"',
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "don’t",
    "5'9\"",
    "according to",
    "Harakat",
    "(D-Ohio)",
    "—",
    "a commander of the Front",
    "so-called",
    "â€œ",
    "â€\u009d",
    "``",
    "''",
    "?",
    "We will",
    "it added",
  ];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let n = 0; n < count; n++) {
    const length = 5 + Math.floor(next() * 40);
    let text = "";
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}

describe("quotation invariants on generated text", () => {
  it("keeps spans inside the text, ordered, non-overlapping and pointing at their words", () => {
    for (const text of randomTexts(400)) {
      const spans = findQuotedSpans(text);
      for (const [i, s] of spans.entries()) {
        expect(s.markStart).toBeLessThanOrEqual(s.start);
        expect(s.start).toBeLessThan(s.end);
        expect(s.end).toBeLessThanOrEqual(s.markEnd);
        expect(s.markEnd).toBeLessThanOrEqual(text.length);
        const prev = spans[i - 1];
        if (prev) expect(prev.markEnd).toBeLessThanOrEqual(s.markStart);
      }
      const { tokens, sentences } = tokenize(text);
      for (const q of extractQuotes({ text, tokens, sentences, mentions: [] })) {
        expect(text.slice(q.start, q.end)).toBe(q.text);
        if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
      }
    }
  });
});
