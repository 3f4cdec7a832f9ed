import { describe, expect, it } from "vitest";
import { emptyReport, outletArticle } from "../../test/fixtures.js";
import type { Article, StoryReport } from "../model/index.js";
import { referentialProblems, storyReportSchema } from "../model/report-schema.js";
import { voicesOf, withStoreLinks } from "./copies.js";
import type { StoredArticle } from "./types.js";

const article = outletArticle;

describe("voicesOf", () => {
  it("makes ids unique within a story, the first keeping its id", () => {
    const a = article("wire-1", "a", "A");
    const ids = voicesOf([a, { ...a, outlet: "B" }, article("wire-1-2", "c", "C"), { ...a, outlet: "D" }]).map(
      (x) => x.id,
    );
    expect(ids).toEqual(["wire-1", "wire-1-2", "wire-1-2-2", "wire-1-3"]);
    expect(new Set(ids).size).toBe(4);
  });

  it("leaves unique ids alone", () => {
    const list = [article("a", "x", "A"), article("b", "y", "B")];
    expect(voicesOf(list)).toEqual(list);
  });
});

describe("withStoreLinks", () => {
  const stored = (id: number, name: string, outlet: string, copyOf?: number): StoredArticle => ({
    id,
    key: `k${id}`,
    storyId: 1,
    ingestedAt: "2026-03-10T00:00:00Z",
    article: article(name, `text of ${name}`, outlet),
    ...(copyOf === undefined ? {} : { copyOf }),
  });
  /** The report the pipeline makes of the story's articles that are no copies (its findings do not matter here). */
  const reportOf = (articles: StoredArticle[], leaveOut: string[] = []): StoryReport => ({
    ...emptyReport([]),
    articles: voicesOf(articles.filter((a) => a.copyOf === undefined).map((a) => a.article))
      .filter((a) => !leaveOut.includes(a.id))
      .map((a) => ({ id: a.id, source: a.source, text: a.text, wordCount: 3, removedBoilerplate: [] })),
  });
  const links = (report: StoryReport) => report.provenance.copies?.map((c) => `${c.copy.storeId}->${c.article}`);

  it.each<[string, StoredArticle[], string[], string[] | undefined]>([
    ["a copy, by the report's id of its original", [stored(1, "a", "A"), stored(2, "a", "B", 1)], [], ["2->a"]],
    [
      "a copy of a copy, by the original first copied",
      [stored(1, "a", "A"), stored(2, "b", "B", 1), stored(3, "c", "C", 2)],
      [],
      ["2->a", "3->a"],
    ],
    [
      "the original's id as the report renamed it",
      [stored(1, "w", "A"), stored(2, "w", "B"), stored(3, "w", "C", 2)],
      [],
      ["3->w-2"],
    ],
    // Negative rows: nothing to name, or nothing to name it beside.
    ["no copies: no field", [stored(1, "a", "A"), stored(2, "b", "B")], [], undefined],
    ["a copy of an article not in the story", [stored(1, "a", "A"), stored(2, "b", "B", 9)], [], undefined],
    ["a copy whose original the report lacks", [stored(1, "a", "A"), stored(2, "b", "B", 1)], ["a"], undefined],
    [
      "copies that copy each other only",
      [stored(1, "a", "A"), stored(2, "b", "B", 3), stored(3, "c", "C", 2)],
      [],
      undefined,
    ],
  ])("names %s", (_, articles, leaveOut, expected) => {
    const report = reportOf(articles, leaveOut);
    const linked = withStoreLinks(report, articles);
    expect(links(linked)).toEqual(expected);
    if (expected === undefined) expect(linked.provenance).toBe(report.provenance);
    // Linked once, a report is as it was when linked again.
    expect(withStoreLinks(linked, articles)).toBe(linked);
    expect(referentialProblems(linked)).toEqual([]);
    expect(storyReportSchema.safeParse(linked).success).toBe(true);
  });

  it("names a copy with its outlet, title, date and where the store serves it", () => {
    const articles = [stored(1, "a", "A"), { ...stored(2, "a", "B", 1), url: "https://b.example/a" }];
    expect(withStoreLinks(reportOf(articles), articles).provenance.copies).toEqual([
      {
        article: "a",
        copy: {
          id: "a",
          storeId: 2,
          outlet: "B",
          title: "text of a",
          published: "2026-03-10",
          url: "https://b.example/a",
        },
      },
    ]);
  });

  it("gives each of the report's articles its id in the store, the renamed ones too, and no copy one", () => {
    const articles = [stored(4, "w", "A"), stored(7, "w", "B"), stored(9, "x", "C", 4)];
    const linked = withStoreLinks(reportOf(articles), articles);
    expect(linked.articles.map((a) => [a.id, a.storeId])).toEqual([
      ["w", 4],
      ["w-2", 7],
    ]);
    // Negative: an article the report lacks is given to none.
    const partial = withStoreLinks(reportOf(articles, ["w"]), articles);
    expect(partial.articles.map((a) => [a.id, a.storeId])).toEqual([["w-2", 7]]);
  });
});
