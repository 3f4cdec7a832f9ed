import { describe, expect, it } from "vitest";
import { annotated, quoteIn } from "../../test/fixtures.js";
import type { ArticleSpan } from "../model/index.js";
import { annotateArticle } from "../pipeline.js";
import { spanReader, toReportQuote } from "../report/build.js";
import { wordSpans } from "../words/tokens.js";
import { resolveEntities } from "./entities.js";
import { fidelityOf, groupQuotes, quoteSimilarity, quoteWords } from "./quotes.js";

const A = `"We will not reopen the terminal until the crews are safe, and we will say so again tomorrow," said a spokesman for the Dockers' Syndicate.`;
const B = `The Dockers’ Syndicate spokesman said: “We will not reopen the terminal until the crews are safe.”`;
const C = `Ana Ruiz told Meridian Press that "we won't reopen the terminal until the crews are safe, and we will say so again tomorrow".`;
const D = `Officials were "very close" to a deal, Ruiz said.`;

describe("groupQuotes", () => {
  const ruiz = {
    start: C.indexOf("Ana Ruiz"),
    end: C.indexOf("Ana Ruiz") + 8,
    text: "Ana Ruiz",
    type: "person" as const,
  };
  const story = [
    annotated(
      "a",
      A,
      [["Dockers' Syndicate", "organization"]],
      [
        quoteIn(
          A,
          "We will not reopen the terminal until the crews are safe, and we will say so again tomorrow,",
          "said a spokesman for the Dockers' Syndicate",
          {
            text: "a spokesman for the Dockers' Syndicate",
            kind: "description",
            resolved: {
              start: A.indexOf("Dockers'"),
              end: A.indexOf("Dockers'") + 18,
              text: "Dockers' Syndicate",
              type: "organization",
            },
          },
        ),
      ],
      "2026-03-09",
    ),
    annotated(
      "b",
      B,
      [["Dockers’ Syndicate", "organization"]],
      [
        quoteIn(
          B,
          "We will not reopen the terminal until the crews are safe.",
          "The Dockers’ Syndicate spokesman said",
          {
            text: "The Dockers’ Syndicate spokesman",
            kind: "description",
            resolved: {
              start: B.indexOf("Dockers’"),
              end: B.indexOf("Dockers’") + 18,
              text: "Dockers’ Syndicate",
              type: "organization",
            },
          },
        ),
      ],
      "2026-03-10",
    ),
    annotated(
      "c",
      C,
      [
        ["Ana Ruiz", "person"],
        ["Meridian Press", "organization"],
      ],
      [
        quoteIn(
          C,
          "we won't reopen the terminal until the crews are safe, and we will say so again tomorrow",
          "Ana Ruiz told Meridian Press",
          {
            text: "Ana Ruiz",
            kind: "name",
            resolved: ruiz,
          },
        ),
      ],
    ),
    annotated("d", D, [["Ruiz", "person"]], [quoteIn(D, "very close", "Ruiz said", { text: "Ruiz", kind: "name" })]),
  ];
  const entities = resolveEntities(story);
  const { words, evidence } = spanReader(story.map((a) => a.article));
  const quotes = groupQuotes(story, entities).map((q) => toReportQuote(q, words));

  it("puts every rendering of one quotation in one entry, each with its own attribution", () => {
    const q = quotes.find((x) => x.text.includes("reopen the terminal"));
    expect(q?.occurrences.map((o) => o.article)).toEqual(["a", "b", "c"]);
    expect(q?.occurrences.map((o) => o.attribution)).toEqual([
      "said a spokesman for the Dockers' Syndicate",
      "The Dockers’ Syndicate spokesman said",
      "Ana Ruiz told Meridian Press",
    ]);
    expect(q?.occurrences.map((o) => o.fidelity)).toEqual(["exact", "truncated", "minor-edit"]);
  });

  it("resolves the speaker to the entity most renderings name and keeps a description", () => {
    const q = quotes.find((x) => x.text.includes("reopen the terminal"));
    const syndicate = entities.byName("Dockers' Syndicate");
    expect(q?.speaker.entity).toBe(syndicate?.id);
    expect(q?.speaker.description).toMatch(/spokesman/);
  });

  it("describes the speaker by the whole phrase an article names them with", () => {
    const text = `"We will keep the quay open through the winter," said Tomas Berg, a spokesman for the harbour.`;
    const list = [annotateArticle({ id: "p", source: "p.txt", text, removedBoilerplate: [], diagnostics: [] })];
    const named = resolveEntities(list);
    const [q] = groupQuotes(list, named);
    expect(q?.speaker).toEqual({
      entity: named.byName("Tomas Berg")?.id,
      description: "Tomas Berg, a spokesman for the harbour",
    });
  });

  it("keeps different quotations apart and resolves a bare surname speaker", () => {
    const close = quotes.find((x) => x.text === "very close");
    expect(close?.occurrences).toHaveLength(1);
    expect(close?.speaker.entity).toBe(entities.byName("Ana Ruiz")?.id);
    expect(quotes).toHaveLength(2);
  });

  it("gives each occurrence offsets that point at its words, and its attribution's", () => {
    const texts = new Map(story.map((a) => [a.article.id, a.article.text]));
    for (const q of quotes)
      for (const o of q.occurrences) expect(texts.get(o.article)?.slice(o.start, o.end)).toBe(o.text);
    for (const q of groupQuotes(story, entities))
      for (const o of q.occurrences) expect(o.attribution && evidence(o.attribution).text).toBeTruthy();
  });

  it("knows a quotation by the rendering others repeat or cut, whichever article comes first", () => {
    const found = groupQuotes(story, entities).find((q) => q.occurrences.length === 3);
    expect(found?.reference).toBe(0);
    expect(found && words((found.occurrences[found.reference] as { words: ArticleSpan }).words)).toBe(
      "We will not reopen the terminal until the crews are safe, and we will say so again tomorrow,",
    );
  });
});

