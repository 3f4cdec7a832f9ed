import { describe, expect, it } from "vitest";
import { articleNames, MAX_NAME_HEADLINE_WORDS, type NamedArticle, voiceOf } from "./article-name.js";

const article = (id: string, rest: Partial<NamedArticle> = {}): NamedArticle => ({
  id,
  source: `${id}.txt`,
  ...rest,
});

describe("voiceOf", () => {
  it.each([
    [{ source: "a.txt", outlet: "The Daily Example" }, "The Daily Example"],
    [{ source: "a.txt", outlet: "  Harbour Times " }, "Harbour Times"],
    [{ source: "https://www.example.org/news/1" }, "example.org"],
    [{ source: "http://news.example.net/x", outlet: "" }, "news.example.net"],
    // Negative rows: a file path, a broken URL and a blank outlet name no one.
    [{ source: "stories/003_draft.txt" }, undefined],
    [{ source: "https://" }, undefined],
    [{ source: "a.txt", outlet: "   " }, undefined],
  ])("%j speaks as %j", (a, voice) => {
    expect(voiceOf(a)).toBe(voice);
  });
});

describe("articleNames", () => {
  it("names an article by its outlet, numbering the articles of an outlet that has several", () => {
    const names = articleNames([
      article("001_a", { outlet: "Harbour Times" }),
      article("002_b", { outlet: "Valley Post" }),
      article("003_c", { outlet: "Harbour Times" }),
    ]);
    expect([...names.values()]).toEqual(["Harbour Times (article 1)", "Valley Post", "Harbour Times (article 3)"]);
  });

  it("names an article without an outlet by its short headline, else by its number, never by its file id", () => {
    const names = articleNames([
      article("000_first", { title: "Ferry Runs Aground Off the Cape in Fog." }),
      article("001_second"),
      article("002_third", {
        title: "A ferry carrying two hundred passengers ran aground off the cape on Sunday night, the coastguard said",
      }),
      article("003_fourth", { outlet: "Cape Herald", title: "Ferry aground" }),
    ]);
    expect(names.get("000_first")).toBe("“Ferry Runs Aground Off the Cape in Fog”");
    expect(names.get("001_second")).toBe("article 2 (no outlet named)");
    // A first paragraph standing in for a headline, or a long headline, is too long to read as a name.
    expect(names.get("002_third")).toBe("article 3 (no outlet named)");
    expect(names.get("003_fourth")).toBe("Cape Herald");
    for (const [id, name] of names) expect(name).not.toContain(id);
  });

  it(`names by a headline of at most ${MAX_NAME_HEADLINE_WORDS} words, not one word more`, () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `Word${i + 1}`).join(" ");
    const names = articleNames([
      article("short", { title: words(MAX_NAME_HEADLINE_WORDS) }),
      article("long", { title: words(MAX_NAME_HEADLINE_WORDS + 1) }),
    ]);
    expect(names.get("short")).toBe(`“${words(MAX_NAME_HEADLINE_WORDS)}”`);
    expect(names.get("long")).toBe("article 2 (no outlet named)");
  });

  it("does not name two articles alike: a headline two articles share gives way to their numbers", () => {
    const names = articleNames([
      article("x", { title: "Ferry aground" }),
      article("y", { title: "ferry aground" }),
      article("z", { title: "Tug frees ferry" }),
    ]);
    expect([...names.values()]).toEqual([
      "article 1 (no outlet named)",
      "article 2 (no outlet named)",
      "“Tug frees ferry”",
    ]);
    expect(new Set(names.values()).size).toBe(3);
  });
});