describe("quotation similarity", () => {
  it("is symmetric and in [0, 1]", () => {
    const pairs = [
      [A, B],
      [B, C],
      [C, D],
      [D, D],
    ].map(([x, y]) => [quoteWords(x as string), quoteWords(y as string)] as const);
    for (const [x, y] of pairs) {
      const s = quoteSimilarity(x, y);
      expect(s).toBe(quoteSimilarity(y, x));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(quoteSimilarity(quoteWords(D), quoteWords(D))).toBe(1);
  });

  it.each([
    ["We are ready.", "we are ready", "exact"],
    ["ready", "We are ready", "truncated"],
    ["We are ready and we are able", "We are ready", "expanded"],
    ["We were not ready at all today", "We are ready today at all", "altered"],
  ] as const)("reads %j against %j as %s", (a, b, fidelity) => {
    expect(fidelityOf(quoteWords(a), quoteWords(b))).toBe(fidelity);
  });
});

describe("quoteWords", () => {
  it("are the shared splitter's words, with case, accents, apostrophe forms and thousands separators ignored", () => {
    expect(quoteWords("The U.S.-led talks — in São Tomé — cost 1,100 dollars, didn’t they?")).toEqual(
      wordSpans("the u.s.-led talks — in sao tome — cost 1100 dollars, didn't they?").map((w) => w.text),
    );
  });

  it.each([
    ["U.S. officials", ["u.s.", "officials"]],
    ["long-range missiles", ["long-range", "missiles"]],
    ["1,100 people", ["1100", "people"]],
    ["'Yes' — he said", ["yes", "he", "said"]],
  ] as const)("splits %j into %j", (text, words) => {
    expect(quoteWords(text)).toEqual(words);
  });

  it.each([
    ["U.S. officials", ["u", "s", "officials"]],
    ["long-range missiles", ["long", "range", "missiles"]],
    ["'Yes' — he said", ["yes", "—", "he", "said"]],
  ] as const)("does not split %j as %j", (text, words) => {
    expect(quoteWords(text)).not.toEqual(words);
  });
});

describe("groupQuotes candidates", () => {
  const story = (texts: string[]) => {
    const list = texts.map((text, i) =>
      annotateArticle({ id: `n${i}`, source: `n${i}.txt`, text, removedBoilerplate: [], diagnostics: [] }),
    );
    return groupQuotes(list, resolveEntities(list)).map((q) => q.occurrences.length);
  };

  it.each([
    [
      "a truncated rendering",
      '"The ferry will sail at dawn," said Ina Brel.',
      '"The ferry will sail," Ina Brel said.',
      [2],
    ],
    [
      "a lightly edited rendering",
      '"We rebuilt the pier in a week," said Ina Brel.',
      '"We rebuilt the pier within a week," Ina Brel said.',
      [2],
    ],
    [
      "the same words in another order",
      '"Sail the ferry at dawn," said Ina Brel.',
      '"At dawn the ferry sail," Ina Brel said.',
      [1, 1],
    ],
    [
      "renderings sharing one common pair",
      '"It is a matter of the law," said Ina Brel.',
      '"Think of the children," Ina Brel said.',
      [1, 1],
    ],
  ])("%s", (_, a, b, sizes) => {
    expect(story([a, b])).toEqual(sizes);
  });
});
